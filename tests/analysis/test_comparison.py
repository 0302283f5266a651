"""The comparison table (/nyckeltal/jamfor/) and its CSV and XLSX files."""

import csv
import io
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from conference.models import KeyFigure, Municipality
from tests.analysis.conftest import area
from tests.factories.conference import EventFactory, KeyFigureFactory, MeasureFactory

pytestmark = pytest.mark.django_db

PAGE = "/nyckeltal/jamfor/"
UNFINISHED = ["future_period: Perioden 2024 hade inte tagit slut vid evenemanget"]


@pytest.fixture
def series():
    """Kungsbacka's people in work 2018, 2023, 2024 (unfinished) and kronor paid."""
    work = MeasureFactory(name="Personer i arbete", slug="personer-i-arbete")
    money = MeasureFactory(
        name="Kronor i försörjningsstöd",
        slug="kronor-i-forsorjningsstod",
        unit=KeyFigure.Unit.SEK,
    )
    kungsbacka = area("1384")
    for year, value, flags in [
        (2018, 74, []),
        (2023, 115, []),
        (2024, 154, UNFINISHED),
    ]:
        KeyFigureFactory(
            measure=work, municipality=kungsbacka, year=year, value=value, flags=flags
        )
    for year, value in [(2018, 39_000_000), (2023, 28_000_000)]:
        KeyFigureFactory(
            measure=money,
            unit=KeyFigure.Unit.SEK,
            municipality=kungsbacka,
            year=year,
            value=value,
            qualifier=KeyFigure.Qualifier.JUST_UNDER,
        )
    KeyFigureFactory(
        measure=work,
        municipality=area("0000"),
        scope=KeyFigure.Scope.COUNTRY,
        year=2023,
        value=Decimal(5000),
    )
    return work, money


def table(response) -> list[list[str]]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in soup.select("table.comparison tr")
    ]


def test_years_are_columns_with_the_change_and_qualifiers(client, series):
    response = client.get(
        PAGE,
        {
            "measure": ["personer-i-arbete", "kronor-i-forsorjningsstod"],
            "municipality": ["gr", "riket"],
            "change_from": "2018",
            "change_to": "2023",
        },
    )

    assert table(response) == [
        [
            "Mått",
            "Område",
            "2018",
            "2023",
            "2024",
            "Förändring 2018–2023",
            "Förändring 2018–2023 (%)",
        ],
        [
            "Kronor i försörjningsstöd",
            "Kungsbacka",
            "knappt 39\u00a0mnkr",
            "knappt 28\u00a0mnkr",
            "–",
            "cirka \u221211\u00a0mnkr",
            "cirka \u221228,2\u00a0%",
        ],
        [
            "Personer i arbete",
            "Kungsbacka",
            "74\u00a0personer",
            "115\u00a0personer",
            "154\u00a0personer *",
            "+41\u00a0personer",
            "+55,4\u00a0%",
        ],
        ["Personer i arbete", "Riket", "–", "5\u00a0000\u00a0personer", "–", "–", "–"],
    ]
    assert "Året hade inte slutat" in response.content.decode()


def test_change_defaults_to_first_and_last_year_and_marks_an_unfinished_end(
    client, series
):
    response = client.get(
        PAGE, {"measure": "personer-i-arbete", "municipality": "1384"}
    )

    heading, row = table(response)
    assert heading[-2:] == ["Förändring 2018–2024", "Förändring 2018–2024 (%)"]
    assert row[-2:] == ["+80\u00a0personer *", "+108,1\u00a0% *"]


def test_the_municipality_filter_keeps_other_areas_out(client, series):
    response = client.get(
        PAGE, {"measure": "personer-i-arbete", "municipality": "0000"}
    )

    assert [row[1] for row in table(response)[1:]] == ["Riket"]


def test_bad_input_is_a_message_and_no_table(client, series):
    response = client.get(
        PAGE,
        {"measure": ["okänt"], "change_from": "2024", "change_to": "2018"},
    )

    soup = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    assert soup.select_one("table.comparison") is None
    assert soup.select_one(".error-summary").get_text(" ", strip=True) == (
        "Valet kunde inte användas Mått: Okänt mått: okänt. "
        "Förändring till år: ”Till år” ska vara senare än ”Från år”."
    )


def test_too_many_measures_are_refused(client):
    slugs = [KeyFigureFactory(measure=MeasureFactory()).measure.slug for _ in range(11)]

    response = client.get(PAGE, {"measure": slugs})

    assert "Mått: Välj högst 10 mått." in response.content.decode()
    assert "comparison" not in response.content.decode()


def test_a_measure_of_drafts_only_is_neither_offered_nor_shown(
    client, series, hidden_figures
):
    draft = MeasureFactory(name="Hemligt mått", slug="hemligt")
    KeyFigure.objects.filter(label__startswith="utkast").update(measure=draft)

    page = client.get(PAGE).content.decode()
    response = client.get(PAGE, {"measure": "hemligt"})

    assert "Hemligt mått" not in page
    assert "Okänt mått: hemligt." in response.content.decode()


