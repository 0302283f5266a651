"""Recognise people's names and the title and organisation written next to them."""

import re

from .records import ParsedPerson

UPPER = "A-ZÅÄÖÉÜ"
LOWER = "a-zåäöéüøæ"
TOKEN = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}]?[{LOWER}]+)?"
NAME = rf"{TOKEN}(?: {TOKEN}){{1,3}}"
NAME_LIST = rf"{NAME}(?:, {NAME})*(?: och {NAME})?"
NAME_RE = re.compile(rf"^{NAME}$")
NAMES_ONLY = re.compile(rf"^{NAME_LIST}$")
BYLINE = re.compile(rf"^(?:[{UPPER}][{LOWER}]+ )?({NAME_LIST}), (.+?)\.?$")
FROM_ORG = re.compile(
    rf"\b({NAME_LIST}) från ((?:[{UPPER}][\w:-]*|stad|kommun)"
    rf"(?: (?:[{UPPER}][\w:-]*|stad|kommun|för|och)){{0,7}})"
)
TITLE_AT_ORG = re.compile(
    rf"\b({NAME}), ((?:[{LOWER}]|[{UPPER}]{{2,}}-)[\w -]+?) (?:på|vid|hos|i) "
    rf"([{UPPER}][^,.;()]+?)(?=[,.;)]|$)"
)
TITLE_DASH_NAME = re.compile(rf"^(.+?) [–—-] ({NAME})$")
TITLE_WORDS = re.compile(
    r"^(?P<title>(?:[a-zåäöé]|[A-ZÅÄÖ]{2,}-)[^,]*?)(?: (?:på|vid|hos) (?P<org>[A-ZÅÄÖ].*))?$"
)
CITATION = re.compile(r"\([^()]*\b(?:1[89]|20)\d{2}\)")
# Words that mark a capitalised phrase as an organisation, a place or a product.
NOT_A_NAME = re.compile(
    r"(?:Lab|AB|Center|Centrum|Kommun|Stad|Region|Universitet|Institutet|Gruppen|"
    r"förmedlingen|kassan|departementet|verket|myndigheten|rådet|regionen)\b"
)


def is_name(text: str) -> bool:
    """Return whether ``text`` is shaped like a person's full name."""
    return bool(NAME_RE.match(text)) and not NOT_A_NAME.search(text)


def caption_names(text: str) -> list[str]:
    """Return the names in a photo's short text ("A, B och C", or "A, Org")."""
    text = text.strip()
    if NAMES_ONLY.match(text):
        names = split_names(text)
    else:
        head = text.split(", ")[0]
        names = [head] if is_name(head) else []
    return names if names and all(is_name(name) for name in names) else []


def split_names(text: str) -> list[str]:
    return [part.strip() for part in re.split(r", | och ", text) if part.strip()]


def parse_caption(short: str, text: str, municipality_of) -> list[ParsedPerson]:
    """Return the people a caption describes, with title and organisation.

    Names that share one description ("A, B och C, Org") all get it.
    """
    names = caption_names(short) if short else []
    if not names:
        match = BYLINE.match(text)
        if not match:
            return []
        names = split_names(match.group(1))
        if not all(is_name(name) for name in names):
            return []
    positions = sorted((text.find(name), name) for name in names if name in text)
    people: list[ParsedPerson] = []
    for number, (start, name) in enumerate(positions):
        end = positions[number + 1][0] if number + 1 < len(positions) else len(text)
        detail = text[start + len(name) : end].strip(" ,.")
        detail = re.sub(r",?\s*och$", "", detail).strip(" ,")
        people.append(_person(name, detail, municipality_of))
    shared = next((p for p in reversed(people) if p.title or p.organization), None)
    if shared:
        for person in people:
            if not person.title and not person.organization:
                person.organization = shared.organization
                person.title = shared.title
                person.municipality = shared.municipality
    return people


def people_in_sentence(sentence: str, municipality_of) -> list[ParsedPerson]:
    """Return people introduced in prose: "Name, title på Org" or "A och B från Org"."""
    sentence = CITATION.sub("", sentence)
    found: list[ParsedPerson] = []
    for match in TITLE_AT_ORG.finditer(sentence):
        name, title, org = match.groups()
        if is_name(name):
            found.append(
                ParsedPerson(name, title.strip(), org.strip(), municipality_of(org))
            )
    for match in FROM_ORG.finditer(sentence):
        names = [n for n in split_names(match.group(1)) if is_name(n)]
        org = _trim_org(match.group(2))
        for name in names:
            found.append(ParsedPerson(name, "", org, municipality_of(org)))
    return found


def heading_speaker(heading: str) -> tuple[str, str] | None:
    """Return (title, name) for a heading such as "Title – Name"."""
    match = TITLE_DASH_NAME.match(heading.strip())
    if match and is_name(match.group(2)):
        return match.group(1).strip(), match.group(2)
    return None


def _person(name: str, detail: str, municipality_of) -> ParsedPerson:
    title, org = "", ""
    if detail:
        match = TITLE_WORDS.match(detail)
        if match:
            title = match.group("title").strip()
            org = (match.group("org") or "").strip()
            # "professor i X vid Org och programledare för Y": keep the first role.
            org = re.split(r" och [a-zåäö]", org)[0].strip()
        else:
            org = detail
    return ParsedPerson(name, title, org, municipality_of(org) if org else "")


def _trim_org(org: str) -> str:
    words = org.split()
    while words and words[-1] in ("för", "och"):
        words.pop()
    return " ".join(words)
