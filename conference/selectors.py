"""Reads for the public pages about events and municipalities.

Every function here runs a fixed number of queries, whatever the amount of data:
the page tests count them with 1 and with many related rows.
"""

from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from conference.compiled import CompiledQuery, columns, instance
from conference.lookups import IdList
from conference.models import Event, EventPerson, KeyFigure, Municipality
from sessions_app.models import Quote, Session, SessionQuerySet, SessionSpeaker
from speakers_app.models import Person

HIGHLIGHT_COUNT = 6
MUNICIPALITY_FIGURE_COUNT = 50

# The loader's bookkeeping (JSON columns of LoadedRecord): public pages never show it,
# and decoding it for every row loaded cost an uncached page real time.
LOADER_FIELDS = ("loaded_values", "flags")
# Compiled queries come in two versions: for visitors, and for editors previewing drafts.
DRAFTS = (False, True)


def loader_fields(*relations: str) -> list[str]:
    """Return the loader fields of a model and of its related models, for `.defer()`.

    `loader_fields("", "person")` → the model's own fields and its `person`'s.
    """
    return [
        f"{relation}__{name}" if relation else name
        for relation in relations
        for name in LOADER_FIELDS
    ]


def latest(*values: datetime | None) -> datetime | None:
    """Return the newest of some timestamps (None when there are none)."""
    present = [value for value in values if value is not None]
    return max(present) if present else None


def event_list(*, include_drafts: bool = False) -> list[Event]:
    """Return events newest first, each with its number of visible sessions (1 query)."""
    session_filter = (
        Q() if include_drafts else SessionQuerySet.public_condition("sessions")
    )
    return list(
        Event.objects.visible(include_drafts=include_drafts)
        .annotate(session_count=Count("sessions", filter=session_filter))
        .order_by("-date", "title")
    )


@dataclass
class EventPage:
    event: Event
    moderators: list[EventPerson]
    contacts: list[EventPerson]
    sessions: list[Session]
    highlights: list[KeyFigure]
    last_modified: datetime | None = field(default=None)


def person_from_row(
    row: dict, prefix: str = "person__", known: dict | None = None
) -> Person | None:
    """The person (with their municipality, when the row has it) of a compiled row.

    `known` is the page's municipalities by id (see `municipality_from_row`).
    """
    if row[f"{prefix}id"] is None:
        return None
    if f"{prefix}municipality__id" not in row:
        return instance(Person, row, prefix)
    municipality = municipality_from_row(row, f"{prefix}municipality__", known)
    return instance(Person, row, prefix, municipality=municipality)


def municipality_from_row(
    row: dict, prefix: str, known: dict | None = None
) -> Municipality | None:
    """The municipality of a compiled row, built once per page when `known` is given.

    A page names the same few municipalities for many people and figures; building
    each once saves most of the model instances an event page would create.
    """
    pk = row[f"{prefix}id"]
    if pk is None:
        return None
    if known is None:
        return instance(Municipality, row, prefix)
    if pk not in known:
        known[pk] = instance(Municipality, row, prefix)
    return known[pk]


def people_columns(prefix: str = "person__") -> list[str]:
    """A person's columns and their municipality's, for `person_from_row`."""
    return [
        *columns(Person, prefix, skip=LOADER_FIELDS),
        *columns(Municipality, f"{prefix}municipality__"),
    ]


def _event(slug: str, *, include_drafts: bool) -> QuerySet:
    # The event with its moderators and contacts, one row each (one row of empty
    # people columns when it has none): a query fewer than asking for them by id.
    return (
        Event.objects.visible(include_drafts=include_drafts)
        .filter(slug=slug)
        .order_by("event_people__role", "event_people__order", "event_people__pk")
        .values_list(
            *columns(Event, skip=LOADER_FIELDS),
            *columns(EventPerson, "event_people__"),
            *people_columns("event_people__person__"),
        )
    )


def _event_sessions(event_id: int, *, include_drafts: bool) -> QuerySet:
    return (
        Session.objects.visible(include_drafts=include_drafts)
        .filter(event_id=event_id)
        .order_by("order", "pk")
        .values_list(*columns(Session, skip=LOADER_FIELDS))
    )


def _event_speakers(session_ids: IdList) -> QuerySet:
    # By the shown sessions' ids, not by event: PostgreSQL's statistics describe the
    # average event, so for a small one among large ones it joined every session and
    # speaker instead of reading a few index entries (docs/production.md, "Figures").
    return (
        SessionSpeaker.objects.filter(session__id__any_of=session_ids)
        .order_by("order", "pk")
        .values_list(*columns(SessionSpeaker), *people_columns())
    )


def _first_figure(**where) -> QuerySet:
    return KeyFigure.objects.filter(**where).order_by("order", "pk").values("pk")[:1]


