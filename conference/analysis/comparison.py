"""The comparison table, as Kolada's: measures × areas, years as columns, and the change
between two years (absolute and %), with qualifiers ("knappt 39 mnkr") and years that
had not ended marked. The page (views.comparison) and its CSV and XLSX files show the
same table; the files reuse the exports' CSV flavours and formula guard.
"""

import csv
import io
import tempfile
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook

from conference.analysis.exports import (
    BYTE_ORDER_MARK,
    EXCEL_CSV,
    CsvFlavour,
    decimal_text,
    safe_text,
)
from conference.analysis.key_figure_filters import (
    FIRST_YEAR,
    LAST_YEAR,
    measure_choices,
)
from conference.formatting import (
    NBSP,
    QUALIFIER_WORDS,
    format_figure,
    format_number,
    format_value_with_unit,
)
from conference.models import NATIONAL_CODE, KeyFigure, year_unfinished
from conference.municipality_filter import MunicipalityField, municipality_choices

MAX_MEASURES = 10
MAX_YEARS = 30  # columns: the latest years when the figures span more
MAX_ROWS = 300  # measures × areas: 10 measures of 30 areas, or one of every area
MINUS = "\u2212"
UNFINISHED_NOTE = "året hade inte slutat"


class ComparisonForm(forms.Form):
    measure = forms.MultipleChoiceField(
        label=_("Mått"),
        help_text=_(
            "Ett eller flera, högst tio. Håll ned Ctrl (Cmd) för att välja fler."
        ),
        error_messages={
            "required": _("Välj minst ett mått."),
            "invalid_choice": _("Okänt mått: %(value)s."),
        },
    )
    municipality = MunicipalityField(
        label=_("Område"),
        required=False,
        choices=municipality_choices,
        help_text=_(
            "GR:s medlemskommuner, Riket eller vilka kommuner som helst. Inget val: "
            "GR:s medlemskommuner, Göteborgsregionen som helhet och Riket."
        ),
    )
    change_from = forms.IntegerField(
        label=_("Förändring från år"),
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        help_text=_("Tomt: tabellens första år."),
    )
    change_to = forms.IntegerField(
        label=_("Förändring till år"),
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        help_text=_("Tomt: tabellens sista år."),
    )

    def __init__(self, data=None):
        super().__init__(data)
        # Read once: the page lists them and validation checks against them.
        self.measure_choices = measure_choices()
        self.fields["measure"].choices = self.measure_choices

    def clean_measure(self):
        measures = self.cleaned_data["measure"]
        if len(measures) > MAX_MEASURES:
            raise forms.ValidationError(
                _("Välj högst %(max)s mått."), params={"max": MAX_MEASURES}
            )
        return measures

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("change_from"), cleaned.get("change_to")
        if first is not None and last is not None and first >= last:
            self.add_error("change_to", _("”Till år” ska vara senare än ”Från år”."))
        return cleaned


PARAMETERS = tuple(ComparisonForm.base_fields)


@dataclass(frozen=True)
class Cell:
    """One figure of the table: a measure, an area and a year."""

    pk: int
    value: Decimal
    unit: str
    qualifier: str
    unfinished: bool

    @property
    def text(self) -> str:
        """Return the figure as Swedes write it; "*": the year had not ended."""
        return format_figure(self) + (" *" if self.unfinished else "")


@dataclass(frozen=True)
class Change:
    """The change of one row between the two chosen years."""

    absolute: Decimal
    percent: Decimal | None  # None when the first value is zero
    unit: str
    approximate: bool  # one end is "knappt", "drygt", … so the change is too
    unfinished: bool

    @property
    def absolute_text(self) -> str:
        magnitude = abs(self.absolute)
        if self.unit == KeyFigure.Unit.PERCENT:
            text = f"{format_number(magnitude)}{NBSP}procentenheter"
        else:
            text = format_value_with_unit(magnitude, self.unit)
        return self.decorate(signed(self.absolute, text))

    @property
    def percent_text(self) -> str:
        if self.percent is None:
            return "–"
        text = f"{format_number(abs(self.percent), 1)}{NBSP}%"
        return self.decorate(signed(self.percent, text))

    def decorate(self, text: str) -> str:
        text = f"cirka {text}" if self.approximate else text
        return f"{text} *" if self.unfinished else text


def signed(number: Decimal, text: str) -> str:
    if number > 0:
        return f"+{text}"
    return f"{MINUS}{text}" if number < 0 else text


@dataclass
class Row:
    measure: str
    measure_slug: str
    unit: str
    area: str
    code: str  # the municipality code, "" for GR as a whole
    cells: list[Cell | None]
    change: Change | None


@dataclass
class ComparisonTable:
    years: list[int]
    rows: list[Row]
    change_from: int | None
    change_to: int | None
    has_unfinished: bool
    undated: int  # figures without a year, left out
    truncated: bool  # more measures × areas than MAX_ROWS were found

    @property
    def change_heading(self) -> str:
        return f"{self.change_from}–{self.change_to}"


