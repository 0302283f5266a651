import csv
import io
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from conference.analysis.exports import runs_as_formula
from conference.models import KeyFigure
from tests.analysis.conftest import area
from tests.factories.conference import KeyFigureFactory, MeasureFactory
from tests.factories.speakers import PersonFactory

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def csv_rows(data: bytes, delimiter: str) -> list[dict]:
    text = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def test_excel_csv_starts_with_bom_and_uses_semicolon_and_decimal_comma(client):
    KeyFigureFactory(
        label="Väntetid för unga i Mölndal",
        value=Decimal("1.4"),
        unit=KeyFigure.Unit.DAYS,
        municipality=area("1481"),
    )
    data = body(client.get("/nyckeltal/export/excel-csv/"))
    header, row = data.split(b"\r\n")[:2]
    assert data[:3] == b"\xef\xbb\xbf"
    headings = header.decode("utf-8-sig").split(";")
    assert headings[:6] == [
        "Id",
        "Vad som mäts",
        "Mått",
        "Måttets slug",
        "Värde",
        "Enhet",
    ]
    cells = row.decode("utf-8").split(";")
    assert [cells[1], *cells[4:7]] == [
        "Väntetid för unga i Mölndal",
        "1,4",
        "dagar",
        "exakt",
    ]


def test_script_csv_has_no_bom_and_uses_comma_and_decimal_point(client):
    KeyFigureFactory(
        value=Decimal("197760.5"), municipality=area("0000"), scope="country"
    )
    data = body(client.get("/nyckeltal/export/csv/"))
    rows = csv_rows(data, ",")
    assert data[:2] == b"id"
    assert (rows[0]["value"], rows[0]["municipality"]) == ("197760.5", "0000")


def test_csv_exports_exactly_the_filtered_figures(client, figures, hidden_figures):
    data = body(client.get("/nyckeltal/export/csv/?municipality=gr&ordering=label"))
    assert [row["label"] for row in csv_rows(data, ",")] == [
        "goteborg",
        "kungalv",
        "kungsbacka",
    ]


def test_csv_defuses_formulas_in_text_but_keeps_negative_numbers(client):
    KeyFigureFactory(
        label='=HYPERLINK("http://example.com")',
        source_text="@SUM(1+1)",
        value=Decimal("-3.5"),
        municipality=area("1480"),
    )
    row = csv_rows(body(client.get("/nyckeltal/export/excel-csv/")), ";")[0]
    assert row["Vad som mäts"] == '\'=HYPERLINK("http://example.com")'
    assert row["Källmening"] == "'@SUM(1+1)"
    assert row["Värde"] == "-3,5"


def test_xlsx_opens_with_numbers_as_numbers(client, figures):
    response = client.get("/nyckeltal/export/xlsx/?municipality=1480")
    workbook = load_workbook(io.BytesIO(body(response)))
    sheet = workbook["Nyckeltal"]
    header = [cell.value for cell in sheet[1]]
    row = dict(zip(header, [cell.value for cell in sheet[2]], strict=True))
    assert sheet.max_row == 2
    assert row["Vad som mäts"] == "goteborg"
    assert row["Värde"] == 62
    assert isinstance(row["Värde"], int | float)
    assert row["År"] == 2022
    assert row["Kommunkod"] == "1480"
    assert row["Precisering"] == "knappt"
    assert (row["Enhet"], row["Granskning"]) == ("procent", "Ogranskad")


def test_xlsx_sheet_is_ready_for_excel(client, figures):
    response = client.get("/nyckeltal/export/xlsx/?municipality=1480&municipality=0180")
    sheet = load_workbook(io.BytesIO(body(response)))["Nyckeltal"]
    header = [cell.value for cell in sheet[1]]
    value_column = sheet.cell(1, header.index("Värde") + 1).column_letter
    link = sheet.cell(2, header.index("Länk") + 1)
    values = {sheet[f"B{row}"].value: sheet[f"{value_column}{row}"] for row in (2, 3)}
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{link.column_letter}3"
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width
    assert (values["goteborg"].number_format, values["stockholm"].number_format) == (
        "#,##0",
        "#,##0.0########",
    )
    assert link.hyperlink.target == link.value
    assert link.value.startswith("http://testserver/nyckeltal/")


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("", "nyckeltal-alla.csv"),
        (
            "?municipality=Kungsbacka&year_from=2018&year_to=2023",
            "nyckeltal-kungsbacka-2018-2023.csv",
        ),
        ("?municipality=gr&year_from=2020", "nyckeltal-gr-fran-2020.csv"),
        (
            "?municipality=1480&municipality=1384&unit=percent",
            "nyckeltal-goteborg-kungsbacka-urval.csv",
        ),
    ],
)
def test_export_file_name_says_what_was_filtered(client, query, name):
    response = client.get(f"/nyckeltal/export/csv/{query}")
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'


