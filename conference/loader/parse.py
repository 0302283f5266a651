"""Turn the text or HTML of a documentation page into a flat list of blocks."""

import re

from .furniture import clean_lines, is_furniture, split_photo_credit, strip_inline
from .html import main_content
from .page_metadata import read_metadata
from .people import caption_names
from .records import Block
from .unwrap import unwrap

__all__ = ["pair_captions", "parse_html", "parse_text", "read_metadata"]

# "o Punkt": a word processor's round bullet, saved as the letter o.
BULLET = re.compile(r"^\s*(?:[•·▪●◦‣∙*]\s*|o\s+(?=[A-ZÅÄÖ0-9]))")
NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+")
DASH_QUOTE = re.compile(r"^\s*[–—-]\s+")
QUOTE_CHARS = "\"”“„'’«»"
HEADING_MAX = 90
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-ZÅÄÖ]")


def parse_text(text: str) -> list[Block]:
    """Return the blocks of a plain-text page: one line is one unit."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    lines = unwrap("\n".join(clean_lines(lines))).split("\n")
    blocks: list[Block] = []
    for line in lines:
        if not line:
            continue
        if BULLET.match(line):
            _append_item(blocks, "bullets", BULLET.sub("", line))
        elif NUMBERED.match(line) and not _looks_like_date(line):
            _append_item(blocks, "numbered", NUMBERED.sub("", line))
        elif DASH_QUOTE.match(line):
            blocks.append(Block("quote", DASH_QUOTE.sub("", line)))
        elif _is_quoted(line):
            blocks.append(Block("quote", line))
        elif _is_heading(line):
            blocks.append(Block("heading", line))
        else:
            blocks.append(Block("paragraph", line))
    return pair_captions(blocks)


def parse_html(html: str) -> list[Block]:
    """Return the blocks of an HTML page's main content; tags give the structure."""
    nodes = main_content(html)
    # Without a single heading tag the page's structure is in its lines, as in text.
    structured = any(node.tag in HEADING_TAGS for node in nodes)
    blocks: list[Block] = []
    for node in nodes:
        blocks += _html_blocks(node, structured)
    blocks = [block for block in blocks if not _is_furniture_block(block)]
    return pair_captions(blocks)


def _html_blocks(node, structured: bool = True) -> list[Block]:
    name = node.tag
    if name == "figure":
        return _figure_block(node)
    if name in ("ul", "ol"):
        # "<li><b>Title</b><br>Name, titel, Org</li>": the lines of an item are its
        # parts, as a programme writes "Title – Name, titel, Org".
        items = [
            " – ".join(filter(None, (_clean(strip_inline(x)) for x in _lines(li))))
            for li in node.iter("li")
        ]
        items = [item for item in items if item and not is_furniture(item)]
        kind = "bullets" if name == "ul" else "numbered"
        return [Block(kind, items=items)] if items else []
    if name == "table":
        rows = [
            " ".join(_clean(cell.text_content()) for cell in row)
            for row in node.iter("tr")
        ]
        return [block for row in rows for block in parse_text(row)]
    text = _clean(strip_inline(node.text_content()))
    if not text:
        return []
    if name[0] == "h" and name[1:].isdigit():
        return [Block("heading", text, level=int(name[1]))]
    if name == "blockquote":
        return [Block("quote", DASH_QUOTE.sub("", text))]
    lines = [_clean(strip_inline(line)) for line in _lines(node)]
    lines = [line for line in lines if line]
    if len(lines) > 1 or not structured:
        # "<p>Name<br>Title<br>Phone</p>": each line is a unit, as in a text page.
        return [block for line in lines for block in parse_text(line)]
    if _only_bold(node) and len(text) <= HEADING_MAX:
        return [Block("heading", text)]
    if DASH_QUOTE.match(text) or _is_quoted(text):
        return [Block("quote", DASH_QUOTE.sub("", text))]
    return [Block("paragraph", text)]


def _figure_block(node) -> list[Block]:
    """Return a figure's caption, without the photographer; never an empty heading.

    It is a caption when it or the image's alt names people; otherwise a paragraph.
    """
    caption = node.find(".//figcaption")
    image = node.find(".//img")
    text = _clean(caption.text_content()) if caption is not None else ""
    text = split_photo_credit(text)[0]
    alt = _clean(image.get("alt", "")) if image is not None else ""
    short = alt if caption_names(alt) else ""
    if not text:
        return []
    if not (short or caption_names(text)):
        # "Drygt 200 deltagare kom till dagen": about the picture, not a name tag;
        # as a caption it would end the section it illustrates.
        return [Block("paragraph", text)]
    return [Block("caption", text, short=short)]


def _lines(node) -> list[str]:
    """Return the text of ``node`` split at its ``<br>`` elements."""
    for line_break in node.iter("br"):
        line_break.tail = "\n" + (line_break.tail or "")
    return node.text_content().split("\n")


def _is_furniture_block(block: Block) -> bool:
    return block.kind in ("heading", "paragraph") and is_furniture(block.text)


def _only_bold(node) -> bool:
    """Return whether a paragraph is all <strong>/<b>: pages often use it as a heading."""
    children = list(node)
    return (
        not (node.text or "").strip()
        and len(children) == 1
        and children[0].tag in ("strong", "b")
        and not (children[0].tail or "").strip()
    )


def pair_captions(blocks: list[Block]) -> list[Block]:
    """Join a photo's short name line with the describing line that follows it.

    A page saved as text shows a photo as "Name" followed by "Name, title på Org".
    """
    result: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (
            block.kind == "heading"
            and following is not None
            and following.kind in ("heading", "paragraph")
            and _describes(block.text, following.text)
        ):
            result.append(Block("caption", following.text, short=block.text))
            index += 2
            continue
        result.append(block)
        index += 1
    return result


def _describes(short: str, line: str) -> bool:
    names = caption_names(short)
    if not names or "," not in line or short == line:
        return False
    return all(name in line for name in names)


def _append_item(blocks: list[Block], kind: str, item: str) -> None:
    item = item.strip()
    if not item:
        return
    if blocks and blocks[-1].kind == kind:
        blocks[-1].items.append(item)
    else:
        blocks.append(Block(kind, items=[item]))


def _is_heading(line: str) -> bool:
    if len(line) > HEADING_MAX or line[-1] in ".,:;":
        return False
    return not SENTENCE_BREAK.search(line)


def _is_quoted(line: str) -> bool:
    return (
        len(line) > 20
        and line[0] in QUOTE_CHARS
        and line.rstrip(".")[-1] in QUOTE_CHARS
    )


def _looks_like_date(line: str) -> bool:
    return bool(re.match(r"^\s*\d{1,2}\.?\s+[a-zåäö]+\s+\d{4}", line))


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()
