"""Read a programme: its time slots and breaks, and who gives each item.

"09.30 Title – Name, titel, Org", "kl. 10.15–11.00: Title. Med A och B.", a line
"Name, titel, Org" under a slot, a list under "Program:": the shapes programmes take.
"""

import re

from .municipalities import municipality_of
from .people import (
    BYLINE,
    NAME,
    caption_names,
    is_name,
    moderators_in_sentence,
    parse_caption,
    people_in_list,
    people_in_sentence,
    people_listed,
    programme_line,
    strip_parties,
)
from .records import Block, ParsedPerson
from .sentences import split_sentences

TIME_SLOT = re.compile(
    r"^(?:[Kk]l(?:ockan|\.)?\s*)?(?:[01]?\d|2[0-3])[.:][0-5]\d"
    r"(?:\s*[-–]\s*(?:[01]?\d|2[0-3])[.:][0-5]\d)?:?\s+(?P<title>\S.*)$"
)


BREAK = re.compile(
    r"^(?:registrering|\w*lunch\w*|\w*kaffe\w*|\w*fika\w*|paus|bensträckare|mingel|"
    r"middag|frukost|incheckning|tack för|\w+ avslutas\b)",
    re.I,
)


# "Program:", "Dagens program": what follows lists the day's items.
PROGRAMME_LABEL = re.compile(
    r"^(?:dagens |preliminärt )?program(?:met)?(?: i korthet| för dagen)?:?$", re.I
)


# "Title – Name", "Title – A och B, Org": a talk and who gave it.
DASH_NAME = re.compile(rf" [–—-] {NAME}")


# "Name; TITEL": a list that names a speaker and then their talk.
NAMED_ITEM = re.compile(rf"^(?P<name>{NAME})\s*[;:]\s+(?P<title>\S.{{3,150}})$")


# "a) Title – Name": one of a day's parallel sessions, lettered.
LETTERED_ITEM = re.compile(r"^[a-h]\)\s+(?P<title>\S.*)$")


# "Med A, B och C", "Deltagare: …": who takes part in a programme item.
SLOT_LIST_LABEL = re.compile(
    r"^(?i:(?:(?:panel|samtal|panelsamtal)\s+)?(?:med|medverkande|deltagare|panel))\b:?"
    r"(?:\s+[a-zåäö]+(?=\s+[A-ZÅÄÖ]))?\s*"
)


# A programme's line that names a speaker is short.
LINE_MAX = 160


def person_line(block: Block) -> list[ParsedPerson]:
    """Return the people of a line that only names them, as programmes list them.

    "Name, titel, Org", "Kommunalrådet Name (M)", "A och B, Org": short, no sentence.
    """
    text = block.text
    if block.kind not in ("heading", "paragraph") or len(text) > LINE_MAX:
        return []
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]  # "(Name, Org)" under a programme's item
    if text.endswith((".", "!", "?", ":")):
        return []  # a sentence is text, whoever it names
    text = SLOT_LIST_LABEL.sub("", text) if SLOT_LIST_LABEL.match(text) else text
    listed = people_in_list(text, municipality_of) if re.match(NAME, text) else []
    if len(listed) > 1 and all(p.title or p.organization for p in listed):
        return listed  # "A, titel, Org, och B, titel vid X": one line, several people
    person = programme_line(text, municipality_of)
    if person:
        return [person]
    if BYLINE.match(text):
        return parse_caption("", text, municipality_of)  # "A och B, Org"
    if len(text.split()) > 12:
        return []
    people = people_in_sentence(text, municipality_of)
    named = sum(len(person.name) for person in people)
    return people if people and named * 3 >= len(strip_parties(text)) else []


def dash_speakers(heading: str) -> tuple[str, list[str]] | None:
    """Return (title, names) for "Title – A och B (bilder)": a talk given by several."""
    title, dash, tail = heading.rpartition(" – ")
    tail = re.sub(r"\s*\([^()]*\)$", "", tail)
    names = caption_names(tail) if dash and title else []
    return (title, names) if names else None


def programme_item(text: str) -> list[ParsedPerson]:
    """Return who gives a part of a programme item: "Title, A och B, Org"."""
    match = re.search(rf", (?={NAME})", text)
    return parse_caption("", text[match.end() :], municipality_of) if match else []


def split_slot(text: str) -> tuple[str, list[ParsedPerson], str]:
    """Return a time slot's title, the people named in it and the text that follows.

    "Title. Name, titel, Org.", "Title – Name, titel, Org", "Title. Med A, B och C.",
    "Title, Landshövding Name", "Kommunalrådet Name inleder": who gives the item. A
    programme that documents the day goes on with what was said.
    """
    bracketed = re.match(r"^(?P<title>.+?)\s*\((?P<who>[^()]+)\)\.?$", text)
    if bracketed:
        people = person_line(Block("paragraph", bracketed["who"]))
        if people:
            return bracketed["title"], people, ""
        if not bracketed["who"][:1].isupper():
            text = bracketed["title"].rstrip(" –")  # "(4:30 minuter in i filmen)"
    title, dash, tail = text.rpartition(" – ")
    if dash and re.match(NAME, tail):
        who, *rest = split_sentences(tail)
        people = people_named(who)
        if people:
            return title, people, " ".join(rest)
    parts = split_sentences(text)
    title = parts[0].rstrip(".") if len(parts) > 1 else text.rstrip(".")
    people = people_in_sentence(title, municipality_of) + opening_name(title)
    rest = parts[1:]
    named = people_named(rest[0]) if rest else []
    if named:
        people, rest = people + named, rest[1:]
    elif len(parts) == 1:
        head, _, tail = text.rpartition(", ")
        named = person_line(Block("paragraph", tail.strip(" ."))) if head else []
        if named:
            return head, named, ""
    unique = {person.name: person for person in reversed(people)}
    return title, list(reversed(unique.values())), " ".join(rest)


def people_named(text: str) -> list[ParsedPerson]:
    """Return who a programme item's words after its title name, in any of the forms."""
    text = SLOT_LIST_LABEL.sub("", text.strip()).rstrip(".")
    listed = people_in_list(text, municipality_of)
    return (
        people_listed(text, municipality_of)
        or moderators_in_sentence(text, municipality_of)
        or (listed if len(listed) > 1 else [])
        or parse_caption("", text, municipality_of)
        or person_line(Block("paragraph", text))
        or listed
    )


def opening_name(text: str) -> list[ParsedPerson]:
    """ "Name reflekterar över dagen": a programme item that begins with its speaker."""
    match = re.match(rf"({NAME}) [a-zåäö]", text)
    return [ParsedPerson(match.group(1))] if match and is_name(match.group(1)) else []
