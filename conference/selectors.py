"""Reads for the public pages about events and municipalities.

Every function here runs a fixed number of queries, whatever the amount of data:
the page tests count them with 1 and with many related rows.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import (
    Count,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.http import Http404

from conference.http import latest
from conference.models import (
    Event,
    EventPerson,
    KeyFigure,
    Municipality,
    ReviewStatus,
    loader_fields,
)
from sessions_app.models import (
    Quote,
    Session,
    SessionQuerySet,
    SessionSpeaker,
)
from speakers_app.models import Person

HIGHLIGHT_COUNT = 6
MUNICIPALITY_FIGURE_COUNT = 50
# Sessions, people and quotes a municipality page shows; the sessions and people link
# to their filtered lists (paginated) when there are more.
MUNICIPALITY_ROW_COUNT = 20


def event_list(*, include_drafts: bool = False) -> QuerySet[Event]:
    """Return events newest first, each with its number of visible sessions (for a
    paginated list: its count and one page, 2 queries)."""
    session_filter = (
        Q() if include_drafts else SessionQuerySet.public_condition("sessions")
    )
    return (
        Event.objects.visible(include_drafts=include_drafts)
        .annotate(session_count=Count("sessions", filter=session_filter))
        .order_by("-date", "title", "pk")
    )


@dataclass
class EventPage:
    event: Event
    moderators: list[EventPerson]
    contacts: list[EventPerson]
    sessions: list[Session]
    highlights: list[KeyFigure]
    voices: list[Session] = field(default_factory=list)
    last_modified: datetime | None = field(default=None)


def _first_figure(**where) -> Subquery:
    # A figure the loader flagged is no highlight until staff have looked at it.
    return Subquery(
        KeyFigure.objects.filter(**where)
        .exclude(review_status=ReviewStatus.NEEDS_REVIEW)
        .order_by("order", "pk")
        .values("pk")[:1]
    )


# The first figure of the event outside its sessions, and of each session, as
# subqueries of the event and session queries. Built once: an expression is an
# immutable description that each query copies when it uses it.
EVENT_FIRST_FIGURE = _first_figure(event_id=OuterRef("pk"), session__isnull=True)
SESSION_FIRST_FIGURE = _first_figure(
    event_id=OuterRef("event_id"), session_id=OuterRef("pk")
)


def event_page(slug: str, *, include_drafts: bool = False) -> EventPage:
    """Return everything the event page shows (5 queries), or raise Http404.

    Each session carries its speakers as `session.people_roles`, in programme order.
    The participants' voices (sessions of kind "voices") are no programme items: they
    come apart, as `voices`, and the page links them (their text is on their own page).
    """
    # The highlights are the first figure of each shown session and the event's own
    # first figure, the first HIGHLIGHT_COUNT of them in the figures' order. The event
    # and session queries name each candidate (one probe each of the index
    # key_figure_event_session) rather than reading all of a large event's figures to
    # pick six. Unlike KeyFigure.objects.public(), a figure whose session belongs to
    # another event (the admin does not forbid it) is not shown.
    try:
        event = (
            Event.objects.visible(include_drafts=include_drafts)
            .defer(*loader_fields(""))
            .annotate(first_figure=EVENT_FIRST_FIGURE)
            .get(slug=slug)
        )
    except Event.DoesNotExist:
        raise Http404("No such event") from None
    people = list(
        EventPerson.objects.filter(event_id=event.pk)
        .select_related("person__municipality")
        .defer(*loader_fields("person"))
        .order_by("role", "order", "pk")
    )
    # The speakers come by the shown sessions' ids (the prefetch's IN list), not by
    # event: PostgreSQL's statistics describe the average event, so for a small one
    # among large ones a join by event read every session and speaker instead of a
    # few index entries (docs/production.md, "Figures").
    speakers = (
        SessionSpeaker.objects.select_related("person__municipality")
        .defer(*loader_fields("person"))
        .order_by("order", "pk")
    )
    sessions = list(
        Session.objects.visible(include_drafts=include_drafts)
        .filter(event_id=event.pk)
        .defer(*loader_fields(""))
        .annotate(first_figure=SESSION_FIRST_FIGURE)
        .order_by("order", "pk")
        .prefetch_related(
            Prefetch("session_speakers", queryset=speakers, to_attr="people_roles")
        )
    )
    for session in sessions:
        session.event = event  # get_absolute_url needs the slug: no extra query
    candidates = [event.first_figure, *(s.first_figure for s in sessions)]
    highlights = list(
        KeyFigure.objects.filter(pk__in=[pk for pk in candidates if pk is not None])
        .select_related("municipality")
        .defer(*loader_fields(""))
        .order_by("order", "pk")[:HIGHLIGHT_COUNT]
    )
    for figure in highlights:
        figure.event = event  # year_unfinished needs the date: no extra query
    return EventPage(
        event=event,
        moderators=[p for p in people if p.role == EventPerson.Role.MODERATOR],
        contacts=[p for p in people if p.role == EventPerson.Role.CONTACT],
        sessions=[s for s in sessions if s.kind != Session.Kind.VOICES],
        highlights=highlights,
        voices=[s for s in sessions if s.kind == Session.Kind.VOICES],
        last_modified=latest(
            event.updated_at,
            *(s.updated_at for s in sessions),
            *(figure.updated_at for figure in highlights),
            *(p.person.updated_at for p in people),
        ),
    )


def municipality_list() -> QuerySet[Municipality]:
    """Return GR's members, then other areas that appear in public content, by name
    (for a paginated list: its count and one page, 2 queries)."""
    return Municipality.objects.listed().order_by("-gr_member", "name", "pk")


@dataclass
class MunicipalityPage:
    municipality: Municipality
    sessions: list[Session]
    people: list[Person]
    key_figures: list[KeyFigure]
    more_key_figures: bool
    quotes: list[Quote]
    more_sessions: bool = False
    more_people: bool = False
    more_quotes: bool = False


def first_rows(rows: QuerySet, count: int) -> tuple[list, bool]:
    """Return the first ``count`` rows and whether there are more (one query: one
    row more than shown tells)."""
    found = list(rows[: count + 1])
    return found[:count], len(found) > count


def municipality_page(slug: str) -> MunicipalityPage:
    """Return everything public about one municipality (5 queries), or raise Http404."""
    try:
        municipality = Municipality.objects.get(slug=slug)
    except Municipality.DoesNotExist:
        raise Http404("No such municipality") from None
    sessions, more_sessions = first_rows(
        Session.objects.public()
        .filter(municipalities=municipality)
        .select_related("event")
        .order_by("-event__date", "event__title", "order", "pk"),
        MUNICIPALITY_ROW_COUNT,
    )
    people, more_people = first_rows(
        Person.objects.public()
        .filter(municipality=municipality)
        .select_related("municipality")
        .order_by("name", "pk"),
        MUNICIPALITY_ROW_COUNT,
    )
    # The newest figures; the explorer, linked from the page, lists them all. One row
    # more than shown tells whether there are more.
    key_figures = list(
        KeyFigure.objects.public()
        .filter(municipality=municipality)
        .select_related("session__event", "event", "municipality")
        .order_by("-event__date", "order", "pk")[: MUNICIPALITY_FIGURE_COUNT + 1]
    )
    quotes, more_quotes = first_rows(
        Quote.objects.public()
        .filter(Q(municipality=municipality) | Q(person__municipality=municipality))
        .select_related("person", "session__event")
        .order_by("-event__date", "order", "pk"),
        MUNICIPALITY_ROW_COUNT,
    )
    return MunicipalityPage(
        municipality=municipality,
        sessions=sessions,
        people=people,
        key_figures=key_figures[:MUNICIPALITY_FIGURE_COUNT],
        more_key_figures=len(key_figures) > MUNICIPALITY_FIGURE_COUNT,
        quotes=quotes,
        more_sessions=more_sessions,
        more_people=more_people,
        more_quotes=more_quotes,
    )
