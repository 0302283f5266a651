"""Exports of filtered key figures: CSV for scripts, CSV for Swedish Excel, XLSX, JSON.

Every export streams: rows are read with ``.iterator()`` and written out in chunks, so
memory stays flat however many rows are filtered. Text cells of CSV and XLSX that a
spreadsheet would run as a formula are prefixed with an apostrophe.

The two spreadsheet exports (CSV för Excel, XLSX) are for people: Swedish headings and
Swedish values ("dagar", "knappt", "Granskad"). CSV for scripts and JSON keep the codes,
as the API does. The file is named after what was filtered.
"""

import csv
import io
import json
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from django.db.models import F
from django.http import FileResponse, StreamingHttpResponse

from conference.analysis.key_figure_filters import KeyFigureFilterSet, given_filters
from conference.analysis.xlsx import Column, SheetWriter
from conference.links import link_around
from conference.models import KeyFigure, Municipality, ReviewStatus, year_unfinished
from conference.municipality_filter import GR_MEMBERS, spelling_key

CHUNK_ROWS = 2000
FLUSH_BYTES = 64 * 1024
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"

# (record key, Swedish column heading): the JSON/CSV keys follow export_conference.
COLUMNS = [
    ("id", "Id"),
    ("label", "Vad som mäts"),
    ("measure_name", "Mått"),
    ("measure", "Måttets slug"),
    ("value", "Värde"),
    ("unit", "Enhet"),
    ("qualifier", "Precisering"),
    ("period", "Period"),
    ("year", "År"),
    ("year_unfinished", "Året hade inte slutat"),
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
]
NUMBER_KEYS = {"id", "value", "year", "session_id"}
# Yes/no columns: true/false for scripts, Ja/Nej in the spreadsheets.
BOOLEAN_KEYS = {"year_unfinished"}
VALUE_INDEX = [key for key, _heading in COLUMNS].index("value")
# Column widths of the XLSX sheet, in characters (Excel's unit); the rest get DEFAULT.
XLSX_WIDTHS = {
    "id": 8,
    "label": 48,
    "measure_name": 32,
    "measure": 24,
    "value": 14,
    "unit": 10,
    "qualifier": 12,
    "period": 12,
    "year": 7,
    "year_unfinished": 10,
    "scope": 18,
    "municipality": 11,
    "area": 18,
    "event": 28,
    "event_title": 40,
    "session": 28,
    "session_title": 40,
    "source_text": 60,
    "review_status": 16,
    "url": 42,
}
XLSX_DEFAULT_WIDTH = 14
# Filters the file name spells out; any other given adds "urval" (a selection).
NAMED_FILTERS = {"municipality", "year_from", "year_to", "ordering"}
# At most this many municipalities are named in a file name ("3-kommuner" beyond).
NAMED_AREAS = 3


@cache
def swedish_values() -> dict[str, dict[str, str]]:
    """Return the Swedish text of each coded value, per record key ("days" -> "dagar").

    Plain strings, translated once: the site has one language.
    """
    return {
        key: {value: str(label) for value, label in choices}
        for key, choices in (
            ("unit", KeyFigure.Unit.choices),
            ("qualifier", KeyFigure.Qualifier.choices),
            ("scope", KeyFigure.Scope.choices),
            ("review_status", ReviewStatus.choices),
            ("year_unfinished", [(True, "Ja"), (False, "Nej")]),
        )
    }


def in_swedish(record: dict) -> dict:
    """Return a record with its coded values written in Swedish, for spreadsheets."""
    swedish = swedish_values()
    return {
        **record,
        **{key: names.get(record[key], record[key]) for key, names in swedish.items()},
    }


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
        event_date=F("event__date"),
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
        "year_unfinished": year_unfinished(row["year"], row["event_date"]),
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
    if value[:1].isalnum():
        # The common case, decided at once: no letter or digit reads as a sign.
        return False
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
    if key in BOOLEAN_KEYS:
        return "true" if value else "false"
    return safe_text(str(value))


@dataclass(frozen=True)
class CsvFlavour:
    delimiter: str
    decimal_comma: bool
    byte_order_mark: bool
    swedish: bool  # Swedish headings and values


