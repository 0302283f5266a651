"""Split text into sentences, the unit the loader reads people, figures and talks in."""

import re

# A sentence ends at a full stop, not at a name's initial ("Lisa B. Ahl").
SENTENCE = re.compile(r"(?<=[.!?])(?<![ .][A-ZÅÄÖ]\.)\s+(?=[A-ZÅÄÖ0-9\"”–])")


def split_sentences(text: str) -> list[str]:
    return [part for part in SENTENCE.split(text) if part.strip()]


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else ""
