"""Where the day was held, from a field line such as "Plats: Lokal, Gatan 4, Ort".

A field of an event page ("Plats:", "Lokal:") names the venue; when one of its parts has
the shape of a street address (words and a house number), that part is the address and
what follows it the locality. Otherwise the whole line is the venue's name: a room, a
building and a town cannot be told apart without a list of places, and a guess would
put a wrong town in the search engines' data.
"""

import re
from dataclasses import dataclass

from .records import Block

PLACE_FIELD = re.compile(r"^\s*(?:plats|lokal)\s*:\s*(?P<value>\S.*)$", re.I | re.M)
# "Fredsgatan 4", "Lindholmspiren 4B", "Södra vägen 12 A": a Swedish street name's
# ending and a house number ("Sal 3" is a room).
STREET = re.compile(
    r"^[^\d,]*(?:gata|gatan|väg|vägen|torg|torget|plan|platsen|allé|allén|led|leden|"
    r"backe|backen|stig|stigen|gränd|kaj|kajen|pir|piren|esplanaden|stråket|"
    r"promenaden|parken)\s\d{1,4}(?:\s?[A-Za-z])?$",
    re.I,
)
# "411 05 Göteborg": the postal code is not part of the locality's name.
POSTAL_CODE = re.compile(r"^\d{3}\s?\d{2}\s+")
MAX_VENUE, MAX_ADDRESS, MAX_LOCALITY = 200, 200, 100


@dataclass(frozen=True)
class Venue:
    name: str = ""
    address: str = ""
    locality: str = ""


def find_venue(blocks: list[Block]) -> Venue:
    """Return the venue of the first place field in the blocks (empty when none)."""
    for block in blocks:
        for text in (block.text, *block.items):
            match = PLACE_FIELD.search(text or "")
            if match:
                return split_venue(match.group("value"))
    return Venue()


def split_venue(value: str) -> Venue:
    """Return "Lokal, Gatan 4, Ort" as its name, street address and locality."""
    parts = [part.strip() for part in value.strip().rstrip(".").split(",")]
    parts = [part for part in parts if part]
    for index, part in enumerate(parts):
        if index and STREET.match(part):
            return Venue(
                name=", ".join(parts[:index])[:MAX_VENUE],
                address=part[:MAX_ADDRESS],
                locality=POSTAL_CODE.sub("", ", ".join(parts[index + 1 :]))[
                    :MAX_LOCALITY
                ],
            )
    return Venue(name=", ".join(parts)[:MAX_VENUE])
