import io
from decimal import Decimal

from openpyxl import load_workbook

from conference.analysis.xlsx import Column, SheetWriter, column_letter

COLUMNS = [
    Column("Text", 20),
    Column("Värde", 10, "number"),
    Column("År", 6, "plain"),
    Column("Länk", 30, "link"),
]


def written(rows, **options):
    output = io.BytesIO()
    with SheetWriter(output, name="Blad", columns=COLUMNS, **options) as sheet:
        for row in rows:
            sheet.append(row)
    output.seek(0)
    return load_workbook(output)["Blad"]


def test_column_letters_go_past_z():
    assert [column_letter(index) for index in (0, 25, 26, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "ZZ",
        "AAA",
    ]


def test_sheet_keeps_text_as_text_with_markup_spaces_and_control_characters():
    sheet = written([["<b>&amp;</b>", None, None, None], ["  =1+1 ", 1, 2, None]])
    texts = [(cell.value, cell.data_type) for cell in sheet["A"]]
    assert texts == [
        ("Text", "s"),
        ("<b>&amp;</b>", "s"),
        ("  =1+1 ", "s"),
    ]
    # XML cannot hold U+0001: written the way Excel reads it back (openpyxl does not).
    assert written([["a\x01b", None, None, None]])["A2"].value == "a_x0001_b"
    # Text that looks like that escape is escaped itself, so Excel shows it as typed.
    assert written([["_x0041_", None, None, None]])["A2"].value == "_x005F_x0041_"


def test_sheet_writes_numbers_with_formats_and_leaves_empty_cells_empty():
    sheet = written([["a", Decimal("197760"), 2023, None], ["b", 1.4, None, None]])
    assert (sheet["B2"].value, sheet["B2"].number_format) == (197760, "#,##0")
    assert (sheet["B3"].value, sheet["B3"].number_format) == (1.4, "#,##0.0########")
    assert (sheet["C2"].value, sheet["C2"].number_format) == (2023, "0")
    assert (sheet["C3"].value, sheet["D2"].value) == (None, None)


def test_sheet_has_frozen_bold_header_filter_and_widths():
    sheet = written([["a", 1, 2, None]])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:D2"
    assert sheet["A1"].font.b
    assert [sheet.column_dimensions[letter].width for letter in "ABCD"] == [
        20,
        10,
        6,
        30,
    ]


def test_links_past_the_hyperlink_limit_are_hyperlink_formulas():
    rows = [["a", None, None, f"https://example.se/{number}/"] for number in (1, 2)]
    sheet = written(rows, max_hyperlinks=1)
    assert sheet["D2"].hyperlink.target == "https://example.se/1/"
    assert sheet["D2"].value == "https://example.se/1/"
    assert sheet["D3"].value == (
        '=HYPERLINK("https://example.se/2/","https://example.se/2/")'
    )
