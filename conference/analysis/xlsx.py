"""Write a one-sheet XLSX workbook row by row, in constant memory.

The exports write 100 000 rows of 19 columns: with openpyxl's write-only mode (lxml
installed) that took 11–25 s, with xlsxwriter's constant-memory mode longer still, both
spending their time on per-cell objects and calls (scripts/bench_exports.py). A sheet of
text and numbers with one header row is a short, fixed piece of SpreadsheetML (ECMA-376
part 1, §18), so this module writes it as text: a row is one formatted string, and the
file is zipped as it is written.

What the sheet offers: a bold, frozen header row with an auto-filter, column widths,
number formats, text written as text (never read as a formula) and hyperlinks.
"""

import re
import zipfile
from dataclasses import dataclass

# Writes XML, parses none: quoting attribute values is all that is used from xml.sax.
from xml.sax.saxutils import quoteattr  # nosec B406

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
# Excel keeps at most 65 530 hyperlinks in a sheet; later rows link by formula.
MAX_HYPERLINKS = 65_530
# Rows are written to the zip file in batches of this many.
BATCH_ROWS = 1000

# Cell styles (indexes into cellXfs of STYLES).
TEXT, HEADER, WHOLE, DECIMAL, PLAIN, LINK = range(6)
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN}">
<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0########"/></numFmts>
<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font>\
<font><b/><sz val="11"/><name val="Calibri"/></font>\
<font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill>\
<fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="6">\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""
CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.\
relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" ContentType="{CONTENT_TYPE}.sheet.main+xml"/>\
<Override PartName="/xl/worksheets/sheet1.xml" \
ContentType="{CONTENT_TYPE}.worksheet+xml"/>\
<Override PartName="/xl/styles.xml" ContentType="{CONTENT_TYPE}.styles+xml"/>\
</Types>"""
ROOT_RELATIONSHIPS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">\
<Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" \
Target="xl/workbook.xml"/></Relationships>"""
WORKBOOK_RELATIONSHIPS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">\
<Relationship Id="rId1" Type="{RELATIONSHIPS}/worksheet" \
Target="worksheets/sheet1.xml"/>\
<Relationship Id="rId2" Type="{RELATIONSHIPS}/styles" Target="styles.xml"/>\
</Relationships>"""

# XML 1.0 cannot hold these; SpreadsheetML writes them as _xHHHH_.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Text that reads like such an escape ("_x0041_") is itself escaped, or Excel decodes it.
LOOKS_ESCAPED = re.compile("_(x[0-9A-Fa-f]{4}_)")
SPECIAL = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")


def escape(value: str) -> str:
    """Return text for an XML element.

    Most text holds nothing to escape: one search says so (str.translate with a
    table took several times longer over 100 000 rows).
    """
    if not SPECIAL.search(value):
        return value
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = LOOKS_ESCAPED.sub(r"_x005F_\1", escaped)
    if CONTROL.search(escaped):
        escaped = CONTROL.sub(lambda match: f"_x{ord(match[0]):04X}_", escaped)
    return escaped


