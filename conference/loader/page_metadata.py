"""What a web page says about itself besides its text: title, publishing date, event dates.

Read from Open Graph and article meta tags, JSON-LD (schema.org) and ``<time datetime>``
elements. The publishing date is kept apart from the event's dates: a news page is
published after the event it reports on.
"""

import datetime
import json
import re

import lxml.html
from lxml import etree

from .numbers import find_dates
from .records import Hints

JSON_LD_MAX_CHARS = 200_000  # one script; a bigger one is not metadata
JSON_LD_MAX_SCRIPTS = 20
JSON_LD_MAX_DEPTH = 8
ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")
PUBLISHED_WORDS = re.compile(r"publicera|published|pubdate", re.IGNORECASE)
# A date near these words is not the event's: changed, due or closing.
OTHER_DATE_WORDS = re.compile(
    r"uppdatera|ändrad|senast|granskad|updated|modified|sista|anmäl|deadline",
    re.IGNORECASE,
)
PUBLISHED_LINE = re.compile(r"^\s*publicerad\b\W*(.{0,40})", re.IGNORECASE)
TEXT_ELEMENTS = "//p | //div[not(*)] | //span[not(*)]"
PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "dcterms.created",
    "dc.date",
    "dc.date.created",
    "date",
)
EVENT_TYPES = re.compile(r"event$", re.IGNORECASE)


def read_metadata(html: str) -> Hints:
    """Return what an HTML page's metadata says: its title and dates."""
    page = _load(html)
    if page is None:
        return Hints()
    meta = _meta(page)
    objects = list(_json_ld_objects(page))
    published = _published(page, meta, objects)
    return Hints(
        page_title=_title(page, meta, objects),
        published=published,
        event_dates=_event_dates(page, objects, published),
    )


def _load(html: str):
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _meta(page) -> dict[str, str]:
    """Return the page's meta tags by lower-case name or property; the first wins."""
    found: dict[str, str] = {}
    for tag in page.iter("meta"):
        key = (
            tag.get("property") or tag.get("name") or tag.get("itemprop") or ""
        ).lower()
        content = (tag.get("content") or "").strip()
        if key and content:
            found.setdefault(key, content)
    return found


def _json_ld_objects(page):
    """Yield every JSON-LD object on the page; broken or oversized scripts are skipped."""
    scripts = page.xpath("//script[@type='application/ld+json']")
    for script in scripts[:JSON_LD_MAX_SCRIPTS]:
        text = script.text or ""
        if len(text) > JSON_LD_MAX_CHARS:
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        yield from _objects(data, 0)


def _objects(data, depth: int):
    if depth > JSON_LD_MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for value in data.values():
            if isinstance(value, (list, dict)):
                yield from _objects(value, depth + 1)


def _types(item: dict) -> list[str]:
    kind = item.get("@type", [])
    return [kind] if isinstance(kind, str) else [k for k in kind if isinstance(k, str)]


def _title(page, meta: dict[str, str], objects: list[dict]) -> str:
    title = meta.get("og:title") or meta.get("twitter:title")
    if not title:
        element = page.find(".//title")
        title = element.text_content() if element is not None else ""
    title = re.sub(r"\s+", " ", title).strip()
    site_names = {
        name.casefold()
        for name in (
            meta.get("og:site_name", ""),
            meta.get("application-name", ""),
            *(
                item.get("name", "")
                for item in objects
                if "WebSite" in _types(item) and isinstance(item.get("name"), str)
            ),
        )
        if name
    }
    parts = TITLE_SEPARATOR.split(title)
    separators = TITLE_SEPARATOR.findall(title)
    heading = page.find(".//h1")
    heading = heading.text_content().casefold() if heading is not None else ""
    # "Titel | Webbplats": the site's name after a bar always goes; after a dash only
    # when the page names that site or its h1 lacks it, as "Titel – Namn" may name
    # the speaker.
    if len(parts) > 1 and (
        separators[-1].strip() == "|"
        or parts[-1].casefold() in site_names
        or (heading and parts[-1].casefold() not in heading)
    ):
        title = title[: title.rfind(separators[-1])].strip()
    return title


def _published(page, meta: dict[str, str], objects: list[dict]):
    for key in PUBLISHED_META:
        found = _date(meta.get(key, ""))
        if found:
            return found
    for item in objects:
        found = _date(item.get("datePublished"))
        if found:
            return found
    for time in page.iter("time"):
        if PUBLISHED_WORDS.search(_context(time)):
            found = _date(time.get("datetime") or time.text_content())
            if found:
                return found
    for element in page.xpath(TEXT_ELEMENTS):
        line = PUBLISHED_LINE.match(element.text_content())
        found = find_dates(line.group(1)) if line else []
        if found:
            return found[0][0]
    return None


def _event_dates(page, objects: list[dict], published) -> list[datetime.date]:
    dates: list[datetime.date] = []
    for item in objects:
        if any(EVENT_TYPES.search(kind) for kind in _types(item)):
            found = _date(item.get("startDate"))
            if found:
                dates.append(found)
    for time in page.iter("time"):
        context = _context(time)
        if PUBLISHED_WORDS.search(context) or OTHER_DATE_WORDS.search(context):
            continue
        found = _date(time.get("datetime"))
        if found and found != published:
            dates.append(found)
    return list(dict.fromkeys(dates))


def _context(time) -> str:
    """Return the words just before a ``<time>``: "Publicerad:", "Uppdaterad", …"""
    parent = time.getparent()
    if parent is None:
        return ""
    before = [parent.text or ""]
    for sibling in parent:
        if sibling is time:
            break
        before.append(sibling.text_content() + (sibling.tail or ""))
    words = "".join(before)
    classes = " ".join(
        element.get("class", "") for element in (time, parent) if element is not None
    )
    return f"{words[-40:]} {classes}"


def _date(value) -> datetime.date | None:
    if not isinstance(value, str):
        return None
    match = ISO_DATE.match(value)
    if not match:
        return None
    try:
        return datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
