"""A comparable picture of what the database holds about events, free of ids and times.

Two databases that hold the same conference give equal snapshots, whatever order the rows
were written in; `python manage.py shell -c "from tests.robustness.snapshot import
print_snapshot; print_snapshot()"` prints it as JSON for tests that run the loader in
other processes.
"""

import json

from conference.models import Event, EventPerson, KeyFigure
from sessions_app.models import ContentBlock, Quote, Session, SessionSpeaker
from speakers_app.models import Person


def snapshot(event_slug: str | None = None) -> dict[str, list]:
    """Return the content of every event (or of one), sorted, as plain lists."""
    events = Event.objects.all()
    if event_slug is not None:
        events = events.filter(slug=event_slug)

    def rows(queryset, *fields):
        return sorted(
            [[str(value) for value in row] for row in queryset.values_list(*fields)]
        )

    return {
        "events": rows(
            events,
            "slug",
            "title",
            "date",
            "organizer",
            "venue",
            "description",
            "is_published",
            "source_checksum",
        ),
        "event_people": rows(
            EventPerson.objects.filter(event__in=events),
            "event__slug",
            "person__slug",
            "role",
            "order",
        ),
        "sessions": rows(
            Session.objects.filter(event__in=events),
            "event__slug",
            "slug",
            "title",
            "kind",
            "order",
            "documented",
            "is_published",
        ),
        "session_municipalities": rows(
            Session.municipalities.through.objects.filter(session__event__in=events),
            "session__event__slug",
            "session__slug",
            "municipality__code",
        ),
        "blocks": rows(
            ContentBlock.objects.filter(session__event__in=events),
            "session__event__slug",
            "session__slug",
            "order",
            "kind",
            "text",
            "items",
            "person__slug",
        ),
        "speakers": rows(
            SessionSpeaker.objects.filter(session__event__in=events),
            "session__event__slug",
            "session__slug",
            "person__slug",
            "role",
            "order",
        ),
        "key_figures": rows(
            KeyFigure.objects.filter(event__in=events),
            "event__slug",
            "session__slug",
            "natural_key",
            "label",
            "value",
            "unit",
            "period",
            "year",
            "scope",
            "municipality__code",
            "qualifier",
            "source_text",
            "review_status",
        ),
        "quotes": rows(
            Quote.objects.filter(event__in=events),
            "event__slug",
            "session__slug",
            "natural_key",
            "text",
            "person__slug",
            "attribution",
            "municipality__code",
        ),
        "people": rows(
            Person.objects.filter(
                pk__in=SessionSpeaker.objects.filter(session__event__in=events).values(
                    "person"
                )
            ),
            "slug",
            "name",
            "title",
            "organization",
            "municipality__code",
        ),
    }


def print_snapshot() -> None:
    print(json.dumps(snapshot(), ensure_ascii=False))