def _event_highlights(event_id: int, session_ids: IdList) -> QuerySet:
    # The first figure of each shown session and the event's own first figure, the
    # first HIGHLIGHT_COUNT of them in the figures' order. One index probe each
    # (key_figure_event_session): a generated event's 5 000 figures cost 41 ms of
    # Python when all were read to pick six. Unlike KeyFigure.objects.public(), a figure whose
    # session belongs to another event (the admin does not forbid it) is not shown.
    firsts_of_sessions = Session.objects.filter(id__any_of=session_ids).values(
        first=Subquery(_first_figure(event_id=event_id, session_id=OuterRef("pk")))
    )
    first_of_event = Event.objects.filter(pk=event_id).values(
        first=Subquery(_first_figure(event_id=OuterRef("pk"), session__isnull=True))
    )
    return (
        KeyFigure.objects.filter(
            pk__in=firsts_of_sessions.union(first_of_event, all=True)
        )
        .order_by("order", "pk")
        .values_list(
            *columns(KeyFigure, skip=LOADER_FIELDS),
            *columns(Municipality, "municipality__"),
        )[:HIGHLIGHT_COUNT]
    )


# The event page's four queries, compiled once per process (conference/compiled.py).
EVENT = {d: CompiledQuery(partial(_event, include_drafts=d), slug=str) for d in DRAFTS}
EVENT_SESSIONS = {
    d: CompiledQuery(partial(_event_sessions, include_drafts=d), event_id=int)
    for d in DRAFTS
}
EVENT_SPEAKERS = CompiledQuery(_event_speakers, session_ids=IdList)
EVENT_HIGHLIGHTS = CompiledQuery(_event_highlights, event_id=int, session_ids=IdList)


def event_page(slug: str, *, include_drafts: bool = False) -> EventPage:
    """Return everything the event page shows (4 queries), or raise Http404.

    Each session carries its speakers as `session.people_roles`, in programme order.
    """
    rows = EVENT[include_drafts](slug=slug)
    if not rows:
        raise Http404("No such event")
    event = instance(Event, rows[0])
    municipalities = {}
    people = []
    for row in rows:
        if row["event_people__id"] is not None:
            person = person_from_row(row, "event_people__person__", municipalities)
            people.append(instance(EventPerson, row, "event_people__", person=person))
    sessions = {}
    for row in EVENT_SESSIONS[include_drafts](event_id=event.pk):
        # get_absolute_url needs the event's slug: no extra query.
        session = instance(Session, row, event=event)
        session.people_roles = []
        sessions[session.pk] = session
    for row in EVENT_SPEAKERS(session_ids=list(sessions)):
        person = person_from_row(row, known=municipalities)
        role = instance(SessionSpeaker, row, person=person)
        sessions[row["session_id"]].people_roles.append(role)
    highlights = []
    for row in EVENT_HIGHLIGHTS(event_id=event.pk, session_ids=list(sessions)):
        municipality = municipality_from_row(row, "municipality__", municipalities)
        figure = instance(KeyFigure, row, municipality=municipality)
        highlights.append(figure)
    return EventPage(
        event=event,
        moderators=[p for p in people if p.role == EventPerson.Role.MODERATOR],
        contacts=[p for p in people if p.role == EventPerson.Role.CONTACT],
        sessions=list(sessions.values()),
        highlights=highlights,
        last_modified=latest(
            event.updated_at,
            *(s.updated_at for s in sessions.values()),
            *(figure.updated_at for figure in highlights),
            *(p.person.updated_at for p in people),
        ),
    )


def municipality_list() -> dict[str, list[Municipality]]:
    """Return GR's members, then other areas that appear in public content (1 query)."""
    rows = list(Municipality.objects.listed().order_by("-gr_member", "name"))
    return {
        "members": [m for m in rows if m.gr_member],
        "others": [m for m in rows if not m.gr_member],
    }


@dataclass
class MunicipalityPage:
    municipality: Municipality
    sessions: list[Session]
    people: list[Person]
    key_figures: list[KeyFigure]
    more_key_figures: bool
    quotes: list[Quote]


def municipality_page(slug: str) -> MunicipalityPage:
    """Return everything public about one municipality (5 queries), or raise Http404."""
    try:
        municipality = Municipality.objects.get(slug=slug)
    except Municipality.DoesNotExist:
        raise Http404("No such municipality") from None
    sessions = list(
        Session.objects.public()
        .filter(municipalities=municipality)
        .select_related("event")
        .order_by("-event__date", "event__title", "order", "pk")
    )
    people = list(
        Person.objects.public()
        .filter(municipality=municipality)
        .select_related("municipality")
        .order_by("name")
    )
    # The newest figures; the explorer, linked from the page, lists them all. One row
    # more than shown tells whether there are more.
    key_figures = list(
        KeyFigure.objects.public()
        .filter(municipality=municipality)
        .select_related("session__event", "event", "municipality")
        .order_by("-event__date", "order", "pk")[: MUNICIPALITY_FIGURE_COUNT + 1]
    )
    quotes = list(
        Quote.objects.public()
        .filter(Q(municipality=municipality) | Q(person__municipality=municipality))
        .select_related("person", "session__event")
        .order_by("-event__date", "order", "pk")
    )
    return MunicipalityPage(
        municipality=municipality,
        sessions=sessions,
        people=people,
        key_figures=key_figures[:MUNICIPALITY_FIGURE_COUNT],
        more_key_figures=len(key_figures) > MUNICIPALITY_FIGURE_COUNT,
        quotes=quotes,
    )
