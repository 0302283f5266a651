"""An iCalendar file (RFC 5545) for one event, so attendees can put the day in a calendar."""

from datetime import UTC, timedelta

from django.utils import timezone

from conference.models import Event

LINE_LIMIT = 75  # octets per line before folding (RFC 5545, 3.1)


def escape_text(value: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and newlines."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line into chunks of at most 75 octets, never inside a character."""
    chunks, current = [], ""
    for char in line:
        limit = (
            LINE_LIMIT if not chunks else LINE_LIMIT - 1
        )  # continuation adds a space
        if len((current + char).encode()) > limit:
            chunks.append(current)
            current = ""
        current += char
    chunks.append(current)
    return "\r\n ".join(chunks)


def event_calendar(event: Event, *, url: str, host: str) -> str:
    """Return the event as a VCALENDAR with one all-day VEVENT (no date: no VEVENT)."""
    # DTSTAMP from the last change, not the clock: the file stays byte-identical
    # between changes, so its ETag lets a repeat download cost a 304.
    changed = event.updated_at or timezone.now()
    stamp = changed.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Göteborgsregionen//Konferensdokumentation//SV",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if event.date:
        lines += [
            "BEGIN:VEVENT",
            f"UID:event-{event.pk}@{host.split(':')[0]}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{event.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.date + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape_text(event.title)}",
            f"DESCRIPTION:{escape_text(event.description)}",
            f"URL:{url}",
        ]
        if event.place_text:
            lines.append(f"LOCATION:{escape_text(event.place_text)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
