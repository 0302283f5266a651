"""Read all conference content into the documented JSON shape (see docs/loader.md)."""

from decimal import Decimal

from django.db.models import Prefetch, Q

from conference.models import Event, EventPerson, KeyFigure
from sessions_app.models import ContentBlock, Quote, Session, SessionSpeaker
from speakers_app.models import Person


def export_content(*, event_slug: str | None = None) -> dict:
    """Return events, people and key figures as plain JSON-ready data."""
    events = Event.objects.order_by("date", "slug").prefetch_related(
        Prefetch(
            "event_people",
            queryset=EventPerson.objects.select_related("person").order_by("order"),
        ),
        Prefetch(
            "sessions",
            queryset=Session.objects.order_by("order", "pk").prefetch_related(
                Prefetch(
                    "session_speakers",
                    queryset=SessionSpeaker.objects.select_related("person"),
                ),
                "municipalities",
                Prefetch("blocks", queryset=ContentBlock.objects.order_by("order")),
            ),
        ),
        Prefetch(
            "quotes",
            queryset=Quote.objects.select_related("person", "municipality", "session"),
        ),
    )
    figures = KeyFigure.objects.select_related("municipality", "session", "event")
    people = Person.objects.select_related("municipality").order_by("name")
    if event_slug is not None:
        events = events.filter(slug=event_slug)
        figures = figures.filter(event__slug=event_slug)
        people = people.filter(
            Q(event_roles__event__slug=event_slug)
            | Q(session_roles__session__event__slug=event_slug)
            | Q(quotes__event__slug=event_slug)
        ).distinct()
    return {
        "events": [_event(event) for event in events],
        "people": [_person(person) for person in people],
        "key_figures": [_figure(figure) for figure in figures],
    }


def _event(event: Event) -> dict:
    roles = list(event.event_people.all())
    return {
        "slug": event.slug,
        "title": event.title,
        "date": event.date.isoformat() if event.date else None,
        "organizer": event.organizer,
        "description": event.description,
        "is_published": event.is_published,
        "review_status": event.review_status,
        "flags": event.flags,
        "moderators": [r.person.name for r in roles if r.role == "moderator"],
        "contacts": [
            {"name": r.person.name, "title": r.person.title, "phone": r.person.phone}
            for r in roles
            if r.role == "contact"
        ],
        "sessions": [_session(session) for session in event.sessions.all()],
        "quotes": [
            {
                "text": quote.text,
                "person": quote.person.name if quote.person else None,
                "attribution": quote.attribution,
                "municipality": quote.municipality.code if quote.municipality else None,
                "session": quote.session.slug if quote.session else None,
            }
            for quote in event.quotes.all()
        ],
    }


def _session(session: Session) -> dict:
    return {
        "slug": session.slug,
        "title": session.title,
        "kind": session.kind,
        "documented": session.documented,
        "review_status": session.review_status,
        "flags": session.flags,
        "speakers": [
            {"name": link.person.name, "role": link.role}
            for link in session.session_speakers.all()
        ],
        "municipalities": sorted(m.code for m in session.municipalities.all()),
        "blocks": [_block(block) for block in session.blocks.all()],
    }


def _block(block: ContentBlock) -> dict:
    data = {"type": block.kind}
    if block.kind in (ContentBlock.Kind.BULLET_LIST, ContentBlock.Kind.NUMBERED_LIST):
        data["items"] = block.items
    else:
        data["text"] = block.text
    if block.person_id:
        data["person"] = block.person.name
    return data


def _person(person: Person) -> dict:
    return {
        "name": person.name,
        "title": person.title,
        "organization": person.organization,
        "municipality": person.municipality.code if person.municipality else None,
    }


def _figure(figure: KeyFigure) -> dict:
    return {
        "event": figure.event.slug,
        "label": figure.label,
        "value": _number(figure.value),
        "unit": figure.unit,
        "period": figure.period,
        "scope": figure.scope,
        "municipality": figure.municipality.code if figure.municipality else None,
        "qualifier": figure.qualifier,
        "session": figure.session.slug if figure.session else None,
        "source_text": figure.source_text,
        "review_status": figure.review_status,
        "flags": figure.flags,
    }


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)
