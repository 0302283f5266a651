"""Page furniture: the parts of a saved page that belong to the website, not the text.

Navigation, cookie banners, breadcrumbs, publishing dates, share links, photo credits,
page numbers and the address footer come along when a page is saved or a report is
converted from PDF. They are recognised by their shape in Swedish, never by a page.
"""

import re
from collections import defaultdict

# A whole line that is only furniture.
FURNITURE_LINE = re.compile(
    r"""^(?:
        (?:publicerad|uppdaterad|senast\s+(?:ändrad|uppdaterad|granskad))\b.{0,60}
      | skriv\s+ut | dela(?:\s+(?:sidan|artikeln|på\s+\S+(?:\s+\S+)?))?
      | (?:dela\s+på\s+)?(?:facebook|linkedin|twitter|x|instagram|e-post|mejl)
      | länk\s+till\s+annan\s+webbplats
      | (?:hoppa|gå)\s+(?:direkt\s+)?till\s+(?:huvud)?innehåll(?:et)?
      | (?:godkänn|acceptera|neka|avvisa)\s+(?:alla|alla\s+kakor|alla\s+cookies|nödvändiga)
      | (?:endast|bara)\s+nödvändiga(?:\s+(?:kakor|cookies))?
      | (?:kak|cookie-?)inställningar | inställningar\s+för\s+(?:kakor|cookies)
      | till\s+toppen | tillbaka\s+till\s+toppen | lyssna | läs\s+upp
      | meny | stäng\s+meny | sök(?:\s+efter|\s+på\s+webbplatsen)? | till\s+innehållet
      | (?:sidan|artikeln)\s+(?:uppdaterades|publicerades|granskades)\b.{0,40}
      | (?:hade\s+du\s+nytta\s+av|fick\s+du\s+(?:den\s+)?(?:information|svar))\b.{0,60}
      | ja | nej | ja\s+nej
      | till\s+\S+\s+startsida | languages | other\s+languages | lättläst
      | \[(?:bild|foto|image)\s*:.{0,200}\]
      | (?:foto|fotograf|bild|illustration|text)\s*:\s*\S.{0,60}
      | sida\s+\d+\s*(?:\(\d+\)|av\s+\d+)? | \d+\s*\(\d+\)
      | .{0,200}\((?:pdf|play|word|excel|powerpoint|video|film|nytt\s+fönster|
          öppnas\s+i\s+(?:ett\s+)?nytt\s+fönster|extern\s+länk)\b[^()]*\)
    )[.:]?$""",
    re.IGNORECASE | re.VERBOSE,
)
# "Konferensrapport 2024        Sida 2 (12)": a report's running head with its page.
RUNNING_HEAD = re.compile(
    r"(?:\s{3,}|\t)(?:sida\s+)?\d{1,3}\s*(?:\(\d{1,3}\)|av\s+\d{1,3})$", re.IGNORECASE
)
COLUMN_GAP = re.compile(r"\S {5,}\S")
# A cookie banner's sentence: "Vi använder kakor (cookies) för att …".
COOKIE_SENTENCE = re.compile(
    r"^(?:\S+\s+){0,4}(?:använder|sparar)\s+(?:sig\s+av\s+)?(?:kakor|cookies)\b"
    r"|^(?:denna|den\s+här)\s+webbplats(?:en)?\s+använder\s+teknik\b"
    r"|\bstöds\s+(?:inte\s+)?i\s+din\s+webbläsare\b",
    re.IGNORECASE,
)
# "Start > Nyheter > Titel", "Startsida / Aktuellt / Titel", "Du är här: A / B".
BREADCRUMB = re.compile(
    r"^(?:(?:start(?:sida)?|hem|home)\s*[>›»/|]|du\s+är\s+här\s*:)\s*\S.*$",
    re.IGNORECASE,
)
# Said inside a line by screen-reader text around a link.
INLINE_FURNITURE = re.compile(
    r"\s*[(,]?\s*(?:länk\s+till\s+annan\s+webbplats|öppnas\s+i\s+(?:ett\s+)?nytt"
    r"\s+fönster|extern\s+länk)\s*\)?"
    # "…, SKRPDF": a download link's file-type label run into its text.
    r"|(?<=[\wåäöÅÄÖ)])\s*\(?(?:pdf|docx|pptx)(?:,\s*\d+[,.]?\d*\s*[km]b)?\)?$",
    re.IGNORECASE,
)
# A photo credit at the end of a caption: "Anna Berg, chef. Foto: Per Ek".
PHOTO_CREDIT = re.compile(
    r"(?:^|[\s.,(|–-])\s*(?:foto|fotograf|bild|illustration)\s*:\s*[^:]{1,60}?\s*\)?\.?$",
    re.IGNORECASE,
)
# Lines of an address footer.
POSTCODE = re.compile(r"\b\d{3}\s?\d{2}\s+[A-ZÅÄÖ][a-zåäö]+")
ADDRESS = re.compile(
    r"\bbox\s+\d+|\b(?:besöks|post|leverans|faktura)adress\b|\borg(?:anisations)?"
    r"\.?\s*-?nr\b|\borganisationsnummer\b",
    re.IGNORECASE,
)
CONTACT_DETAIL = re.compile(
    r"^(?:(?:telefon(?:växel)?|tel|växel|e-post|epost|mejl|webb|webbplats|fax)\b\s*:?"
    r"|\+?[\d() -]{7,}$|[\w.+-]+@[\w-]+\.[\w.]+$|(?:https?://|www\.)\S+$)",
    re.IGNORECASE,
)
FOOTER_REACH = 8  # lines from the end where an address footer may start
REPEATED_MAX = 80  # a running header or footer is a short line
REPEATED_MIN_COUNT = 3
PAGE_MIN_LINES = 10  # lines between two running heads: at least a short page
PHONE = re.compile(r"^[\d +()–-]{7,}$")
# "• Punkt", "o Punkt", "– Citat", "2) Punkt": a new item, never a line's continuation.
LIST_MARK = re.compile(r"^\s*(?:[o•·▪●◦‣∙*–—-]|\d{1,2}[.)])\s")
HYPHEN_BREAK = re.compile(r"[A-Za-zÅÄÖåäöÉé]-$")
CONJUNCTION = re.compile(r"^(?:och|eller|samt|till|som|respektive)\b")


