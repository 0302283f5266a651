"""Reads for the analyst pages, exports and API: only what the public may see."""

from django.db.models import CharField, Count, Q, QuerySet, Value
from django.db.models.functions import Cast

from conference.analysis.charts import ChartFigure
from conference.analysis.key_figure_filters import published_events
from conference.content_version import cached_until_content_changes
from conference.models import NATIONAL_CODE, KeyFigure, year_unfinished
from conference.municipality_filter import municipality_index

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
    "qualifier",
    "measure_id",
    "measure__name",
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


def event_choices() -> tuple[tuple[int, str, str], ...]:
    """Return (id, slug, title) of the published events, newest first.

    Kept until the content changes: only a change of content can change the list.
    """
    return cached_until_content_changes(
        "analysis:events",
        lambda: tuple(published_events().values_list("pk", "slug", "title")),
    )


# The fields the explorer's form counts figures by (its facets).
FACETS = ("municipality_id", "event_id", "unit")


def facet_counts() -> dict[str, dict[str, int]]:
    """Return how many public figures each area, event and unit has, in one query.

    {"municipality_id": {"12": 40, ...}, "event_id": {...}, "unit": {"percent": 7}},
    keys as text. The form offers only what has figures, with these counts. Kept
    until the content changes: only a change of content can change them.
    """

    def count_by(field: str) -> QuerySet:
        return (
            KeyFigure.objects.public()
            .exclude(**{f"{field}__isnull": True})
            .order_by()
            .annotate(facet=Value(field), key=Cast(field, CharField()))
            .values("facet", "key")
            .annotate(figures=Count("pk"))
            .values_list("facet", "key", "figures")
        )

    def read() -> dict[str, dict[str, int]]:
        first, *others = (count_by(field) for field in FACETS)
        counts = {field: {} for field in FACETS}
        for facet, key, figures in first.union(*others, all=True).order_by():
            counts[facet][key] = figures
        return counts

    return cached_until_content_changes("analysis:facet-counts", read)


def key_figure_detail(pk: int) -> KeyFigure | None:
    """Return one published key figure with its area, event and session, or None."""
    return (
        KeyFigure.objects.public()
        .select_related("municipality", "event", "session", "session__event")
        .filter(pk=pk)
        .first()
    )


def chart_figures(queryset: QuerySet) -> list[ChartFigure]:
    """Return the figures of a queryset, in its order, as what a chart draws.

    A figure with a measure is labelled by the measure's name: its series is the
    measure's, whatever words each quote used.
    """
    scope_names = {value: str(label) for value, label in KeyFigure.Scope.choices}
    return [
        ChartFigure(
            pk=pk,
            label=measure_name or label,
            value=value,
            unit=unit,
            period=period,
            year=year,
            scope=scope,
            municipality_id=municipality_id,
            area=area or scope_names[scope],
            source=source,
            qualifier=qualifier,
            year_unfinished=year_unfinished(year, event_date),
            measure_id=measure_id,
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
            qualifier,
            measure_id,
            measure_name,
            event_date,
        ) in queryset.values_list(*CHART_COLUMNS)
    ]


def comparable_figures(figure: KeyFigure) -> list[ChartFigure]:
    """Return published figures that measure the same thing: the same measure, or
    without one the same label and unit.

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
        .filter(same_measure(figure))
        .filter(
            same_area
            | Q(scope=KeyFigure.Scope.COUNTRY)
            | Q(scope=KeyFigure.Scope.REGION)
            | neighbours
        )
        .order_by("-event__date", "-pk")[:COMPARISON_LIMIT]
    )


def same_measure(figure) -> Q:
    """Return the condition of figures of the same measure as ``figure``."""
    if figure.measure_id is not None:
        return Q(measure=figure.measure_id, unit=figure.unit)
    return Q(label=figure.label, unit=figure.unit, measure__isnull=True)


def chart_query(filtered: QuerySet) -> QuerySet:
    """Return the query of figures_for_charts(): the newest filtered figures."""
    newest = filtered.values_list(*CHART_COLUMNS).order_by("-event__date", "-pk")
    return newest[:COMPARISON_LIMIT]


def figures_for_charts(query: QuerySet) -> list[ChartFigure]:
    """Return the figures of chart_query() of one measure (the newest quote's) for charts.

    A chart compares like with like: only the figures of the newest quote's measure
    (or, without one, its label) in its unit are drawn.
    """
    rows = chart_figures(query)
    if not rows:
        return []
    first = rows[0]
    return [row for row in rows if same_series(row, first)]


def same_series(row: ChartFigure, first: ChartFigure) -> bool:
    if row.unit != first.unit or row.measure_id != first.measure_id:
        return False
    return first.measure_id is not None or row.label == first.label


# Figures read for the comparison table: more than its rows can show, allowing for a
# figure quoted at several events (the table keeps the newest).
COMPARISON_ROW_LIMIT = 10_000
COMPARISON_COLUMNS = (
    "id",
    "measure_id",
    "measure__name",
    "measure__slug",
    "municipality_id",
    "municipality__name",
    "municipality__code",
    "scope",
    "year",
    "value",
    "unit",
    "qualifier",
    "event__date",
)


def comparison_rows(measure_slugs, municipality_ids=None) -> list:
    """Return the public figures of measures as named tuples of COMPARISON_COLUMNS,
    newest event first, in one query.

    In the given areas; by default, as Kolada starts, GR's members, GR as a whole and
    Riket. Areas go in as ids (the municipality filter's index has them), so that
    PostgreSQL reads the figures through the (measure, municipality, year) index.
    """
    queryset = KeyFigure.objects.public().filter(measure__slug__in=measure_slugs)
    if municipality_ids is not None:
        queryset = queryset.filter(municipality__in=municipality_ids)
    else:
        index = municipality_index()
        codes = index.member_codes | {NATIONAL_CODE}
        queryset = queryset.filter(
            Q(municipality__in=[index.ids[code] for code in codes if code in index.ids])
            | Q(scope=KeyFigure.Scope.REGION, municipality__isnull=True)
        )
    return list(
        queryset.order_by("-event__date", "-pk").values_list(
            *COMPARISON_COLUMNS, named=True
        )[:COMPARISON_ROW_LIMIT]
    )
