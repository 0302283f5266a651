"""Find the event's date wherever a page gives it."""

import datetime

from .numbers import find_dates
from .records import Hints


def event_date(
    *, title: str, intro: str, text: str, hints: Hints
) -> datetime.date | None:
    """Return the date of the event the page documents, or None when nothing gives it."""
    if hints.date:
        return hints.date
    found = find_dates(intro) or find_dates(text)
    return found[0][0] if found else None
