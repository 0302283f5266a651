"""Reads for the analyst pages, exports and API: only what the public may see."""

from django.db.models import Q, QuerySet

from conference.models import KeyFigure
from conference.selectors import public_key_figures

# Rows read for a comparison chart: more would not fit a readable chart anyway.
COMPARISON_LIMIT = 400


def key_figures_for_listing() -> QuerySet[KeyFigure]:
    """Return published key figures with what a list row or export shows, in one query."""
    return (
        public_key_figures()
        .select_related("municipality", "event", "session")
        .order_by("label", "-year", "pk")
    )


def key_figure_detail(pk: int) -> KeyFigure | None:
    """Return one published key figure with its area, event and session, or None."""
    return (
        public_key_figures()
        .select_related("municipality", "event", "session", "session__event")
        .filter(pk=pk)
        .first()
    )


def comparable_figures(figure: KeyFigure) -> list[KeyFigure]:
    """Return published figures that measure the same thing (same label and unit).

    Kolada-style: the figure's own area, Riket and GR as a whole over the years, and
    GR's member municipalities in the figure's year. Newest event first, so that when
    one area and period was quoted at several events, a chart keeps the latest quote.
    """
    same_area = (
        Q(municipality=figure.municipality_id)
        if figure.municipality_id
        else Q(scope=figure.scope, municipality__isnull=True)
    )
    neighbours = Q(year=figure.year, municipality__gr_member=True)
    return list(
        public_key_figures()
        .filter(label=figure.label, unit=figure.unit)
        .filter(
            same_area
            | Q(scope=KeyFigure.Scope.COUNTRY)
            | Q(scope=KeyFigure.Scope.REGION)
            | neighbours
        )
        .select_related("municipality", "event")
        .order_by("-event__date", "-pk")[:COMPARISON_LIMIT]
    )


def figures_for_charts(filtered: QuerySet[KeyFigure]) -> list[KeyFigure]:
    """Return the newest filtered figures of one unit (the first one found) for charts.

    A chart compares like with like: if one label was quoted in several units, only
    the figures in the unit of the newest quote are drawn.
    """
    rows = list(
        filtered.select_related("municipality", "event").order_by(
            "-event__date", "-pk"
        )[:COMPARISON_LIMIT]
    )
    if not rows:
        return []
    label, unit = rows[0].label, rows[0].unit
    return [row for row in rows if row.unit == unit and row.label == label]