def test_xlsx_file_name_says_what_was_filtered(client):
    response = client.get("/nyckeltal/export/xlsx/?municipality=1384&year_to=2023")
    assert response["Content-Disposition"] == (
        'attachment; filename="nyckeltal-kungsbacka-till-2023.xlsx"'
    )


def test_xlsx_defuses_formulas(client):
    KeyFigureFactory(label="=1+1", municipality=area("1480"))
    workbook = load_workbook(io.BytesIO(body(client.get("/nyckeltal/export/xlsx/"))))
    cell = workbook["Nyckeltal"]["B2"]
    assert (cell.value, cell.data_type) == ("'=1+1", "s")


def test_json_export_records_match_the_api(client, figures):
    exported = json.loads(body(client.get("/nyckeltal/export/json/?municipality=1384")))
    api = client.get("/api/v1/key-figures/?municipality=1384").json()["results"]
    assert exported == api
    assert exported[0]["municipality"] == "1384"
    assert exported[0]["value"] == 1234


def test_json_export_of_region_figure_has_null_municipality(client, figures):
    exported = json.loads(body(client.get("/nyckeltal/export/json/?scope=region")))
    assert [(row["municipality"], row["value"]) for row in exported] == [
        (None, 38700000)
    ]


@pytest.mark.parametrize("export_format", ["csv", "excel-csv", "xlsx", "json"])
def test_export_with_invalid_filter_is_400_naming_the_parameter(
    client, figures, export_format
):
    response = client.get(f"/nyckeltal/export/{export_format}/?year_from=%00")
    assert response.status_code == 400
    assert response.text.splitlines()[1].startswith("year_from: ")


def test_export_unknown_format_is_not_found(client):
    assert client.get("/nyckeltal/export/pdf/").status_code == 404


def test_exports_never_contain_phone_numbers(client):
    person = PersonFactory(phone="031-123 45 67", email="kontakt@example.se")
    KeyFigureFactory(label=person.name, municipality=area("1480"))
    for export_format in ["csv", "excel-csv", "json"]:
        data = body(client.get(f"/nyckeltal/export/{export_format}/")).decode()
        assert "123 45 67" not in data
        assert "kontakt@example.se" not in data


@pytest.mark.parametrize(
    "label", [" =1+1", "\u3000=1+1", "＝1+1", "  ＋SUM(A1)", "－1"]
)
def test_csv_defuses_formulas_behind_spaces_and_full_width_signs(client, label):
    KeyFigureFactory(label=label, municipality=area("1480"))
    row = csv_rows(body(client.get("/nyckeltal/export/excel-csv/")), ";")[0]
    assert row["Vad som mäts"] == "'" + label


def test_csv_leaves_ordinary_text_alone(client):
    KeyFigureFactory(label="Andel i arbete = 62 %", municipality=area("1480"))
    row = csv_rows(body(client.get("/nyckeltal/export/excel-csv/")), ";")[0]
    assert row["Vad som mäts"] == "Andel i arbete = 62 %"


@pytest.mark.parametrize(
    ("text", "formula"),
    [
        ("=1+1", True),
        ("  +1", True),
        ("＝SUM(A1)", True),
        ("-3 personer", True),
        ("Andel 62 %", False),
        ("1 234", False),
        ("Ärende", False),
    ],
)
def test_runs_as_formula_sees_through_spaces_and_full_width_signs(text, formula):
    assert runs_as_formula(text) is formula


def test_exports_name_each_figures_measure(client):
    measure = MeasureFactory(name="Personer i arbete", slug="personer-i-arbete")
    KeyFigureFactory(measure=measure, municipality=area("1384"))

    rows = csv_rows(body(client.get("/nyckeltal/export/excel-csv/")), ";")

    assert (rows[0]["Mått"], rows[0]["Måttets slug"]) == (
        "Personer i arbete",
        "personer-i-arbete",
    )
