"""Reads for the analyst pages, exports and API: only what the public may see."""

from django.db.models import Q, QuerySet

from conference.analysis.charts import ChartFigure
from conference.analysis.key_figure_filters import published_events
from conference.content_version import cached_until_content_changes
from conference.models import KeyFigure, year_unfinished

# Rows read for a comparison chart: more would not fit a readable chart anyway.
COMPARISON_LIMIT = 400
# What the explorer's table shows of a figure. Read as plain values: model instances
# with their area and event cost more to build than the rest of the page.
TABLE_COLUMNS = (
    "id",
    "label",
    "value",
    "unit",
    "qualifier",
    "period",
    "year",
    "scope",
    "municipality__name",
    "municipality__code",
    "event__title",
    "event__date",
)
CHART_COLUMNS = (
    "id",
    "label",
    "value",
    "unit",
    "period",
    "year",
    "scope",
    "municipality_id",
    "municipality__name",
    "event__title",
    "event__date",
)


def key_figures_for_listing() -> QuerySet[KeyFigure]:
    """Return published key figures with what a list row or export shows, in one query."""
    return (
        KeyFigure.objects.public()
        .select_related("municipality", "event", "session")
        .order_by("label", "-year", "pk")
    )


def key_figure_table_rows() -> QuerySet:
    """Return published key figures in the listing's order as named tuples of
    TABLE_COLUMNS (for the explorer's table)."""
    return key_figures_for_listing().values_list(*TABLE_COLUMNS, named=True)


def event_choices() -> tuple[tuple[str, str], ...]:
    """Return (slug, title) of the events the explorer's form offers.

    Kept until the content changes: only a change of content can change the list.
    """
    return cached_until_content_changes(
        "analysis:event-choices",
        lambda: tuple(published_events().values_list("slug", "title")),
    )


def key_figure_detail(pk: int) -> KeyFigure | None:
    """Return one published key figure with its area, event and session, or None."""
    return (
        KeyFigure.objects.public()
        .select_related("municipality", "event", "session", "session__event")
        .filter(pk=pk)
        .first()
    )


def chart_figures(queryset: QuerySet) -> list[ChartFigure]:
    """Return the figures of a queryset, in its order, as what a chart draws."""
    scope_names = {value: str(label) for value, label in KeyFigure.Scope.choices}
    return [
        ChartFigure(
            pk=pk,
            label=label,
            value=value,
            unit=unit,
            period=period,
            year=year,
            scope=scope,
            municipality_id=municipality_id,
            area=area or scope_names[scope],
            source=source,
            year_unfinished=year_unfinished(year, event_date),
        )
        for (
            pk,
            label,
            value,
            unit,
            period,
            year,
            scope,
            municipality_id,
            area,
            source,
            event_date,
        ) in queryset.values_list(*CHART_COLUMNS)
    ]


def comparable_figures(figure: KeyFigure) -> list[ChartFigure]:
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
    return chart_figures(
        KeyFigure.objects.public()
        .filter(label=figure.label, unit=figure.unit)
        .filter(
            same_area
            | Q(scope=KeyFigure.Scope.COUNTRY)
            | Q(scope=KeyFigure.Scope.REGION)
            | neighbours
        )
        .order_by("-event__date", "-pk")[:COMPARISON_LIMIT]
    )


def chart_query(filtered: QuerySet) -> QuerySet:
    """Return the query of figures_for_charts(): the newest filtered figures."""
    newest = filtered.values_list(*CHART_COLUMNS).order_by("-event__date", "-pk")
    return newest[:COMPARISON_LIMIT]


def figures_for_charts(query: QuerySet) -> list[ChartFigure]:
    """Return the figures of chart_query() in one unit (the first one found) for charts.

    A chart compares like with like: if one label was quoted in several units, only
    the figures in the unit of the newest quote are drawn.
    """
    rows = chart_figures(query)
    if not rows:
        return []
    label, unit = rows[0].label, rows[0].unit
    return [row for row in rows if row.unit == unit and row.label == label]
