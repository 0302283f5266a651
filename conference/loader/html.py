"""Find the main content of a saved web page and return it as plain HTML elements.

trafilatura decides what is content and what is website (menus, cookie banners, share
links, related articles, footers) and keeps headings, lists, quotes and images. Two
things it throws away are content on these pages, so they are protected before it
runs: the text of ``<time>`` elements ("Datum: <time>13 mars</time>") and figure
captions. When it loses the content itself — it keeps less than ``MIN_COVERAGE`` of the
words a plain walk over the page's main region finds, or it starts below the page's
``<h1>`` — the walk's elements are used instead, or put back in front.
"""

import copy
import re

import lxml.html
import trafilatura
from lxml import etree

from .furniture import split_photo_credit

BLOCK_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "blockquote")
BLOCK_TAGS += ("figure", "table", "img")
DROPPED = ("script", "style", "noscript", "template", "svg", "iframe", "head")
# The website around the text: never the main region's content.
WEBSITE_PARTS = (
    "//nav | //aside | //form | //button | //dialog | //*[@hidden]"
    " | //*[@aria-hidden='true'] | //*[@role='navigation' or @role='banner'"
    " or @role='contentinfo' or @role='complementary' or @role='search'"
    " or @role='dialog']"
)
TEXT_TAGS = BLOCK_TAGS + ("li", "td", "figcaption")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
LAYOUT_CONTENT = ".//h1 | .//h2 | .//h3 | .//p | .//ul | .//ol | .//blockquote"
MIN_COVERAGE = 0.6
SPAN_MIN_WORDS = 4  # shorter texts may match by chance
STRUCTURE_TAGS = ("h2", "h3", "h4", "h5", "h6", "li", "blockquote", "img")
# Class and id words of website parts (Swedish and English), for the walk.
WEBSITE_CLASS = re.compile(
    r"cookie|kakor|consent|breadcrumb|brödsmul|brodsmul|sidfot|footer|sidhuvud"
    r"|meny|menu|navigation|sidebar|share|social|relaterat|related|skip"
    r"|(?:^|[-_\s])(?:nav|dela|tipsa)(?:$|[-_\s])",
    re.IGNORECASE,
)
# trafilatura's XML elements and the HTML they stand for.
XML_TO_HTML = {
    "list": "ul",
    "item": "li",
    "quote": "blockquote",
    "lb": "br",
    "graphic": "img",
    "row": "tr",
    "cell": "td",
    "ref": "a",
}
XML_TO_HTML_REND = {"#b": "strong", "#i": "em", "#u": "u", "#t": "code"}


def main_content(html: str) -> list[lxml.html.HtmlElement]:
    """Return the page's content as block elements in reading order.

    Block elements are h1–h6, p, ul, ol, blockquote, table and figure (an ``img`` with
    its ``alt`` and a ``figcaption``); images without a caption are left out.
    """
    page = _load(html)
    if page is None:
        return []
    captions = _protect(page)
    walked = _walk(_main_region(copy.deepcopy(page)))
    extracted = _extract(page)
    chosen = _choose(extracted, walked)
    return _restore_figures(chosen, captions)


def _load(html: str):
    # lxml refuses a str that declares its own encoding.
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)
    if not html.strip():
        return None
    try:
        page = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    for element in page.xpath(" | ".join(f"//{tag}" for tag in DROPPED)):
        element.drop_tree()
    for comment in page.xpath("//comment()"):
        comment.getparent().remove(comment)
    return page


def _protect(page) -> dict[str, tuple[str, str]]:
    """Keep what trafilatura would drop: dates in the text, and figure captions.

    Every image gets a numbered source (``figure-N.png``) so that its caption and alt
    text can be put back wherever trafilatura keeps the image.
    """
    for time in page.xpath("//time"):
        time.drop_tag()
    for line_break in page.xpath("//br"):
        # "samhällsanalys.<br>Under 2024": the break parts words and sentences.
        line_break.tail = "\n" + (line_break.tail or "")
    captions: dict[str, tuple[str, str]] = {}
    for figure in page.xpath("//figure"):
        caption = figure.find(".//figcaption")
        images = figure.xpath(".//img")
        text = _text(caption) if caption is not None else ""
        if caption is not None:
            caption.drop_tree()
        image = images[0] if images else etree.SubElement(figure, "img")
        for extra in images[1:]:
            extra.drop_tree()
        captions[_number(image, len(captions))] = (text, image.get("alt", ""))
    for image in page.xpath("//img[not(ancestor::figure)]"):
        captions[_number(image, len(captions))] = ("", image.get("alt", ""))
    return captions


def _number(image, number: int) -> str:
    alt = image.get("alt", "")
    image.attrib.clear()
    image.set("src", f"figure-{number}.png")
    image.set("alt", alt)
    return image.get("src")


def _main_region(page):
    """Return the part of the page its author marked as the main content."""
    for path in ("//main", "//*[@role='main']", "//article"):
        found = page.xpath(path)
        if len(found) == 1:
            region = found[0]
            break
    else:
        region = page.find("body") if page.find("body") is not None else page
    for element in region.xpath("." + WEBSITE_PARTS.replace("| //", "| .//")):
        element.drop_tree()
    for element in region.xpath(".//*[@class or @id]"):
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if element.tag not in ("main", "article", "body") and WEBSITE_CLASS.search(
            names
        ):
            element.drop_tree()
    for element in region.xpath(".//header | .//footer"):
        # An article's own header holds its title; the page's header does not.
        if not element.xpath("ancestor::article | ancestor::section"):
            element.drop_tree()
    return region