def comparison_table(
    rows,
    *,
    change_from: int | None = None,
    change_to: int | None = None,
    complete: bool = True,
) -> ComparisonTable:
    """Return the table of selectors.comparison_rows(), newest quote first.

    One figure per measure, area and year: the newest event's (the first given). At
    most MAX_ROWS rows; ``complete`` is False when the rows given were cut short.
    """
    by_row: dict[tuple, dict] = {}
    years: set[int] = set()
    undated = 0
    for row in rows:
        if row.year is None:
            undated += 1
            continue
        key = (row.measure_id, row.municipality_id, row.scope)
        entry = by_row.setdefault(key, {"row": row, "cells": {}})
        if row.year not in entry["cells"]:
            entry["cells"][row.year] = Cell(
                pk=row.id,
                value=row.value,
                unit=row.unit,
                qualifier=row.qualifier,
                unfinished=year_unfinished(row.year, row.event__date),
            )
            years.add(row.year)
    columns = sorted(years)[-MAX_YEARS:]
    if change_from is None and change_to is None and len(columns) >= 2:
        change_from, change_to = columns[0], columns[-1]
    table_rows = []
    for entry in by_row.values():
        first, cells = entry["row"], entry["cells"]
        table_rows.append(
            Row(
                measure=first.measure__name,
                measure_slug=first.measure__slug,
                unit=first.unit,
                area=area_name(first),
                code=first.municipality__code or "",
                cells=[cells.get(year) for year in columns],
                change=change_between(cells.get(change_from), cells.get(change_to)),
            )
        )
    table_rows.sort(key=row_order)
    truncated = len(table_rows) > MAX_ROWS or not complete
    table_rows = table_rows[:MAX_ROWS]
    return ComparisonTable(
        years=columns,
        rows=table_rows,
        change_from=change_from,
        change_to=change_to,
        has_unfinished=any(
            cell is not None and cell.unfinished
            for row in table_rows
            for cell in row.cells
        ),
        undated=undated,
        truncated=truncated,
    )


def area_name(row) -> str:
    if row.municipality__name:
        return row.municipality__name
    return str(KeyFigure.Scope(row.scope).label)


def row_order(row: Row) -> tuple:
    """By measure, then area by name, with Riket and GR as a whole last."""
    aggregate = row.code in ("", NATIONAL_CODE)
    return (row.measure.casefold(), row.measure_slug, aggregate, row.area)


def change_between(first: Cell | None, last: Cell | None) -> Change | None:
    if first is None or last is None:
        return None
    absolute = last.value - first.value
    percent = (
        (absolute / abs(first.value) * 100).quantize(Decimal("0.1"))
        if first.value
        else None
    )
    return Change(
        absolute=absolute,
        percent=percent,
        unit=last.unit,
        approximate=bool(first.qualifier or last.qualifier),
        unfinished=first.unfinished or last.unfinished,
    )


def notes_text(years: list[int], row: Row) -> str:
    """Return a row's qualifiers and unfinished years as words, for the files:
    "2018: knappt; 2024: året hade inte slutat"."""
    notes = []
    for year, cell in zip(years, row.cells, strict=True):
        if cell is None:
            continue
        words = [QUALIFIER_WORDS[cell.qualifier]] if cell.qualifier else []
        words += [UNFINISHED_NOTE] if cell.unfinished else []
        if words:
            notes.append(f"{year}: {', '.join(words)}")
    return "; ".join(notes)


def file_rows(table: ComparisonTable):
    """Yield the table as rows of a file: text and numbers, heading first.

    Numbers stay numbers (kronor, not "mnkr"), so a spreadsheet can compute; the
    qualifiers and unfinished years are in words in the last column.
    """
    units = {value: str(label) for value, label in KeyFigure.Unit.choices}
    change = table.change_heading
    yield [
        "Mått",
        "Område",
        "Kommunkod",
        "Enhet",
        *[str(year) for year in table.years],
        f"Förändring {change}",
        f"Förändring {change} (%)",
        "Anmärkningar",
    ]
    for row in table.rows:
        yield [
            safe_text(row.measure),
            safe_text(row.area),
            row.code,
            units.get(row.unit, row.unit),
            *[cell.value if cell else None for cell in row.cells],
            row.change.absolute if row.change else None,
            row.change.percent if row.change else None,
            safe_text(notes_text(table.years, row)),
        ]


def csv_text(table: ComparisonTable, flavour: CsvFlavour = EXCEL_CSV) -> str:
    buffer = io.StringIO()
    if flavour.byte_order_mark:
        buffer.write(BYTE_ORDER_MARK)
    writer = csv.writer(buffer, delimiter=flavour.delimiter, lineterminator="\r\n")
    for cells in file_rows(table):
        writer.writerow([csv_cell(cell, flavour) for cell in cells])
    return buffer.getvalue()


def csv_cell(cell, flavour: CsvFlavour):
    if not isinstance(cell, Decimal):
        return cell
    text = decimal_text(cell)
    return text.replace(".", ",") if flavour.decimal_comma else text


def file_name(extension: str) -> str:
    return f"jamforelse-{timezone.localdate():%Y-%m-%d}.{extension}"


def xlsx_file(table: ComparisonTable):
    """Return a temporary file holding the table as a workbook, at its start."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="Jämförelse")
    for cells in file_rows(table):
        sheet.append(cells)
    output = tempfile.TemporaryFile()
    workbook.save(output)
    output.seek(0)
    return output
