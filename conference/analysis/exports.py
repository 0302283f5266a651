"""Exports of filtered key figures: CSV for scripts, CSV for Swedish Excel, XLSX, JSON.

Every export streams: rows are read with ``.iterator()`` and written out in chunks, so
memory stays flat however many rows are filtered. Text cells of CSV and XLSX that a
spreadsheet would run as a formula are prefixed with an apostrophe.
"""

import csv
import io
import json
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook

from conference.links import link_around
from conference.models import KeyFigure

CHUNK_ROWS = 2000
FLUSH_BYTES = 64 * 1024
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"

# (record key, Swedish column heading): the JSON/CSV keys follow export_conference.
COLUMNS = [
    ("id", "Id"),
    ("label", "Vad som mäts"),
    ("value", "Värde"),
    ("unit", "Enhet"),
    ("qualifier", "Precisering"),
    ("period", "Period"),
    ("year", "År"),
    ("scope", "Områdestyp"),
    ("municipality", "Kommunkod"),
    ("area", "Område"),
    ("event", "Evenemang"),
    ("event_title", "Evenemangets titel"),
    ("session", "Programpunktens slug"),
    ("session_id", "Programpunktens id"),
    ("session_title", "Programpunkt"),
    ("source_text", "Källmening"),
    ("review_status", "Granskning"),
    ("flags", "Flaggor"),
    ("url", "Länk"),
    ("measure_name", "Mått"),
    ("measure", "Måttets slug"),
]
NUMBER_KEYS = {"id", "value", "year", "session_id"}
VALUE_INDEX = [key for key, _heading in COLUMNS].index("value")


def plain_number(value: Decimal) -> int | float:
    """Return a stored Decimal as the plain JSON number it stands for (1234, 1.4).

    The same conversion as export_conference's, so both JSON files agree.
    """
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def decimal_text(value: Decimal) -> str:
    """Return a Decimal without exponent or trailing zeros: "197760", "1.4"."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def record_rows(queryset):
    """Return the queryset as plain rows with just what a record needs.

    Model instances with their related objects cost several times more per row
    (JSON columns decoded, objects built), which counts at 100 000 rows.
    """
    return queryset.values(
        "id",
        "label",
        "value",
        "unit",
        "qualifier",
        "period",
        "year",
        "scope",
        "source_text",
        "review_status",
        "flags",
        "session_id",
        measure_slug=F("measure__slug"),
        measure_name=F("measure__name"),
        municipality_code=F("municipality__code"),
        municipality_name=F("municipality__name"),
        event_slug=F("event__slug"),
        event_title=F("event__title"),
        session_slug=F("session__slug"),
        session_title=F("session__title"),
    )


class DetailUrls:
    """Build figure page addresses without a reverse() per row (slow at scale)."""

    def __init__(self, base_url: str):
        prefix, self.suffix = link_around("analysis:key_figure_detail", "pk")
        self.prefix = base_url + prefix

    def __call__(self, pk: int) -> str:
        return f"{self.prefix}{pk}{self.suffix}"


def site_detail_urls() -> DetailUrls:
    """Return DetailUrls for the site's own pages (paths without host)."""
    return DetailUrls("")


def key_figure_record(row: dict, *, url_for) -> dict:
    """Return one figure row as plain data, with the field names of export_conference."""
    scope = row["scope"]
    return {
        "id": row["id"],
        "label": row["label"],
        "value": plain_number(row["value"]),
        "unit": row["unit"],
        "qualifier": row["qualifier"],
        "period": row["period"],
        "year": row["year"],
        "scope": scope,
        "municipality": row["municipality_code"],
        "area": row["municipality_name"] or str(KeyFigure.Scope(scope).label),
        "event": row["event_slug"],
        "event_title": row["event_title"],
        "session": row["session_slug"],
        "session_id": row["session_id"],
        "session_title": row["session_title"] or "",
        "source_text": row["source_text"],
        "review_status": row["review_status"],
        "flags": [str(flag) for flag in row["flags"] or []],
        "url": url_for(row["id"]),
        "measure_name": row["measure_name"],
        "measure": row["measure_slug"],
    }


def runs_as_formula(value: str) -> bool:
    """Whether a spreadsheet could read ``value`` as a formula.

    Spreadsheets skip leading spaces and read full-width signs ("＝") as their ASCII
    forms, so both are looked through.
    """
    if value.startswith(FORMULA_STARTS):
        return True
    first = value.lstrip()[:1]
    return bool(first) and unicodedata.normalize("NFKC", first).startswith(
        FORMULA_STARTS
    )


def safe_text(value: str) -> str:
    """Defuse a cell a spreadsheet would otherwise run as a formula."""
    return "'" + value if runs_as_formula(value) else value


def cell_text(key: str, value) -> str:
    if value is None:
        return ""
    if key == "flags":
        return safe_text("|".join(str(flag) for flag in value))
    if key in NUMBER_KEYS:
        return str(value)
    return safe_text(str(value))


