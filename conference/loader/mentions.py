"""Sessions the text only mentions ("seminariet om X var bra") become undocumented ones."""

import re

from django.utils.text import slugify

from .people import NAME, is_name
from .records import ParsedPerson, ParsedSession

KINDS = {
    "seminariet": ("seminar", "Seminarium"),
    "seminarium": ("seminar", "Seminarium"),
    "seminariets": ("seminar", "Seminarium"),
    "föreläsningen": ("talk", "Föreläsning"),
    "workshopen": ("other", "Workshop"),
    "panelsamtalet": ("panel", "Panelsamtal"),
    "passet": ("other", "Pass"),
}
MENTION = re.compile(
    rf"(?:(?P<who>{NAME})s )?(?P<kind>{'|'.join(KINDS)}) om (?P<topic>[^.,;:()!?]+?)"
    r"(?=\s+(?:var|som|med|och det|och jag|men|där)\b|[.,;:()!?]|$)"
)
ATTENDED = re.compile(
    r"\b(?:lyssnat på|varit på|gick på|besökte|deltog i|var på) "
    r"(?P<title>[A-ZÅÄÖ][\wåäöÅÄÖ-]+)(?=\s*\(|[,.]| [a-zåäö])"
)


def undocumented_sessions(
    documented: list[ParsedSession], people: dict[str, ParsedPerson], used: set[str]
) -> list[ParsedSession]:
    """Return the sessions mentioned in the text that have no report of their own."""
    found: list[ParsedSession] = []
    texts = [
        text
        for session in documented
        for block in session.blocks
        if block.kind != "case_example"
        for text in [block.text, *block.items]
    ]
    for text in texts:
        for match in MENTION.finditer(text):
            kind, prefix = KINDS[match.group("kind").lower()]
            topic = match.group("topic").strip()
            title = f"{prefix} om {topic}"
            who = match.group("who") or ""
            speakers = []
            if who:
                if is_name(who):
                    speakers.append((who, "speaker"))
            _add(found, documented, used, title, kind, speakers)
        for match in ATTENDED.finditer(text):
            title = match.group("title")
            if title in people or any(p.split()[0] == title for p in people):
                continue
            _add(found, documented, used, title, "other", [])
    return found


def _add(found, documented, used, title, kind, speakers) -> None:
    if any(_same(title, s.title) for s in [*documented, *found]):
        return
    base = slugify(title)[:80].strip("-") or "programpunkt"
    slug, number = base, 2
    while slug in used:
        slug = f"{base}-{number}"
        number += 1
    used.add(slug)
    found.append(
        ParsedSession(
            title=title,
            slug=slug,
            kind=kind,
            documented=False,
            speakers=speakers,
            flags=[
                "undocumented: Programpunkten nämns bara i texten och saknar referat"
            ],
        )
    )


def _same(title: str, other: str) -> bool:
    """Return whether two titles share at least two content words (by their stem)."""

    def stems(text: str) -> set[str]:
        return {word[:6] for word in re.findall(r"[a-zåäö]{5,}", text.lower())}

    return len(stems(title) & stems(other)) >= 2 or title.lower() == other.lower()
