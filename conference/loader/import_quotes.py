"""Quotes, found again by session, speaker, text and position."""

from conference.models import Event
from sessions_app.models import Quote

from .erasure import ANONYMOUS_ATTRIBUTION, quote_key
from .import_staff_edits import sync
from .import_state import Load, natural_key


def write_quotes(load: Load, event: Event) -> None:
    """Create or update the document's quotes; remove those it no longer has."""
    existing = {quote.natural_key: quote for quote in event.quotes.all()}
    keys = set()
    for order, parsed in enumerate(load.parsed.quotes):
        key = natural_key(parsed.session, parsed.person, parsed.text, order)
        attribution = parsed.attribution[:255]
        if parsed.person in load.erased:
            key = quote_key(key, set(existing))
            attribution = ANONYMOUS_ATTRIBUTION  # as erase_person left their quotes
        keys.add(key)
        quote = existing.get(key) or Quote(event=event, natural_key=key)
        is_new = quote.pk is None
        person = load.people.get(parsed.person)
        session = load.sessions.get(parsed.session)
        values = {
            "text": parsed.text,
            "person_id": person.pk if person else None,
            "attribution": attribution,
            "municipality_id": load.municipalities.get(parsed.municipality),
            "session_id": session.pk if session else None,
            "order": order,
        }
        changed = sync(quote, values, load.report.kept, f"Citat ”{parsed.text[:40]}”")
        if is_new or changed:
            load.save(quote)
        load.outcome("quote", is_new, changed)
    for key, quote in existing.items():
        if key not in keys and quote.loaded_values:
            load.remove(quote, "quote", f"Citat ”{quote.text[:40]}”")