def column_letter(index: int) -> str:
    """Return the letters of a 0-based column: 0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def text_xml(value: str) -> str:
    escaped = escape(value)
    if value[:1].isspace() or value[-1:].isspace():
        return f'<is><t xml:space="preserve">{escaped}</t></is>'
    return f"<is><t>{escaped}</t></is>"


@dataclass(frozen=True)
class Column:
    heading: str
    width: float  # in characters, as Excel measures them
    kind: str = (
        "text"  # "text", "number" (formatted "197 760" / "1,4"), "plain", "link"
    )


class SheetWriter:
    """One sheet of one workbook, written to ``output`` (a binary file) row by row.

    Use as a context manager; ``append`` takes one value per column (None for an empty
    cell): str for "text" and "link" columns, int, float or Decimal for the others.
    """

    def __init__(
        self,
        output,
        *,
        name: str,
        columns: list[Column],
        max_hyperlinks: int = MAX_HYPERLINKS,
    ):
        self.name = name
        self.max_hyperlinks = max_hyperlinks
        self.columns = columns
        self.letters = [column_letter(index) for index in range(len(columns))]
        # (letter, kind) per column: what append() needs of each, in one list.
        self.cells = [
            (letter, column.kind)
            for letter, column in zip(self.letters, columns, strict=True)
        ]
        self.zip = zipfile.ZipFile(
            output, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1
        )
        self.sheet = self.zip.open("xl/worksheets/sheet1.xml", "w", force_zip64=True)
        self.rows = 0
        self.batch: list[str] = []
        self.hyperlinks: list[tuple[str, str]] = []  # (cell, address)
        self.write_start()

    def __enter__(self):
        return self

    def __exit__(self, error_type, error, traceback):
        if error_type is None:
            self.close()
        else:
            self.sheet.close()
            self.zip.close()

    def write_start(self) -> None:
        widths = "".join(
            f'<col min="{number}" max="{number}" width="{column.width}" '
            'customWidth="1"/>'
            for number, column in enumerate(self.columns, start=1)
        )
        self.sheet.write(
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
            '<sheetViews><sheetView tabSelected="1" workbookViewId="0">'
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft"/></sheetView></sheetViews>'
            f"<cols>{widths}</cols><sheetData>".encode()
        )
        self.rows = 1
        header = "".join(
            f'<c r="{letter}1" s="{HEADER}" t="inlineStr">{text_xml(column.heading)}</c>'
            for letter, column in zip(self.letters, self.columns, strict=True)
        )
        self.batch.append(f'<row r="1">{header}</row>')

    def append(self, values) -> None:
        self.rows += 1
        row = self.rows
        cells = []
        for (letter, kind), value in zip(self.cells, values, strict=True):
            if value is None or value == "":
                continue
            if kind == "text":
                # text_xml() written out: this runs 1.4 million times for 100 000
                # rows, and most text needs neither escaping nor its spaces kept.
                if SPECIAL.search(value) or value[0].isspace() or value[-1].isspace():
                    value = text_xml(value)
                else:
                    value = f"<is><t>{value}</t></is>"
                cells.append(f'<c r="{letter}{row}" t="inlineStr">{value}</c>')
            elif kind == "number":
                style = WHOLE if value == int(value) else DECIMAL
                cells.append(f'<c r="{letter}{row}" s="{style}"><v>{value}</v></c>')
            elif kind == "plain":
                cells.append(f'<c r="{letter}{row}" s="{PLAIN}"><v>{value}</v></c>')
            else:
                cells.append(self.link_cell(f"{letter}{row}", value))
        self.batch.append(f'<row r="{row}">{"".join(cells)}</row>')
        if len(self.batch) >= BATCH_ROWS:
            self.flush()

    def link_cell(self, cell: str, address: str) -> str:
        """Return a cell that links to ``address`` and shows it."""
        if len(self.hyperlinks) < self.max_hyperlinks:
            self.hyperlinks.append((cell, address))
            return f'<c r="{cell}" s="{LINK}" t="inlineStr">{text_xml(address)}</c>'
        formula = '"' + address.replace('"', '""') + '"'
        return (
            f'<c r="{cell}" s="{LINK}" t="str">'
            f"<f>{escape(f'HYPERLINK({formula},{formula})')}</f>"
            f"<v>{escape(address)}</v></c>"
        )

    def flush(self) -> None:
        self.sheet.write("".join(self.batch).encode())
        self.batch = []

    def close(self) -> None:
        self.flush()
        last = f"{self.letters[-1]}{self.rows}"
        links = "".join(
            f'<hyperlink ref="{cell}" r:id="rId{number}"/>'
            for number, (cell, _address) in enumerate(self.hyperlinks, start=1)
        )
        self.sheet.write(
            f'</sheetData><autoFilter ref="A1:{last}"/>'
            f"{f'<hyperlinks>{links}</hyperlinks>' if links else ''}"
            '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" '
            'header="0.3" footer="0.3"/></worksheet>'.encode()
        )
        self.sheet.close()
        self.write_package()
        self.zip.close()

    def write_package(self) -> None:
        """Write the parts around the sheet: workbook, styles, relationships."""
        sheet_range = f"$A$1:${self.letters[-1]}${self.rows}"
        quoted_name = "'" + self.name.replace("'", "''") + "'"
        self.zip.writestr("[Content_Types].xml", CONTENT_TYPES)
        self.zip.writestr("_rels/.rels", ROOT_RELATIONSHIPS)
        self.zip.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><sheets>'
            f'<sheet name={quoteattr(self.name)} sheetId="1" r:id="rId1"/></sheets>'
            '<definedNames><definedName name="_xlnm._FilterDatabase" '
            f'localSheetId="0" hidden="1">'
            f"{escape(f'{quoted_name}!{sheet_range}')}"
            "</definedName></definedNames></workbook>",
        )
        self.zip.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELATIONSHIPS)
        self.zip.writestr("xl/styles.xml", STYLES)
        if self.hyperlinks:
            targets = "".join(
                f'<Relationship Id="rId{number}" Type="{RELATIONSHIPS}/hyperlink" '
                f'Target={quoteattr(address)} TargetMode="External"/>'
                for number, (_cell, address) in enumerate(self.hyperlinks, start=1)
            )
            self.zip.writestr(
                "xl/worksheets/_rels/sheet1.xml.rels",
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">{targets}'
                "</Relationships>",
            )
