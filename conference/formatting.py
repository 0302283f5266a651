"""Write numbers and key figures the way Swedes do: "197 760", "1,4 dagar", "62 %", "knappt 39 mnkr"."""

from decimal import Decimal

# A no-break space keeps "197 760" and "62 %" on one line.
NBSP = "\u00a0"
MILLION = Decimal(1_000_000)

# (singular, plural) per KeyFigure.Unit value; percent and SEK are written specially.
UNIT_WORDS = {
    "persons": ("person", "personer"),
    "days": ("dag", "dagar"),
    "weeks": ("vecka", "veckor"),
    "months": ("månad", "månader"),
    "years": ("år", "år"),
    "hours": ("timme", "timmar"),
    "households": ("hushåll", "hushåll"),
    "count": ("", ""),
}
QUALIFIER_WORDS = {
    "just_under": "knappt",
    "just_over": "drygt",
    "about": "cirka",
    "at_least": "minst",
    "at_most": "högst",
}


def format_number(value, max_decimals: int = 2) -> str:
    """Return a number with space as thousands separator and decimal comma, no trailing zeros."""
    number = Decimal(str(value))
    rounded = round(number, max_decimals)
    text = f"{rounded:,.{max_decimals}f}".rstrip("0").rstrip(".")
    if text in {"-0", ""}:
        text = "0"
    return text.replace(",", NBSP).replace(".", ",")


def format_value_with_unit(value, unit: str) -> str:
    """Return value and unit as one phrase: "62 %", "1,4 dagar", "39 mnkr", "1 person"."""
    number = Decimal(str(value))
    if unit == "percent":
        return f"{format_number(number)}{NBSP}%"
    if unit == "SEK":
        if abs(number) >= MILLION:
            return f"{format_number(number / MILLION, 1)}{NBSP}mnkr"
        return f"{format_number(number)}{NBSP}kr"
    singular, plural = UNIT_WORDS.get(unit, ("", unit))
    word = singular if number == 1 else plural
    return f"{format_number(number)}{NBSP}{word}" if word else format_number(number)


def format_figure(figure) -> str:
    """Return a key figure as Swedes write it, qualifier first: "knappt 39 mnkr"."""
    phrase = format_value_with_unit(figure.value, figure.unit)
    qualifier = QUALIFIER_WORDS.get(figure.qualifier or "")
    return f"{qualifier} {phrase}" if qualifier else phrase