def is_furniture(line: str) -> bool:
    """Return whether one line of text is page furniture, not content."""
    line = line.strip()
    if not line:
        return False
    return bool(
        FURNITURE_LINE.match(line)
        or RUNNING_HEAD.search(line)
        or COOKIE_SENTENCE.match(line)
        or BREADCRUMB.match(line)
    )


def strip_inline(text: str) -> str:
    """Return ``text`` without screen-reader link furniture inside it."""
    return INLINE_FURNITURE.sub("", text).strip()


def split_photo_credit(text: str) -> tuple[str, str]:
    """Return ``text`` without a trailing photo credit, and the credit."""
    match = PHOTO_CREDIT.search(text)
    if match is None:
        return text, ""
    return text[: match.start()].rstrip(" ,.|–-"), match.group(0).strip(" .|–-")


def clean_lines(lines: list[str]) -> list[str]:
    """Return the content lines of a text page: furniture dropped, broken words joined.

    ``lines`` are stripped; blank lines are kept as they separate paragraphs.
    """
    lines = _join_hyphenated(lines)
    repeated = _running_heads(lines)
    # "FoU X        Rapport 2024:3": a head laid out in columns, on more than one page.
    repeated |= {
        line for line in lines if COLUMN_GAP.search(line) and lines.count(line) > 1
    }
    lines = [line for line in lines if not is_furniture(line) and line not in repeated]
    return _drop_address_footer(lines)


def _join_hyphenated(lines: list[str]) -> list[str]:
    """Join "arbets-" + "marknaden": a word split at the end of a line of a PDF."""
    result: list[str] = []
    for line in lines:
        previous = result[-1] if result else ""
        if (
            line
            and line[0].islower()
            and HYPHEN_BREAK.search(previous)
            and not CONJUNCTION.match(line)
            and not LIST_MARK.match(line)
        ):
            result[-1] = previous[:-1] + line
        else:
            result.append(line)
    return result


def _running_heads(lines: list[str]) -> set[str]:
    """Return short lines repeated page after page of a converted report.

    A title or phone number shared by several contacts repeats too, but close together
    and as one word or a number; a running head has words and recurs a page apart.
    """
    places: dict[str, list[int]] = defaultdict(list)
    filled = [line for line in lines if line]
    for position, line in enumerate(filled):
        if (
            len(line) <= REPEATED_MAX
            and len(line.split()) >= 2
            and not LIST_MARK.match(line)
            and not PHONE.match(line)
        ):
            places[line].append(position)
    return {
        line
        for line, seen in places.items()
        if len(seen) >= REPEATED_MIN_COUNT
        and min(b - a for a, b in zip(seen, seen[1:], strict=False)) >= PAGE_MIN_LINES
    }


def _drop_address_footer(lines: list[str]) -> list[str]:
    """Drop the website's address footer at the end of the page.

    The footer starts at a postal address (postcode, box, "Besöksadress") near the end
    and holds nothing but addresses, phone numbers, e-mail and web addresses after it. A
    contact person's name, title and phone before it is content and is kept.
    """
    filled = [index for index, line in enumerate(lines) if line]
    for index in filled[-FOOTER_REACH:]:
        line = lines[index]
        if not (POSTCODE.search(line) or ADDRESS.search(line)):
            continue
        after = [rest for rest in lines[index + 1 :] if rest]
        if all(_is_footer_detail(rest) for rest in after):
            return _trim_blank_end(lines[:index])
    return lines


def _is_footer_detail(line: str) -> bool:
    return bool(
        POSTCODE.search(line) or ADDRESS.search(line) or CONTACT_DETAIL.match(line)
    )


def _trim_blank_end(lines: list[str]) -> list[str]:
    while lines and not lines[-1]:
        lines.pop()
    return lines
