"""Read tables written as text: a header row, then rows of cells split by tabs or ";".

"Kommun;År;Andel (%)" over "Lerum;2023;47" is one key figure per row and value column:
47 percent in Lerum for 2023. A table whose header holds the years ("Kommun;2022;2023")
gives one figure per cell.
"""

import re

from .municipalities import NATIONAL_CODE, code_of
from .numbers import NUMBER, UNITS, parse_number
from .records import ParsedFigure

CELL_BREAK = re.compile(r"\t+|\s*;\s*")
YEAR = re.compile(r"^(?:19|20)\d{2}$")
MAX_CELLS = 20


def cells(text: str) -> list[str] | None:
    """Return the cells of a table row, or None when the text is no row."""
    if "\t" not in text and ";" not in text:
        return None
    parts = [part.strip() for part in CELL_BREAK.split(text.strip())]
    if not 2 <= len(parts) <= MAX_CELLS or not all(parts):
        return None
    if any(len(part) > 80 for part in parts):
        return None  # sentences joined by ";" are prose, not a row
    return parts


def is_header(row: list[str]) -> bool:
    return not any(_number(cell) is not None for cell in row if not YEAR.match(cell))


def table_figures(
    header: list[str], rows: list[list[str]], caption: str, session: str
) -> list[ParsedFigure]:
    """Return a figure per value cell of the rows under ``header``."""
    figures: list[ParsedFigure] = []
    for row in rows:
        if len(row) != len(header):
            continue
        area = next((code_of(cell) for cell in row if code_of(cell)), "")
        year = next((cell for cell in row if YEAR.match(cell)), "")
        for heading, cell in zip(header, row, strict=True):
            value = _number(cell)
            if value is None or YEAR.match(cell) or code_of(cell):
                continue
            period = heading if YEAR.match(heading) else year
            label = caption if YEAR.match(heading) else heading
            figures.append(
                ParsedFigure(
                    label=_label(label or caption),
                    value=value,
                    unit=_unit(heading, caption, cell),
                    period=period,
                    scope=_scope(area),
                    municipality=area,
                    source_text="; ".join(row)[:1000],
                    session=session,
                    flags=[] if area else [_AREA_FLAG],
                )
            )
    return figures


_AREA_FLAG = "area_guessed: Tabellraden nämner ingen kommun; inläsningen antar GR"


def _number(cell: str):
    text = cell.replace("%", "").strip()
    match = NUMBER.fullmatch(text)
    return parse_number(match.group(0)) if match else None


def _unit(heading: str, caption: str, cell: str) -> str:
    words = re.findall(r"%|[a-zåäö]+", f"{heading} {caption} {cell}".lower())
    if "%" in words or "andel" in words or "procent" in words:
        return "percent"
    for word in words:
        if word in UNITS:
            return UNITS[word]
    if "personer" in words or "antal" in words and "personer" in caption.lower():
        return "persons"
    return "count"


def _scope(code: str) -> str:
    if code == NATIONAL_CODE:
        return "country"
    return "municipality" if code else "region"


def _label(text: str) -> str:
    text = re.sub(r"^tabell\s*\d*[.:]?\s*", "", text, flags=re.I)
    text = re.sub(r"\s*\((?:%|procent|kr|kronor|antal)\)\s*$", "", text, flags=re.I)
    return (text[:1].upper() + text[1:])[:255] or "Värde"
