"""Spot what a reviewer should look at; the loader reports it and never "fixes" it."""

import re
from datetime import date

from .numbers import find_dates

STRAY_LETTER = re.compile(r"\b\w{3,}[.!?][a-zåäö](?=\s|$)")
STRAY_MARK = re.compile(r"[.!?]['’`´]$")
PAST_TENSE = re.compile(
    r"\b(?:skedde|var|blev|hade|gjorde|fick|började|tog|gick|kom|\w+ades|\w+ade|\w+des)\b",
    re.I,
)
FUTURE_MARKERS = re.compile(
    r"\b(?:ska|skall|kommer att|planeras|planerar|senast|beräknas|blir|väntas)\b", re.I
)


def text_flags(text: str) -> list[str]:
    """Return flags for characters that do not belong at the end of a word or sentence."""
    flags = []
    for match in STRAY_LETTER.finditer(text):
        flags.append(
            f"stray_character: Tecken som verkar felplacerat efter en mening: "
            f"”{match.group(0)}”"
        )
    if STRAY_MARK.search(text) and text.count(text[-1]) == 1:
        flags.append(
            f"stray_character: Ensamt tecken ”{text[-1]}” i slutet av stycket: "
            f"”…{text[-30:]}”"
        )
    return flags


def lowercase_start(text: str) -> list[str]:
    if text[:1].islower():
        return [
            f"lowercase_start: Stycket börjar med liten bokstav (”{text[:20]}…”); "
            f"saknas ett tecken?"
        ]
    return []


def future_date_flags(sentence: str, event_date: date | None) -> list[str]:
    """Return a flag for a date after the event told as if it had already happened."""
    if event_date is None or FUTURE_MARKERS.search(sentence):
        return []
    flags = []
    for found, start, end in find_dates(sentence):
        if found > event_date and PAST_TENSE.search(sentence):
            flags.append(
                f"future_date_past_tense: Datumet {sentence[start:end]} ligger efter "
                f"evenemanget ({event_date:%Y-%m-%d}) men beskrivs i dåtid"
            )
    return flags


def future_period_flag(year: int, event_date: date | None) -> list[str]:
    if event_date is None or date(year, 12, 31) < event_date:
        return []
    return [
        f"future_period: Perioden {year} hade inte tagit slut vid evenemanget "
        f"({event_date:%Y-%m-%d})"
    ]


def contradiction_flag(qualifier_word: str, value, reference: int) -> list[str]:
    return [
        f"qualifier_contradiction: ”{qualifier_word}” ({reference} %) stämmer inte "
        f"med siffran {value} %"
    ]
