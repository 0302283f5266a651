"""Sessions with their speakers, municipalities and content blocks."""

from django.utils import timezone

from conference.models import Event
from sessions_app.models import ContentBlock, Session, SessionSpeaker

from .erasure import flag_erased_names
from .import_staff_edits import plain, relation, remember, sync
from .import_state import Load, review_status
from .records import ParsedSession


def write_sessions(load: Load, event: Event) -> list[Session]:
    """Create or update the document's sessions; return those it no longer has.

    Those are removed last (see importer), once their figures and quotes are written.
    """
    existing = {session.slug: session for session in event.sessions.all()}
    for order, parsed in enumerate(load.parsed.sessions):
        session = existing.get(parsed.slug) or Session(event=event, slug=parsed.slug)
        is_new = session.pk is None
        flags = parsed.flags
        if load.erased:
            texts = [b.text for b in parsed.blocks]
            texts += [item for b in parsed.blocks for item in b.items]
            flags = flag_erased_names(flags, load.erased, parsed.title, *texts)
        values = {
            "title": parsed.title[:255],
            "kind": parsed.kind,
            "order": order,
            "documented": parsed.documented,
            "flags": flags,
            "review_status": review_status(flags),
        }
        if load.publish:
            values["is_published"] = True
        label = f"Programpunkt {parsed.slug}"
        changed = sync(session, values, load.report.kept, label)
        if session.is_published and session.published_at is None:
            session.published_at = timezone.now()
            changed = True
        load.flag(f"Programpunkt {parsed.title}", flags)
        if is_new:
            _create(load, session, parsed)
        else:
            _update(load, session, parsed, changed)
        load.sessions[parsed.slug] = session
    seen = {parsed.slug for parsed in load.parsed.sessions}
    return [
        session
        for slug, session in existing.items()
        if slug not in seen and session.loaded_values
    ]


def _create(load: Load, session: Session, parsed: ParsedSession) -> None:
    wanted = _wanted_relations(load, parsed)
    # Remembered up front, so that the one history row of the new session is complete.
    session.loaded_values.update(wanted)
    load.save(session)
    municipalities = [load.municipalities[c] for c in wanted["__municipalities"]]
    if municipalities:
        _add_municipalities_to_first_history_row(session, municipalities)
    for link in _speaker_links(load, session, parsed):
        load.create(link, "link")
    for block in _block_rows(load, session, parsed):
        load.create(block, "block")
    load.outcome("session", True, True)


def _add_municipalities_to_first_history_row(session: Session, ids: list[int]):
    """Link a new session's municipalities, recorded in its first history row.

    Left to itself simple-history writes a second row ("~") for the m2m change of a
    session it has just recorded as created; ``skip_history_when_saving`` (its
    documented switch) stops that, and the links are added to the created row as
    simple-history records m2m links: one row per link, holding the link's values.
    """
    session.skip_history_when_saving = True
    try:
        session.municipalities.set(ids)
    finally:
        del session.skip_history_when_saving
    created = session.history.first()
    if created is None:  # history switched off (SIMPLE_HISTORY_ENABLED)
        return
    links = Session.municipalities.through.objects.filter(session=session)
    for link in links.order_by("pk"):
        created.municipalities.create(
            history=created,
            id=link.pk,
            session=session,
            municipality_id=link.municipality_id,
        )


def _update(load: Load, session: Session, parsed: ParsedSession, changed: bool):
    if changed:
        load.save(session)
    wanted = _wanted_relations(load, parsed)
    stored = dict(session.loaded_values)
    changed |= _speakers(load, session, parsed, wanted["__speakers"])
    changed |= _municipalities(load, session, wanted["__municipalities"])
    changed |= _blocks(load, session, parsed, wanted["__blocks"])
    remember(session, stored)
    load.outcome("session", False, changed)


def _wanted_relations(load: Load, parsed: ParsedSession) -> dict:
    """Return the session's relations as loaded_values remembers them."""
    speakers = [
        (load.people[name].slug, role)
        for name, role in parsed.speakers
        if name in load.people
    ]
    return {
        "__speakers": plain(sorted(dict.fromkeys(speakers))),
        "__municipalities": sorted(
            code for code in set(parsed.municipalities) if code in load.municipalities
        ),
        "__blocks": [
            _block_value(b.kind, b.text, b.items, load.people.get(b.person))
            for b in parsed.blocks
        ],
    }


def _speakers(load: Load, session: Session, parsed: ParsedSession, target) -> bool:
    rows = list(session.session_speakers.select_related("person"))
    now = sorted((row.person.slug, row.role) for row in rows)
    label = f"Programpunkt {parsed.slug}"
    kept = load.report.kept
    if relation(session, "__speakers", now, target, kept, label) != "replace":
        load.report.count("unchanged", "link", len(rows))
        return False
    have = {(row.person.slug, row.role): row for row in rows}
    for link in _speaker_links(load, session, parsed):
        if (link.person.slug, link.role) not in have:
            load.create(link, "link")
    keep = {tuple(item) for item in target}
    for key, row in have.items():
        if key not in keep:
            load.delete(row, "link")
    return True


def _municipalities(load: Load, session: Session, target: list[str]) -> bool:
    now = sorted(session.municipalities.values_list("code", flat=True))
    label = f"Programpunkt {session.slug}"
    kept = load.report.kept
    if relation(session, "__municipalities", now, target, kept, label) != "replace":
        return False
    session._change_reason = load.reason  # for the history row of the m2m change
    session.municipalities.set([load.municipalities[code] for code in target])
    return True


def _blocks(load: Load, session: Session, parsed: ParsedSession, target) -> bool:
    """Replace the content blocks as a whole, unless staff changed any of them."""
    rows = list(session.blocks.select_related("person").order_by("order", "pk"))
    now = [_block_value(row.kind, row.text, row.items, row.person) for row in rows]
    label = f"Programpunkt {parsed.slug}"
    kept = load.report.kept
    if relation(session, "__blocks", now, target, kept, label) != "replace":
        load.report.count("unchanged", "block", len(rows))
        return False
    for row in rows:
        load.delete(row, "block")
    for block in _block_rows(load, session, parsed):
        load.create(block, "block")
    return True


def _speaker_links(load: Load, session: Session, parsed: ParsedSession):
    wanted = [(load.people[n], role) for n, role in parsed.speakers if n in load.people]
    return [
        SessionSpeaker(session=session, person=person, role=role, order=order)
        for order, (person, role) in enumerate(dict.fromkeys(wanted))
    ]


def _block_rows(load: Load, session: Session, parsed: ParsedSession):
    return [
        ContentBlock(
            session=session,
            order=order,
            kind=b.kind,
            text=b.text,
            items=b.items,
            person=load.people.get(b.person),
        )
        for order, b in enumerate(parsed.blocks)
    ]


def _block_value(kind, text, items, person) -> list:
    return [kind, text, list(items or []), person.slug if person else ""]
