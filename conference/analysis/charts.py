"""Comparison charts as geometry for server-rendered SVG (templates/jinja2/analysis/chart.html).

Two views of one measure (conference.models.Measure, or one label and unit): a time
series per area (line chart) and the areas side by side for one year (bar chart). The
numbers here are only positions; the templates draw them, with a title, a description
and the data as a table. Years sit on a true time axis (2018 → 2023 is five times as
long as 2023 → 2024), and a figure for a year that had not ended is marked as such.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from conference.analysis.exports import site_detail_urls
from conference.formatting import format_figure, format_value_with_unit

MAX_SERIES = 6
MAX_BARS = 30
LINE_WIDTH, LINE_HEIGHT = 640, 320
LINE_MARGIN = {"left": 110, "right": 24, "top": 16, "bottom": 40}
BAR_WIDTH, BAR_ROW, BAR_LABEL, BAR_VALUE_ROOM = 640, 28, 170, 110
TICKS = 4
MIN_TICK_GAP = 40  # pixels between the centres of two year labels
UNFINISHED_NOTE = "året hade inte slutat"


@dataclass(frozen=True, slots=True)
class ChartFigure:
    """What a chart needs of a key figure, as plain values (selectors.chart_figures)."""

    pk: int
    label: str
    value: Decimal
    unit: str
    period: str
    year: int | None
    scope: str
    municipality_id: int | None
    area: str  # the municipality's name, or the scope's ("Göteborgsregionen")
    source: str  # the title of the event where it was quoted
    qualifier: str = ""  # KeyFigure.Qualifier: "knappt 39 mnkr"
    year_unfinished: bool = False  # KeyFigure.year_unfinished
    measure_id: int | None = None


@dataclass
class DataRow:
    area: str
    period: str
    value_text: str  # with its qualifier: "knappt 39 mnkr"
    url: str
    year_unfinished: bool = False


@dataclass
class Point:
    x: float
    y: float
    text: str
    unfinished: bool = False  # drawn hollow, and said in its text


@dataclass
class Series:
    name: str
    css_class: str
    points: list[Point]

    @property
    def polyline(self) -> str:
        return " ".join(f"{point.x},{point.y}" for point in self.points)


@dataclass
class Tick:
    position: float
    text: str


@dataclass
class Bar:
    name: str
    x: float
    y: float
    width: float
    text: str
    text_x: float
    text_y: float


@dataclass
class Chart:
    kind: str  # "line" or "bar"
    slug: str
    title: str
    description: str
    width: int
    height: int
    rows: list[DataRow]
    sources: list[str]
    has_unfinished: bool = False  # a figure of a year that had not ended is shown
    series: list[Series] = field(default_factory=list)
    x_ticks: list[Tick] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    plot: dict = field(default_factory=dict)


def latest_per_area_and_year(figures: list[ChartFigure]) -> list[ChartFigure]:
    """Keep one figure per (area, year): the first given (callers pass newest first)."""
    seen, kept = set(), []
    for figure in figures:
        key = (figure.municipality_id, figure.scope, figure.year)
        if key not in seen:
            seen.add(key)
            kept.append(figure)
    return kept


def scale(value: Decimal, low: Decimal, high: Decimal, start: float, end: float):
    span = high - low or Decimal(1)
    return round(start + float((value - low) / span) * (end - start), 1)


def nice_step(span: Decimal) -> Decimal:
    """Return a round tick step (1, 2, 2.5 or 5 times a power of ten) for a span."""
    raw = span / TICKS
    power = Decimal(10) ** (raw.adjusted())
    for factor in (1, 2, Decimal("2.5"), 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def axis(values: list[Decimal]) -> tuple[Decimal, Decimal, Decimal]:
    """Return (low, high, step) of an axis from zero (or below) in round steps."""
    low, high = min([Decimal(0), *values]), max([Decimal(0), *values])
    if high == low:
        high = low + 1
    step = nice_step(high - low)
    low = (low / step).to_integral_value("ROUND_FLOOR") * step
    high = (high / step).to_integral_value("ROUND_CEILING") * step
    return low, high, step


def value_range(values: list[Decimal]) -> tuple[Decimal, Decimal]:
    low, high, _step = axis(values)
    return low, high


def sources_of(figures: list[ChartFigure]) -> list[str]:
    return sorted({figure.source for figure in figures})


def data_rows(figures: list[ChartFigure]) -> list[DataRow]:
    url_for = site_detail_urls()
    return [
        DataRow(
            area=figure.area,
            period=figure.period or str(figure.year or ""),
            value_text=format_figure(figure),
            url=url_for(figure.pk),
            year_unfinished=figure.year_unfinished,
        )
        for figure in figures
    ]


def point_text(figure: ChartFigure) -> str:
    """Return what a point's tooltip says: "Kungsbacka 2024: 154 personer (…)"."""
    text = f"{figure.area} {figure.year}: {format_figure(figure)}"
    return f"{text} ({_(UNFINISHED_NOTE)})" if figure.year_unfinished else text


def time_axis(years: list[int], left: float, right: float) -> dict[int, float]:
    """Return the x of each year on a true time axis: distance grows with time."""
    first, span = years[0], years[-1] - years[0]
    return {
        year: round(left + (year - first) / span * (right - left), 1) for year in years
    }


def area_key(figure) -> tuple:
    """Return what tells areas apart (a ChartFigure's or a KeyFigure's)."""
    return (figure.municipality_id, figure.scope)