@pytest.mark.parametrize("size", [1, 12])
def test_query_count_does_not_grow(client, django_assert_num_queries, size):
    measures = [MeasureFactory() for _ in range(size)]
    for index, measure in enumerate(measures):
        for year in range(2010, 2010 + size):
            KeyFigureFactory(measure=measure, municipality=area("1480"), year=year)
        KeyFigureFactory(measure=measure, municipality=area("1384"), year=2010 + index)
    slugs = [measure.slug for measure in measures][:10]
    # Measures to choose from, the municipalities (filter and form), the figures.
    with django_assert_num_queries(4):
        response = client.get(PAGE, {"measure": slugs, "municipality": "gr"})
    assert len(table(response)) == 1 + 2 * len(slugs)


def test_excel_csv_is_the_same_table_with_numbers_and_notes(client, series):
    response = client.get(
        f"{PAGE}export/excel-csv/",
        {"measure": ["personer-i-arbete", "kronor-i-forsorjningsstod"]},
    )

    text = b"".join([response.content]).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows == [
        [
            "Mått",
            "Område",
            "Kommunkod",
            "Enhet",
            "2018",
            "2023",
            "2024",
            "Förändring 2018–2024",
            "Förändring 2018–2024 (%)",
            "Anmärkningar",
        ],
        [
            "Kronor i försörjningsstöd",
            "Kungsbacka",
            "1384",
            "kronor",
            "39000000",
            "28000000",
            "",
            "",
            "",
            "2018: knappt; 2023: knappt",
        ],
        [
            "Personer i arbete",
            "Kungsbacka",
            "1384",
            "personer",
            "74",
            "115",
            "154",
            "80",
            "108,1",
            "2024: året hade inte slutat",
        ],
        ["Personer i arbete", "Riket", "0000", "personer", "", "5000", "", "", "", ""],
    ]


def test_xlsx_holds_numbers_and_defuses_formulas(client):
    measure = MeasureFactory(name="=HYPERLINK(1)", slug="formel")
    for year, value in [(2020, 10), (2022, 15)]:
        KeyFigureFactory(
            measure=measure, municipality=area("1480"), year=year, value=value
        )

    response = client.get(f"{PAGE}export/xlsx/", {"measure": "formel"})

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[1][:8] == [
        "'=HYPERLINK(1)",
        "Göteborg",
        "1480",
        "personer",
        10,
        15,
        5,
        50,
    ]


def test_export_of_bad_input_is_400_with_the_reason(client):
    response = client.get(f"{PAGE}export/csv/", {"change_from": "abc"})

    assert response.status_code == 400
    assert response.content.decode().splitlines()[1:] == [
        "measure: Välj minst ett mått.",
        "change_from: Fyll i ett heltal.",
    ]


def test_an_unknown_export_format_is_404(client, series):
    assert (
        client.get(f"{PAGE}export/pdf/", {"measure": "personer-i-arbete"}).status_code
        == 404
    )


def test_the_same_quote_at_two_events_shows_the_newest(client):
    measure = MeasureFactory(name="Andel", slug="andel")
    old = EventFactory(date="2023-01-01")
    new = EventFactory(date="2024-01-01")
    for event, value in [(new, 2), (old, 1)]:
        KeyFigureFactory(
            measure=measure,
            event=event,
            municipality=area("1480"),
            year=2022,
            value=value,
        )

    response = client.get(PAGE, {"measure": "andel"})

    assert table(response) == [
        ["Mått", "Område", "2022"],
        ["Andel", "Göteborg", "2\u00a0personer"],
    ]


def test_without_areas_the_table_shows_gr_members_gr_and_riket(client, series):
    measure = series[0]
    KeyFigureFactory(measure=measure, municipality=area("0180"), year=2023)
    KeyFigureFactory(
        measure=measure,
        municipality=None,
        scope=KeyFigure.Scope.REGION,
        year=2023,
    )

    default = client.get(PAGE, {"measure": measure.slug})
    chosen = client.get(PAGE, {"measure": measure.slug, "municipality": "0180"})

    assert [row[1] for row in table(default)[1:]] == [
        "Kungsbacka",
        "Göteborgsregionen",
        "Riket",
    ]
    assert [row[1] for row in table(chosen)[1:]] == ["Stockholm"]


def test_a_table_larger_than_its_limit_says_so(client):
    first, second = MeasureFactory(), MeasureFactory()
    areas = Municipality.objects.exclude(code="0000").order_by("code")[:151]
    for measure in (first, second):
        for municipality in areas:
            KeyFigureFactory(measure=measure, municipality=municipality)

    response = client.get(
        PAGE,
        {
            "measure": [first.slug, second.slug],
            "municipality": [municipality.code for municipality in areas],
        },
    )

    assert len(table(response)) == 1 + 300
    assert "den visar de första 300 raderna" in response.content.decode()