SCRIPT_CSV = CsvFlavour(
    delimiter=",", decimal_comma=False, byte_order_mark=False, swedish=False
)
EXCEL_CSV = CsvFlavour(
    delimiter=";", decimal_comma=True, byte_order_mark=True, swedish=True
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
    heading_index = 1 if flavour.swedish else 0
    writer.writerow([column[heading_index] for column in COLUMNS])
    keys = [key for key, _heading in COLUMNS]
    # csv writes None as "" and numbers as digits: only text needs defusing.
    text_indexes = [
        index
        for index, key in enumerate(keys)
        if key not in NUMBER_KEYS | BOOLEAN_KEYS and key != "flags"
    ]
    flags_index = keys.index("flags")
    boolean_indexes = [keys.index(key) for key in BOOLEAN_KEYS]
    for row, record in records(queryset, base_url=base_url):
        if flavour.swedish:
            record = in_swedish(record)
        cells = [record[key] for key in keys]
        for index in text_indexes:
            if cells[index]:
                cells[index] = safe_text(cells[index])
        cells[flags_index] = cell_text("flags", cells[flags_index])
        if not flavour.swedish:
            for index in boolean_indexes:
                cells[index] = cell_text(keys[index], cells[index])
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


def export_name(params, cleaned: dict) -> str:
    """Return the file name (without extension) that says what was filtered.

    ``params`` are the query parameters (a QueryDict), ``cleaned`` the valid FilterSet's
    cleaned data: "nyckeltal-kungsbacka-2018-2023", "nyckeltal-gr-fran-2020",
    "nyckeltal-alla" when nothing was filtered, "-urval" at the end for other filters.
    """
    parts = []
    areas = cleaned.get("municipality")
    if areas:
        spellings = {spelling_key(item) for item in params.getlist("municipality")}
        if GR_MEMBERS in spellings:
            parts.append(GR_MEMBERS)
        else:
            slugs = list(
                Municipality.objects.filter(code__in=areas.codes)
                .order_by("name")
                .values_list("slug", flat=True)[: NAMED_AREAS + 1]
            )
            if len(areas.codes) > NAMED_AREAS:
                slugs = [f"{len(areas.codes)}-kommuner"]
            parts.extend(slugs)
    first, last = cleaned.get("year_from"), cleaned.get("year_to")
    if first is not None and last is not None:
        parts.append(f"{first}-{last}" if first != last else str(first))
    elif first is not None:
        parts.append(f"fran-{first}")
    elif last is not None:
        parts.append(f"till-{last}")
    other = given_filters(KeyFigureFilterSet, params) - NAMED_FILTERS
    if other or not parts:
        parts.append("urval" if other else "alla")
    return "-".join(["nyckeltal", *parts])


def attachment(response, name: str):
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def xlsx_columns() -> list[Column]:
    kinds = {
        "value": "number",
        "id": "plain",
        "year": "plain",
        "session_id": "plain",
        "url": "link",
    }
    return [
        Column(
            heading, XLSX_WIDTHS.get(key, XLSX_DEFAULT_WIDTH), kinds.get(key, "text")
        )
        for key, heading in COLUMNS
    ]


def xlsx_cells(record: dict) -> list:
    """Return a record as the XLSX row's values: coded values in Swedish (as
    in_swedish(), without a copy of the record per row), text defused."""
    swedish = swedish_values()
    cells = []
    for key, _heading in COLUMNS:
        value = record[key]
        if key == "url" or key in NUMBER_KEYS or value is None:
            cells.append(value)
        elif key == "flags":
            cells.append(cell_text(key, value))
        else:
            if key in swedish:
                value = swedish[key].get(value, value)
            cells.append(safe_text(value))
    return cells


def csv_response(queryset, *, flavour: CsvFlavour, base_url: str, name: str):
    response = StreamingHttpResponse(
        (
            chunk.encode("utf-8")
            for chunk in csv_chunks(queryset, flavour=flavour, base_url=base_url)
        ),
        content_type="text/csv; charset=utf-8",
    )
    return attachment(response, f"{name}.csv")


def json_response(queryset, *, base_url: str, name: str):
    response = StreamingHttpResponse(
        (chunk.encode("utf-8") for chunk in json_chunks(queryset, base_url=base_url)),
        content_type="application/json; charset=utf-8",
    )
    return attachment(response, f"{name}.json")


def xlsx_response(queryset, *, base_url: str, name: str):
    """Write the workbook row by row to a temporary file, then stream that file."""
    output = tempfile.TemporaryFile()
    with SheetWriter(output, name="Nyckeltal", columns=xlsx_columns()) as sheet:
        for _row, record in records(queryset, base_url=base_url):
            sheet.append(xlsx_cells(record))
    output.seek(0)
    return FileResponse(
        output,
        as_attachment=True,
        filename=f"{name}.xlsx",
        content_type=(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        ),
    )


FORMATS = ("csv", "excel-csv", "xlsx", "json")


def export_response(export_format: str, queryset, *, base_url: str, name: str):
    """Return the streaming response for one of FORMATS, its file named ``name``."""
    if export_format == "xlsx":
        return xlsx_response(queryset, base_url=base_url, name=name)
    if export_format == "json":
        return json_response(queryset, base_url=base_url, name=name)
    flavour = EXCEL_CSV if export_format == "excel-csv" else SCRIPT_CSV
    return csv_response(queryset, flavour=flavour, base_url=base_url, name=name)
