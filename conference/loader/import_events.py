"""The event and its people for the whole day (moderators and contacts)."""

from django.db.models import Q
from django.utils import timezone

from conference.models import Event, EventPerson

from .erasure import flag_erased_names
from .import_staff_edits import plain, relation, remember, sync
from .import_state import Load, review_status


def write_event(load: Load) -> tuple[Event, bool]:
    """Create or update the event; return it and whether it is new."""
    parsed = load.parsed
    event = find_event(load)
    is_new = event.pk is None
    flags = flag_erased_names(
        parsed.flags, load.erased, parsed.title, parsed.description
    )
    values = {
        "title": parsed.title[:200],
        "date": parsed.date,
        "organizer": parsed.organizer[:200],
        "description": parsed.description,
        "flags": flags,
        "review_status": review_status(flags),
    }
    values |= _place(parsed, event)
    if load.publish:
        values["is_published"] = True
    changed = sync(event, values, load.report.kept, f"Evenemang {parsed.slug}")
    if event.is_published and event.published_at is None:
        event.published_at = timezone.now()
        changed = True
    if is_new:
        stamp_source(load, event)
        # Remembered up front, so that the one history row of the new event is complete.
        event.loaded_values["__people"] = _wanted_people(load)[1]
    if changed:
        load.save(event)
    load.outcome("event", is_new, changed)
    load.flag(f"Evenemang {parsed.title}", flags)
    return event, is_new


def _place(parsed, event: Event) -> dict:
    """Return the place fields to write: none when the document names no place.

    A place field the loader never wrote yet that is not empty (an event loaded before
    places were read) was typed in by staff, and stays.
    """
    if not parsed.venue:
        return {}
    place = {
        "venue": parsed.venue,
        "venue_address": parsed.venue_address,
        "venue_locality": parsed.venue_locality,
    }
    loaded = event.loaded_values or {}
    return {
        name: value
        for name, value in place.items()
        if event.pk is None or name in loaded or not getattr(event, name)
    }


def find_event(load: Load) -> Event:
    """Return the event by slug, else by file and date, else a new one.

    A corrected title changes the slug: the same file and date is the same event (an
    undated event is found by its file alone).
    """
    slug = load.parsed.slug
    candidates = Event.objects.filter(
        Q(slug=slug) | Q(source_name=load.source_name[:255], date=load.parsed.date)
    ).order_by("pk")
    return min(
        candidates,
        key=lambda found: found.slug != slug,
        default=Event(slug=slug),
    )


def stamp_source(load: Load, event: Event) -> None:
    event.source_name = load.source_name[:255]
    event.source_checksum = load.checksum
    event.source_loaded_at = timezone.now()


def write_event_people(load: Load, event: Event, is_new: bool) -> None:
    """Link the moderators and contacts, unless staff changed the links."""
    wanted, target = _wanted_people(load)
    rows = list(event.event_people.select_related("person"))
    if not is_new:
        current = sorted((row.person.slug, row.role) for row in rows)
        stored = dict(event.loaded_values)
        kept = load.report.kept
        label = f"Evenemang {event.slug}"
        decision = relation(event, "__people", current, target, kept, label)
        remember(event, stored)
        if decision != "replace":
            load.report.count("unchanged", "link", len(rows))
            return
    have = {(row.person.slug, row.role): row for row in rows}
    for order, (name, role) in enumerate(wanted):
        person = load.people[name]
        if (person.slug, role) not in have:
            link = EventPerson(event=event, person=person, role=role, order=order)
            load.create(link, "link")
    keep = {(load.people[name].slug, role) for name, role in wanted}
    for key, row in have.items():
        if key not in keep:
            load.delete(row, "link")


def _wanted_people(load: Load) -> tuple[list, list]:
    """Return the (name, role) pairs to link, and how loaded_values remembers them."""
    parsed = load.parsed
    wanted = [(name, EventPerson.Role.MODERATOR) for name in parsed.moderators]
    wanted += [(name, EventPerson.Role.CONTACT) for name in parsed.contacts]
    wanted = [(n, r) for n, r in dict.fromkeys(wanted) if n in load.people]
    target = plain(sorted((load.people[n].slug, str(r)) for n, r in wanted))
    return wanted, target
