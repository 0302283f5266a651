"""Key figures, found again by their sentence with the digits masked."""

import re

from conference.measures import MeasureFinder
from conference.models import Event, KeyFigure, Measure, Municipality

from .import_staff_edits import sync
from .import_state import Load, natural_key, review_status

DIGITS = re.compile(r"\d[\d\s\u00a0,.]*")


def write_figures(load: Load, event: Event) -> None:
    """Create or update the document's key figures; remove those it no longer has.

    A figure's measure is found by its label and unit; like any field, one staff set
    by hand (or by merging measures) is kept.
    """
    existing = {figure.natural_key: figure for figure in event.key_figures.all()}
    measures = MeasureFinder(Measure, Municipality)
    seen: dict[str, int] = {}
    keys: set[str] = set()
    for order, parsed in enumerate(load.parsed.figures):
        # The sentence with its numbers masked, and the place in it: a corrected
        # number updates the same figure instead of replacing it.
        base = natural_key(parsed.session, DIGITS.sub("#", parsed.source_text))
        seen[base] = seen.get(base, 0) + 1
        key = natural_key(base, seen[base])
        keys.add(key)
        figure = existing.get(key) or KeyFigure(event=event, natural_key=key)
        is_new = figure.pk is None
        session = load.sessions.get(parsed.session)
        values = {
            "label": parsed.label[:255],
            "value": parsed.value,
            "unit": parsed.unit,
            "period": parsed.period,
            "year": int(parsed.period) if parsed.period.isdigit() else None,
            "scope": parsed.scope,
            "municipality_id": load.municipalities.get(parsed.municipality),
            "measure_id": measures.measure_id(parsed.label[:255], parsed.unit),
            "qualifier": parsed.qualifier,
            "source_text": parsed.source_text,
            "order": order,
            "session_id": session.pk if session else None,
            "flags": parsed.flags,
            "review_status": review_status(parsed.flags),
        }
        label = f"Nyckeltal ”{parsed.label}”"
        changed = sync(figure, values, load.report.kept, label)
        if is_new or changed:
            load.save(figure)
        load.outcome("key_figure", is_new, changed)
        load.flag(
            f"Nyckeltal {parsed.label} ({parsed.value} {parsed.unit})", parsed.flags
        )
    for key, figure in existing.items():
        if key not in keys and figure.loaded_values:
            load.remove(figure, "key_figure", f"Nyckeltal ”{figure.label}”")
