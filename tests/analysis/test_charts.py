from datetime import date
from decimal import Decimal

import pytest

from conference.analysis.charts import axis, comparison_charts
from conference.analysis.selectors import chart_figures
from conference.models import KeyFigure
from tests.analysis.conftest import area
from tests.factories.conference import EventFactory, KeyFigureFactory

pytestmark = pytest.mark.django_db


def figure(code, year, value, **extra):
    fields = dict(
        label="Andel",
        unit=KeyFigure.Unit.PERCENT,
        municipality=area(code),
        year=year,
        period=str(year),
        value=Decimal(value),
    )
    return KeyFigureFactory(**{**fields, **extra})


def charts_of(figures, **kwargs):
    """Return comparison_charts of figures, read as the selectors read them, in order."""
    rows = {row.pk: row for row in chart_figures(KeyFigure.objects.all())}
    return comparison_charts([rows[figure.pk] for figure in figures], **kwargs)


def test_axis_uses_round_steps_from_zero():
    assert axis([Decimal("67.2"), Decimal("20")]) == (0, 80, 20)
    assert axis([Decimal("-3"), Decimal("5")]) == (-4, 6, 2)


def test_one_year_one_area_draws_nothing():
    assert charts_of([figure("1480", 2022, 10)]) == []


def test_several_years_give_a_time_series_in_year_order():
    rows = [figure("1480", 2022, 12), figure("1480", 2020, 10)]
    (chart,) = charts_of(rows)
    assert chart.kind == "line"
    assert [tick.text for tick in chart.x_ticks] == ["2020", "2022"]
    assert [point.text for point in chart.series[0].points] == [
        "Göteborg 2020: 10\u00a0%",
        "Göteborg 2022: 12\u00a0%",
    ]
    # Higher values are drawn higher up (smaller y).
    first, second = chart.series[0].points
    assert second.y < first.y


def test_areas_of_the_focus_year_become_bars_largest_first():
    focus = figure("1384", 2021, 8)
    rows = [figure("1480", 2021, 12), focus, figure("1480", 2023, 40)]
    charts = charts_of(rows, focus=focus)
    bars = charts[1]
    assert bars.title == "Andel per område, 2021"
    assert [(bar.name, bar.text) for bar in bars.bars] == [
        ("Göteborg", "12\u00a0%"),
        ("Kungsbacka", "8\u00a0%"),
    ]
    assert bars.bars[0].width > bars.bars[1].width


def test_the_same_area_and_year_quoted_twice_keeps_the_first_given():
    newer = figure("1480", 2021, 12, event=EventFactory())
    older = figure("1480", 2021, 99, event=EventFactory())
    other = figure("1480", 2022, 13)
    (chart,) = charts_of([newer, older, other])
    assert [row.value_text for row in chart.rows] == ["12\u00a0%", "13\u00a0%"]


def test_time_series_leaves_out_areas_with_one_year_except_the_focus():
    focus = figure("1384", 2022, 8)
    rows = [
        focus,
        figure("0000", 2021, 50, scope="country"),
        figure("0000", 2022, 52, scope="country"),
        figure("1480", 2022, 12),
    ]
    line = charts_of(rows, focus=focus)[0]
    assert [series.name for series in line.series] == ["Kungsbacka", "Riket"]


def test_years_sit_on_a_true_time_axis():
    rows = [
        figure("1384", year, value)
        for year, value in [(2018, 74), (2023, 115), (2024, 154)]
    ]
    (line,) = charts_of(rows)
    x = [point.x for point in line.series[0].points]
    # 2018 → 2023 is five years, 2023 → 2024 one: five times as long on the axis.
    assert round((x[1] - x[0]) / (x[2] - x[1]), 1) == 5.0
    assert [tick.text for tick in line.x_ticks] == ["2018", "2023", "2024"]


def test_year_labels_that_would_overlap_are_left_out_but_the_last_stays():
    rows = [figure("1384", year, 10) for year in (2000, 2001, 2012, 2023, 2024)]
    (line,) = charts_of(rows)
    assert [tick.text for tick in line.x_ticks] == ["2000", "2012", "2024"]


def test_an_unfinished_year_is_marked_in_points_and_the_data_table():
    told_in_may_2024 = EventFactory(date=date(2024, 5, 14))
    rows = [
        figure("1384", 2023, 115, event=told_in_may_2024),
        figure("1384", 2024, 154, event=told_in_may_2024),
    ]
    (line,) = charts_of(rows)
    assert [point.unfinished for point in line.series[0].points] == [False, True]
    assert line.series[0].points[1].text == (
        "Kungsbacka 2024: 154\u00a0% (året hade inte slutat)"
    )
    assert [(row.period, row.year_unfinished) for row in line.rows] == [
        ("2023", False),
        ("2024", True),
    ]
    assert line.has_unfinished


def test_data_table_and_bars_show_qualifiers():
    rows = [
        figure("1480", 2021, 39, qualifier=KeyFigure.Qualifier.JUST_UNDER),
        figure("1384", 2021, 28, qualifier=KeyFigure.Qualifier.JUST_OVER),
    ]
    (bars,) = charts_of(rows)
    assert [row.value_text for row in bars.rows] == [
        "knappt 39\u00a0%",
        "drygt 28\u00a0%",
    ]
    assert [bar.text for bar in bars.bars] == ["knappt 39\u00a0%", "drygt 28\u00a0%"]
