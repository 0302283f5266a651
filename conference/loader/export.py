"""Read all conference content into the documented JSON shape (see docs/loader.md)."""

import json
from decimal import Decimal

from django.db.models import Prefetch, Q

from conference.models import Event, EventPerson, KeyFigure
from sessions_app.models import ContentBlock, Quote, Session, SessionSpeaker
from speakers_app.models import Person

# Rows read from the database at a time: the export's memory stays that of one chunk
# and one event, whatever the number of key figures.
CHUNK_ROWS = 2_000
FIGURE_FIELDS = {
    "event": "event__slug",
    "label": "label",
    "value": "value",
    "unit": "unit",
    "period": "period",
    "scope": "scope",
    "municipality": "municipality__code",
    "measure": "measure__slug",
    "qualifier": "qualifier",
    "session": "session__slug",
    "source_text": "source_text",
    "review_status": "review_status",
    "flags": "flags",
}


def export_json(*, event_slug: str | None = None, indent: int | None = 2):
    """Yield the export as JSON text, record by record.

    Each event, person and key figure is read and written in turn, so a database with
    many key figures is exported in the memory of one chunk of rows and one event.
    """
    newline, pad = ("\n", " " * indent) if indent else ("", "")
    yield "{"
    for number, (name, records) in enumerate(export_sections(event_slug)):
        yield ("," if number else "") + f'{newline}{pad}"{name}": ['
        count = 0
        for count, record in enumerate(records, start=1):
            text = json.dumps(record, ensure_ascii=False, indent=indent or None)
            text = text.replace("\n", "\n" + pad * 2)
            yield ("," if count > 1 else "") + newline + pad * 2 + text
        yield (newline + pad if count else "") + "]"
    yield newline + "}"


def export_sections(event_slug: str | None):
    """Return (name, iterator of records) for events, people and key figures."""
    event_ids = Event.objects.order_by("date", "slug").values_list("pk", flat=True)
    figures = KeyFigure.objects.all()
    people = Person.objects.select_related("municipality").order_by("name", "pk")
    if event_slug is not None:
        event_ids = event_ids.filter(slug=event_slug)
        figures = figures.filter(event__slug=event_slug)
        people = people.filter(
            Q(event_roles__event__slug=event_slug)
            | Q(session_roles__session__event__slug=event_slug)
            | Q(quotes__event__slug=event_slug)
        ).distinct()
    return [
        ("events", (_event(_event_with_content(pk)) for pk in list(event_ids))),
        ("people", (_person(p) for p in people.iterator(chunk_size=CHUNK_ROWS))),
        (
            "key_figures",
            (
                _figure(row)
                for row in figures.values(*FIGURE_FIELDS.values()).iterator(
                    chunk_size=CHUNK_ROWS
                )
            ),
        ),
    ]


def _event_with_content(pk: int) -> Event:
    return Event.objects.prefetch_related(
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
    ).get(pk=pk)


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


def _figure(row: dict) -> dict:
    figure = {name: row[column] for name, column in FIGURE_FIELDS.items()}
    figure["value"] = _number(figure["value"])
    return figure


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)
