"""Swedish numbers, units and qualifiers, normalised.

"12 miljoner kronor" is 12 000 000 SEK, "2,5 dagar" 2.5 days, "48 %" 48 percent,
"123 456" 123456; "knappt" means just under and "drygt" just over.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

# Dates are read in dates.py; they are masked here so a day is never a statistic.
from .dates import find_dates

YEAR = re.compile(r"(?<![\d:,.\-/])((?:19|20)\d{2})(?![\d:,\-/]|\.\d)")
SPACE = "[ \u00a0\u202f]"
NUMBER = re.compile(
    rf"(?<![\w,.:/\-§])(?P<int>\d{{1,3}}(?:{SPACE}\d{{3}})+|\d+)(?:,(?P<dec>\d+))?"
    rf"(?![\d:/\-]|,\d|\.\d)"
)
# "årskurs 3", "kapitel 4", "steg 2": numbers that name something, not statistics.
ORDINAL = re.compile(
    r"\b(?:årskurs|åk|klass|kapitel|kap\.|steg|nivå|fas|punkt|sidan|nr|nummer|"
    r"paragraf|§|version|vecka|etapp|tabell|figur|diagram|bilaga|box)\s*\d+(?:[.,]\d+)*",
    re.I,
)
# "402 22 Göteborg": a postcode before a place's name.
POSTCODE = re.compile(r"\b\d{3} \d{2}(?= [A-ZÅÄÖ][a-zåäö]+(?:[ ,.]|$))")
# How far around a number its unit and qualifier are looked for; it also keeps the
# work linear on sentences with thousands of numbers.
WINDOW = 40
MULTIPLIERS = {
    "tusen": Decimal(1000),
    "miljon": Decimal(10) ** 6,
    "miljoner": Decimal(10) ** 6,
    "mnkr": Decimal(10) ** 6,
    "mkr": Decimal(10) ** 6,
    "miljard": Decimal(10) ** 9,
    "miljarder": Decimal(10) ** 9,
    "mdkr": Decimal(10) ** 9,
}
# "aktiva", "nyanställda", "unga": an adjective between a number and its noun.
ADJECTIVE = re.compile(r"[a-zåäö]+(?:a|e)")
MONEY_MULTIPLIER_UNITS = {"mnkr", "mkr", "mdkr"}
UNITS = {
    "kronor": "SEK", "kr": "SEK", "sek": "SEK", "kronors": "SEK",
    "procent": "percent", "%": "percent", "procentenheter": "percent",
    "dagar": "days", "dag": "days", "dygn": "days",
    "veckor": "weeks", "vecka": "weeks",
    "månader": "months", "månad": "months",
    "år": "years",
    "timmar": "hours", "timme": "hours",
    "hushåll": "households",
}  # fmt: skip
PERSON_WORDS = (
    "personer", "person", "deltagare", "vuxna", "barn", "invånare", "elever",
    "ungdomar", "unga", "medarbetare", "anställda", "kvinnor", "män", "individer",
    "arbetslösa", "sökande", "mottagare", "kommuninvånare", "chefer", "studenter",
    "föräldrar", "nyanlända", "flyktingar", "medlemmar", "brukare", "patienter",
    "klienter", "besökare", "pensionärer", "lärare", "förtroendevalda", "deltagarna",
    "personerna", "barnen", "eleverna", "ledare", "volontärer", "praktikanter",
)  # fmt: skip
# Endings of Swedish nouns for people ("undersköterskor", "mentorer", "politiker").
PERSON_ENDINGS = ("erskor", "örer", "orer", "iker", "ister", "anter", "enter", "are")
QUALIFIERS = {
    "knappt": "just_under",
    "drygt": "just_over",
    "cirka": "about",
    "ca": "about",
    "ungefär": "about",
    "omkring": "about",
    "runt": "about",
    "nästan": "just_under",
    "minst": "at_least",
    "över": "at_least",
    "högst": "at_most",
    "under": "at_most",
}
FRACTIONS = {
    "hälften": 50,
    "en tredjedel": 33,
    "en fjärdedel": 25,
    "en femtedel": 20,
    "två tredjedelar": 67,
    "tre fjärdedelar": 75,
}


@dataclass
class Quantity:
    """A number found in a sentence, before its context is known."""

    value: Decimal
    unit: str  # "" when the sentence gives none
    qualifier: str
    start: int
    end: int
    unit_word: str = ""


def parse_number(text: str) -> Decimal:
    """Return the value of a Swedish number such as "123 456" or "2,5"."""
    cleaned = re.sub(SPACE, "", text.strip()).replace(",", ".")
    return Decimal(cleaned)


def find_years(text: str) -> list[tuple[int, int]]:
    """Return (year, position) for years in ``text`` outside dates and citations."""
    masked = _mask(text, [(s, e) for _, s, e in find_dates(text)])
    masked = _mask(masked, _citation_spans(masked))
    return [(int(m.group(1)), m.start()) for m in YEAR.finditer(masked)]


def find_quantities(sentence: str) -> list[Quantity]:
    """Return the statistics in a sentence: numbers that are not years, dates or codes."""
    skip = [(s, e) for _, s, e in find_dates(sentence)]
    skip += _citation_spans(sentence)
    skip += [m.span() for m in re.finditer(r"\b[A-ZÅÄÖ]{1,4}\s?\d{4}:\d+", sentence)]
    skip += [m.span() for m in re.finditer(r"\b0\d{1,3}[-–\s]?\d[\d\s-]{4,}", sentence)]
    skip += [m.span() for m in POSTCODE.finditer(sentence)]
    skip += [m.span() for m in ORDINAL.finditer(sentence)]
    masked = _mask(sentence, skip)
    found: list[Quantity] = []
    for match in NUMBER.finditer(masked):
        raw = match.group(0)
        value = parse_number(raw)
        rest = masked[match.end() : match.end() + WINDOW]
        multiplier, unit, unit_word, length = _unit_after(rest)
        if not unit and _is_year(raw):
            continue
        qualifier = _qualifier_before(
            masked[max(0, match.start() - WINDOW) : match.start()]
        )
        found.append(
            Quantity(
                value=value * multiplier,
                unit=unit,
                qualifier=qualifier,
                start=match.start(),
                end=match.end() + length,
                unit_word=unit_word,
            )
        )
    return found


def fraction_before(text: str) -> tuple[str, int] | None:
    """Return (qualifier, percent) for "drygt hälften …" just before a bracketed figure."""
    pattern = "|".join(FRACTIONS)
    matches = list(
        re.finditer(rf"\b(knappt|drygt|nästan|cirka|över|under)?\s*({pattern})\b", text)
    )
    if not matches:
        return None
    match = matches[-1]
    return QUALIFIERS.get((match.group(1) or "").lower(), ""), FRACTIONS[match.group(2)]


def contradicts(qualifier: str, value: Decimal, reference: Decimal) -> bool:
    """Return whether ``value`` is not what "just under/over ``reference``" says."""
    margin = reference * Decimal("0.1")
    if qualifier == "just_over":
        return not (reference <= value <= reference + margin)
    if qualifier == "just_under":
        return not (reference - margin <= value <= reference)
    return False


def _unit_after(rest: str) -> tuple[Decimal, str, str, int]:
    match = re.match(r"\s*(%|[A-Za-zÅÄÖåäö]+)(?:\s+([A-Za-zÅÄÖåäö]+))?", rest)
    if not match:
        return Decimal(1), "", "", 0
    first = match.group(1)
    second = match.group(2) or ""
    multiplier = MULTIPLIERS.get(first.lower())
    if multiplier is not None:
        if first.lower() in MONEY_MULTIPLIER_UNITS:
            return multiplier, "SEK", first, match.end(1)
        unit = _unit_word(second)
        end = match.end(2) if unit else match.end(1)
        return multiplier, unit, second if unit else "", end
    unit = _unit_word(first)
    if not unit and ADJECTIVE.fullmatch(first) and _unit_word(second) == "persons":
        return Decimal(1), "persons", second, match.end(2)
    return Decimal(1), unit, first if unit else "", match.end(1) if unit else 0


def _unit_word(word: str) -> str:
    lower = word.lower()
    if lower in UNITS:
        return UNITS[lower]
    if lower in PERSON_WORDS or (len(lower) > 6 and lower.endswith(PERSON_ENDINGS)):
        return "persons"
    if lower.endswith("hushåll") or lower == "familjer":
        return "households"
    return ""


def _qualifier_before(text: str) -> str:
    match = re.search(r"([A-Za-zåäö]+)\s*$", text)
    return QUALIFIERS.get(match.group(1).lower(), "") if match else ""


def _is_year(raw: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d{2}", raw))


def _citation_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\([^()]*\b(?:19|20)\d{2}\)", text)]


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for index in range(start, end):
            chars[index] = "#"
    return "".join(chars)