def year_ticks(years: list[int], x_of: dict[int, float]) -> list[Tick]:
    """Return a label per year, leaving out those that would overlap a neighbour.

    On a true time axis years can sit close together; the last year is always named.
    """
    kept: list[int] = []
    for year in years:
        if not kept or x_of[year] - x_of[kept[-1]] >= MIN_TICK_GAP:
            kept.append(year)
    if kept[-1] != years[-1]:
        # The first and last years sit at either end of the axis, far apart.
        kept[-1] = years[-1]
    return [Tick(position=x_of[year], text=str(year)) for year in kept]


def line_chart(figures: list[ChartFigure], *, label: str, unit: str, focus=None):
    """Return a time series chart, or None when there are fewer than two years."""
    dated = [figure for figure in figures if figure.year is not None]
    years = sorted({figure.year for figure in dated})
    if len(years) < 2:
        return None
    by_area: dict[tuple, list[ChartFigure]] = {}
    for figure in dated:
        by_area.setdefault(area_key(figure), []).append(figure)
    # A single point says nothing about time, except for the figure's own area.
    by_area = {
        key: rows
        for key, rows in by_area.items()
        if key == focus or len({row.year for row in rows}) >= 2
    }
    if not any(len({row.year for row in rows}) >= 2 for rows in by_area.values()):
        return None
    ranked = sorted(
        by_area.values(),
        key=lambda rows: (area_key(rows[0]) != focus, -len(rows), rows[0].area),
    )[:MAX_SERIES]
    shown = [figure for rows in ranked for figure in rows]
    low, high, tick_step = axis([figure.value for figure in shown])
    left = LINE_MARGIN["left"]
    right = LINE_WIDTH - LINE_MARGIN["right"]
    top = LINE_MARGIN["top"]
    bottom = LINE_HEIGHT - LINE_MARGIN["bottom"]
    x_of = time_axis(years, left, right)
    series = []
    for index, rows in enumerate(ranked):
        rows = sorted(rows, key=lambda figure: figure.year)
        series.append(
            Series(
                name=rows[0].area,
                css_class=f"series-{index}",
                points=[
                    Point(
                        x=x_of[figure.year],
                        y=scale(figure.value, low, high, bottom, top),
                        text=point_text(figure),
                        unfinished=figure.year_unfinished,
                    )
                    for figure in rows
                ],
            )
        )
    y_ticks = [
        Tick(
            position=scale(
                low + (high - low) * step_no / TICKS, low, high, bottom, top
            ),
            text=format_value_with_unit(low + (high - low) * step_no / TICKS, unit),
        )
        for step_no in range(TICKS + 1)
    ]
    names = ", ".join(item.name for item in series)
    rows = sorted(shown, key=lambda figure: (figure.area, figure.year))
    return Chart(
        kind="line",
        slug="tidsserie",
        title=_("%(label)s över tid") % {"label": label},
        description=_("Linjediagram för %(areas)s, %(first)s–%(last)s.")
        % {"areas": names, "first": years[0], "last": years[-1]},
        width=LINE_WIDTH,
        height=LINE_HEIGHT,
        rows=data_rows(rows),
        sources=sources_of(shown),
        has_unfinished=any(figure.year_unfinished for figure in shown),
        series=series,
        x_ticks=year_ticks(years, x_of),
        y_ticks=y_ticks,
        plot={"left": left, "right": right, "top": top, "bottom": bottom},
    )


def bar_chart(figures: list[ChartFigure], *, label: str, unit: str, year=None):
    """Return the areas side by side for a year (default: the latest two areas share)."""
    by_year: dict = {}
    for figure in figures:
        by_year.setdefault(figure.year, []).append(figure)
    shared = [key for key, rows in by_year.items() if len(rows) >= 2]
    if not shared:
        return None
    if year not in shared:
        year = max(shared, key=lambda item: (item is not None, item or 0))
    rows = sorted(by_year[year], key=lambda figure: -figure.value)[:MAX_BARS]
    low, high = value_range([figure.value for figure in rows])
    plot_right = BAR_WIDTH - BAR_VALUE_ROOM
    zero = scale(Decimal(0), low, high, BAR_LABEL, plot_right)
    bars = []
    for index, figure in enumerate(rows):
        end = scale(figure.value, low, high, BAR_LABEL, plot_right)
        bars.append(
            Bar(
                name=figure.area,
                x=min(zero, end),
                y=index * BAR_ROW + 4,
                width=max(round(abs(end - zero), 1), 0.5),
                text=format_figure(figure) + (" *" if figure.year_unfinished else ""),
                text_x=max(zero, end) + 6,
                text_y=index * BAR_ROW + BAR_ROW / 2 + 4,
            )
        )
    period = str(year) if year is not None else _("okänd period")
    return Chart(
        kind="bar",
        slug="omraden",
        title=_("%(label)s per område, %(period)s")
        % {"label": label, "period": period},
        description=_("Stapeldiagram över %(count)s områden, störst värde först.")
        % {"count": len(rows)},
        width=BAR_WIDTH,
        height=len(rows) * BAR_ROW + 8,
        rows=data_rows(rows),
        sources=sources_of(rows),
        has_unfinished=any(figure.year_unfinished for figure in rows),
        bars=bars,
        plot={"zero": zero, "label_x": BAR_LABEL - 8, "value_room": BAR_VALUE_ROOM},
    )


def comparison_charts(figures: list[ChartFigure], *, focus=None) -> list[Chart]:
    """Return the charts that say something for figures of one label and unit.

    With a focus figure (a KeyFigure or ChartFigure), its area leads the time series
    and the bars show its year.
    """
    if not figures:
        return []
    figures = latest_per_area_and_year(figures)
    label, unit = figures[0].label, figures[0].unit
    charts = [
        line_chart(
            figures, label=label, unit=unit, focus=area_key(focus) if focus else None
        ),
        bar_chart(figures, label=label, unit=unit, year=focus.year if focus else None),
    ]
    return [chart for chart in charts if chart is not None]