def _walk(region) -> list:
    found = _blocks_in(region)
    if found:
        return found
    # A page built from <div>s only: each piece of text is a line, as in a text page.
    lines = (line.strip() for text in region.itertext() for line in text.split("\n"))
    return [_paragraph(line) for line in lines if line]


def _blocks_in(container) -> list:
    """Return the outermost block elements inside ``container``, in reading order.

    A table laid out around headings and paragraphs (a newsletter) is read through.
    """
    found = []
    for element in container.iterdescendants(*BLOCK_TAGS):
        between = []
        for parent in element.iterancestors():
            if parent is container:
                break
            between.append(parent)
        if any(p.tag in BLOCK_TAGS and not _is_layout(p) for p in between):
            continue
        if not _is_layout(element):
            found.append(element)
    return found


def _is_layout(element) -> bool:
    return element.tag == "table" and bool(element.xpath(LAYOUT_CONTENT))


def _paragraph(text: str):
    paragraph = lxml.html.Element("p")
    paragraph.text = text
    return paragraph


def _extract(page) -> list:
    document = trafilatura.bare_extraction(
        copy.deepcopy(page),
        fast=True,
        include_formatting=True,
        include_images=True,
        include_tables=True,
        include_comments=False,
        include_links=False,
        deduplicate=False,
    )
    if document is None or document.body is None:
        return []
    for element in document.body:
        _as_html(element)
    document.body.tag = "div"
    body = lxml.html.fragment_fromstring(
        etree.tostring(document.body, encoding="unicode")
    )
    elements = []
    for element in body:
        elements += _blocks_in(element) if _is_layout(element) else [element]
    return elements


def _as_html(element):
    """Return trafilatura's XML element as the HTML element it stands for."""
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        rend = node.get("rend", "")
        if node.tag == "head":
            node.tag = rend if re.fullmatch(r"h[1-6]", rend) else "h2"
        elif node.tag == "list":
            node.tag = "ol" if rend == "ol" else "ul"
        elif node.tag == "hi":
            node.tag = XML_TO_HTML_REND.get(rend, "span")
        else:
            node.tag = XML_TO_HTML.get(node.tag, node.tag)
        if node.tag != "img":
            node.attrib.clear()
    return element


def _choose(extracted: list, walked: list) -> list:
    """Return trafilatura's elements unless the walk shows they lost content.

    trafilatura marks where the content is: the walk's elements from the page's h1 (or
    trafilatura's first element) to trafilatura's last element. When the walk finds
    more headings, list items, quotes or figures in that span, trafilatura flattened
    or dropped them and the span of the walk is used instead.
    """
    if _words(extracted) < MIN_COVERAGE * _words(walked):
        return walked
    kept = {
        "".join(part.text_content().split())
        for element in extracted
        for part in element.iter(*TEXT_TAGS)
    }
    found = [index for index, element in enumerate(walked) if _shares(element, kept)]
    if not found:
        return extracted
    titles = [index for index, element in enumerate(walked) if element.tag == "h1"]
    start = min(titles[:1] + found[:1])
    while start > 0 and walked[start - 1].tag in HEADINGS:
        start -= 1  # a heading belongs to the text it introduces
    span = walked[start : found[-1] + 1]
    if _structure(span) > _structure(extracted):
        return span
    if start < found[0] and not any(element.tag == "h1" for element in extracted):
        # The article starts at its h1: put back what trafilatura skipped above it.
        skipped = walked[start : found[0]]
        return [e for e in skipped if _squeeze(_text(e)) not in kept] + extracted
    return extracted


def _shares(element, kept: set[str]) -> bool:
    """Return whether trafilatura kept a text of ``element`` that is long enough."""
    for part in element.iter(*TEXT_TAGS):
        words = part.text_content().split()
        if len(words) >= SPAN_MIN_WORDS and "".join(words) in kept:
            return True
    return False


def _structure(elements: list) -> int:
    """Return how many headings, list items, quotes and captions ``elements`` hold."""
    count = 0
    for element in elements:
        count += sum(1 for _ in element.iter(*STRUCTURE_TAGS))
    return count


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _restore_figures(elements: list, captions: dict[str, tuple[str, str]]) -> list:
    """Put each kept image's caption back as a figure; images without one are dropped
    (an alt text alone is not content).

    An image without a caption of its own takes a following paragraph that ends with a
    photo credit ("Anna Berg, chef på X. Foto: Per Ek") as its caption.
    """
    result = []
    waiting = None  # alt text of an image that has no caption yet
    for element in elements:
        images = [element] if element.tag == "img" else element.xpath(".//img")
        sources = [image.get("src", "") for image in images]
        if element.tag not in ("img", "figure"):
            for image in images:
                image.drop_tree()
            text = _text(element)
            if (
                waiting is not None
                and element.tag == "p"
                and split_photo_credit(text)[1]
            ):
                result.append(_figure(text, waiting))
            elif text or element.tag in ("ul", "ol", "table"):
                result.append(element)
        waiting = None
        for source in sources:
            caption, alt = captions.get(source, ("", ""))
            if caption:
                result.append(_figure(caption, alt))
            else:
                waiting = alt
    return result


def _figure(text: str, alt: str):
    figure = lxml.html.Element("figure")
    image = etree.SubElement(figure, "img")
    image.set("alt", alt)
    caption = etree.SubElement(figure, "figcaption")
    caption.text = text
    return figure


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _words(elements: list) -> int:
    return sum(len(_text(element).split()) for element in elements)