@dataclass(frozen=True)
class CsvFlavour:
    delimiter: str
    decimal_comma: bool
    byte_order_mark: bool
    swedish_headings: bool


SCRIPT_CSV = CsvFlavour(
    delimiter=",", decimal_comma=False, byte_order_mark=False, swedish_headings=False
)
EXCEL_CSV = CsvFlavour(
    delimiter=";", decimal_comma=True, byte_order_mark=True, swedish_headings=True
)


def records(queryset, *, base_url: str) -> Iterator[tuple[dict, dict]]:
    url_for = DetailUrls(base_url)
    for row in record_rows(queryset).iterator(chunk_size=CHUNK_ROWS):
        yield row, key_figure_record(row, url_for=url_for)


def csv_chunks(queryset, *, flavour: CsvFlavour, base_url: str) -> Iterator[str]:
    """Yield the CSV text in chunks of about FLUSH_BYTES."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=flavour.delimiter, lineterminator="\r\n")
    if flavour.byte_order_mark:
        buffer.write(BYTE_ORDER_MARK)
    heading_index = 1 if flavour.swedish_headings else 0
    writer.writerow([column[heading_index] for column in COLUMNS])
    keys = [key for key, _heading in COLUMNS]
    # csv writes None as "" and numbers as digits: only text needs defusing.
    text_indexes = [
        index
        for index, key in enumerate(keys)
        if key not in NUMBER_KEYS and key != "flags"
    ]
    flags_index = keys.index("flags")
    for row, record in records(queryset, base_url=base_url):
        cells = [record[key] for key in keys]
        for index in text_indexes:
            if cells[index]:
                cells[index] = safe_text(cells[index])
        cells[flags_index] = cell_text("flags", cells[flags_index])
        value = decimal_text(row["value"])
        cells[VALUE_INDEX] = value.replace(".", ",") if flavour.decimal_comma else value
        writer.writerow(cells)
        if buffer.tell() >= FLUSH_BYTES:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def json_chunks(queryset, *, base_url: str) -> Iterator[str]:
    """Yield a JSON array of records, a chunk at a time."""
    parts = ["["]
    size = 1
    separator = "\n"
    for _row, record in records(queryset, base_url=base_url):
        text = separator + json.dumps(record, ensure_ascii=False)
        parts.append(text)
        size += len(text)
        separator = ",\n"
        if size >= FLUSH_BYTES:
            yield "".join(parts)
            parts, size = [], 0
    parts.append("\n]\n")
    yield "".join(parts)


def xlsx_rows(queryset, *, base_url: str) -> Iterable[list]:
    yield [heading for _key, heading in COLUMNS]
    for row, record in records(queryset, base_url=base_url):
        cells = []
        for key, _heading in COLUMNS:
            value = record[key]
            if key == "value":
                cells.append(row["value"])
            elif key in NUMBER_KEYS or value is None:
                cells.append(value)
            else:
                cells.append(cell_text(key, value))
        yield cells


def file_name(extension: str) -> str:
    return f"nyckeltal-{timezone.localdate():%Y-%m-%d}.{extension}"


def attachment(response, extension: str):
    response["Content-Disposition"] = f'attachment; filename="{file_name(extension)}"'
    return response


def csv_response(queryset, *, flavour: CsvFlavour, base_url: str):
    response = StreamingHttpResponse(
        (
            chunk.encode("utf-8")
            for chunk in csv_chunks(queryset, flavour=flavour, base_url=base_url)
        ),
        content_type="text/csv; charset=utf-8",
    )
    return attachment(response, "csv")


def json_response(queryset, *, base_url: str):
    response = StreamingHttpResponse(
        (chunk.encode("utf-8") for chunk in json_chunks(queryset, base_url=base_url)),
        content_type="application/json; charset=utf-8",
    )
    return attachment(response, "json")


def xlsx_response(queryset, *, base_url: str):
    """Write the workbook row by row to a temporary file, then stream that file.

    openpyxl's write-only mode keeps memory flat; with lxml installed (a pinned
    dependency) it writes rows about twice as fast as with the standard library.
    """
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="Nyckeltal")
    for row in xlsx_rows(queryset, base_url=base_url):
        sheet.append(row)
    output = tempfile.TemporaryFile()
    workbook.save(output)
    output.seek(0)
    return FileResponse(
        output,
        as_attachment=True,
        filename=file_name("xlsx"),
        content_type=(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        ),
    )


FORMATS = ("csv", "excel-csv", "xlsx", "json")


def export_response(export_format: str, queryset, *, base_url: str):
    """Return the streaming response for one of FORMATS."""
    if export_format == "xlsx":
        return xlsx_response(queryset, base_url=base_url)
    if export_format == "json":
        return json_response(queryset, base_url=base_url)
    flavour = EXCEL_CSV if export_format == "excel-csv" else SCRIPT_CSV
    return csv_response(queryset, flavour=flavour, base_url=base_url)
