"""schema.org data (JSON-LD) for event pages, so search engines understand the day.

The script element is a data block (type application/ld+json): browsers never run it,
so a strict Content-Security-Policy does not need a nonce for it. Leaving the nonce out
keeps the page byte-identical between requests, which the ETag relies on.
"""

import json

from django.utils.safestring import SafeString, mark_safe

from conference.models import Event

JSON_SCRIPT_ESCAPES = (("&", "\\u0026"), ("<", "\\u003C"), (">", "\\u003E"))
SCHEMA = "https://schema.org/"
ATTENDANCE_MODES = {
    Event.AttendanceMode.ON_SITE: SCHEMA + "OfflineEventAttendanceMode",
    Event.AttendanceMode.ONLINE: SCHEMA + "OnlineEventAttendanceMode",
    Event.AttendanceMode.MIXED: SCHEMA + "MixedEventAttendanceMode",
}


def event_locations(event) -> list[dict]:
    """Return where the day was held: a Place and/or a VirtualLocation.

    Only what staff (or the document) gave: without a venue, address or locality
    there is no Place, even though Google asks for one. The organiser's name says
    nothing certain about where a day was held, and a wrong place is worse for a
    visitor than none.
    """
    locations = []
    if event.attendance_mode != Event.AttendanceMode.ONLINE and event.place_text:
        place = {"@type": "Place", "name": event.venue or event.place_text}
        address = {
            key: value
            for key, value in (
                ("streetAddress", event.venue_address),
                ("addressLocality", event.venue_locality),
            )
            if value
        }
        if address:
            place["address"] = {
                "@type": "PostalAddress",
                **address,
                "addressCountry": "SE",
            }
        locations.append(place)
    if event.attendance_mode != Event.AttendanceMode.ON_SITE and event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    return locations


def event_jsonld(page, *, base_url: str) -> SafeString:
    """Return a schema.org Event for an event page, escaped for a <script> element."""
    event = page.event
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": base_url + event.get_absolute_url(),
        "description": event.description,
        "inLanguage": "sv",
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": ATTENDANCE_MODES[event.attendance_mode],
    }
    if event.date:
        data["startDate"] = event.date.isoformat()
        data["endDate"] = event.date.isoformat()
    locations = event_locations(event)
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if event.organizer:
        data["organizer"] = {"@type": "Organization", "name": event.organizer}
    performers = {
        role.person.pk: role.person
        for session in page.sessions
        for role in session.people_roles
    }
    if performers:
        data["performer"] = [
            {"@type": "Person", "name": person.name} for person in performers.values()
        ]
    # page.sessions is the programme: the participants' voices are no sub-events.
    if page.sessions:
        data["subEvent"] = [
            {
                "@type": "Event",
                "name": session.title,
                "url": base_url + session.get_absolute_url(),
            }
            for session in page.sessions
        ]
    text = json.dumps(data, ensure_ascii=False)
    # What django.utils.html.json_script escapes; str.replace is many times faster
    # than str.translate on a text with non-ASCII letters.
    for character, escaped in JSON_SCRIPT_ESCAPES:
        text = text.replace(character, escaped)
    return mark_safe(  # noqa: S308 - JSON with <, > and & escaped
        f'<script type="application/ld+json">{text}</script>'
    )
