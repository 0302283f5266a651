"""Find Swedish municipalities in text, in the forms Swedish writes them.

"Mölndals stad", "Lerums kommun", "i Partille", "Alingsås" all name a municipality;
"Luleå tekniska universitet" and the name of a region do not.
"""

import re
from functools import cache

from django.conf import settings

from conference.reference_data import read_municipalities

NATIONAL_CODE = "0000"
# Names that are also ordinary Swedish words or first names: only trusted with
# "kommun", "stad" or "i" around them.
AMBIGUOUS = {"Mark", "Vara", "Lund", "Nora", "Mora", "Sala", "Ale", "Tanum", "Bjuv"}
LETTER = "A-Za-zÅÄÖåäöÉéÜü"
# The organiser's region as a whole (settings.REGION_NAMES), or its member municipalities.
REGION_WORDS = re.compile(
    rf"(?<!\w)(?:{'|'.join(map(re.escape, settings.REGION_NAMES))})(?::s)?(?!\w)"
    r"|\bmedlemskommuner(?:na)?\b"
)
COUNTRY_WORDS = re.compile(
    r"\b(?:[Ii] Sverige|[Ii] hela landet|[Ii] landet|[Ii] riket|nationell[at]?|Sveriges|[Rr]iket)\b"
)


COUNTRY_CELL = re.compile(r"^(?:riket|sverige|hela landet|totalt i landet)$", re.I)


# Read once: the reference file ships with the code, and the pattern of its 290 names
# is compiled once.
@cache
def _names() -> dict[str, str]:
    return {
        row["name"]: row["code"]
        for row in read_municipalities()
        if row["code"] != NATIONAL_CODE
    }


@cache
def _pattern() -> re.Pattern:
    names = sorted(_names(), key=len, reverse=True)
    alternatives = "|".join(re.escape(name) for name in names)
    return re.compile(
        rf"(?<![{LETTER}-])(?P<prep>(?:i|från|för|in|av) )?(?P<name>{alternatives})"
        rf"(?P<genitive>s)?(?P<suffix> (?:kommuns?|stads?))?(?![{LETTER}-])"
    )


def find_municipalities(text: str) -> list[str]:
    """Return the codes of the municipalities named in ``text``, in order, once each."""
    codes: list[str] = []
    previous_end = -1
    for match in _pattern().finditer(text):
        code = _accept(match, text)
        # "Botkyrka (Stockholm)": the brackets say where Botkyrka lies, they name no
        # second municipality. "Hjällbo (Göteborg)" does: the district lies there.
        if code and text[previous_end : match.start()] == " (":
            previous_end = -1
            continue
        if code:
            previous_end = match.end()
        if code and code not in codes:
            codes.append(code)
    return codes


def municipality_of(organization: str) -> str:
    """Return the code of the municipality an organisation belongs to, or ""."""
    if not organization:
        return ""
    text = organization.strip()
    if text in _names():
        return _names()[text]
    for match in _pattern().finditer(text):
        if match.group("suffix"):
            return _names()[match.group("name")]
    return ""


def code_of(name: str) -> str:
    """Return the code of a municipality written alone, as in a table's cell, or ""."""
    text = re.sub(r"\s+(?:kommun|stad)$", "", name.strip(), flags=re.I)
    if COUNTRY_CELL.match(text):
        return NATIONAL_CODE
    return _names().get(text) or _names().get(text.removesuffix("s"), "")


def mentions_region(text: str) -> bool:
    return bool(REGION_WORDS.search(text))


def mentions_country(text: str) -> bool:
    return bool(COUNTRY_WORDS.search(text))


def _accept(match: re.Match, text: str) -> str:
    name = match.group("name")
    code = _names()[name]
    strong = bool(match.group("suffix") or match.group("prep"))
    if match.group("genitive") and not match.group("suffix"):
        # "Lerums arbete" names the municipality; "Gävles högskola" a school.
        after = text[match.end() : match.end() + 2]
        if after[:1] == " " and after[1:2].isalpha():
            return ""
        return code if name not in AMBIGUOUS else ""
    if name in AMBIGUOUS and not strong:
        return ""
    return code
