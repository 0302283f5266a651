"""Turn the text or HTML of a documentation page into a flat list of blocks."""

import re

from bs4 import BeautifulSoup

from .people import caption_names
from .records import Block, Hints
from .unwrap import unwrap

BULLET = re.compile(r"^\s*[•·▪●◦‣∙*]\s*")
NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+")
DASH_QUOTE = re.compile(r"^\s*[–—-]\s+")
QUOTE_CHARS = "\"”“„'’«»"
HEADING_MAX = 90
SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-ZÅÄÖ]")


def parse_text(text: str) -> list[Block]:
    """Return the blocks of a plain-text page: one line is one unit."""
    lines = unwrap(text).split("\n")
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
    """Return the blocks of an HTML page; headings and lists carry their own structure."""
    soup = BeautifulSoup(html, "html.parser")
    for junk in soup(
        ["script", "style", "nav", "header", "footer", "noscript", "form", "template"]
    ):
        junk.decompose()
    for line_break in soup.find_all("br"):
        line_break.replace_with("\n")
    root = soup.find("main") or soup.find("article") or soup.body or soup
    blocks: list[Block] = []
    wanted = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "blockquote"]
    wanted += ["figure"]
    for node in root.find_all(wanted):
        if node.find_parent(["ul", "ol", "blockquote", "figure"]) is not None:
            continue
        blocks += _html_blocks(node)
    if not blocks:
        # A page built from <div>s only: read its text line by line.
        return parse_text(root.get_text("\n"))
    return pair_captions(blocks)


def read_metadata(html: str) -> Hints:
    """Return what an HTML page's metadata says: its title and dates."""
    return Hints()


def _html_blocks(node) -> list[Block]:
    name = node.name
    if name == "figure":
        caption = node.find("figcaption")
        image = node.find("img")
        text = _clean(caption.get_text()) if caption else ""
        short = _clean(image.get("alt", "")) if image else ""
        if text or short:
            return [Block("caption", text or short, short=short or text)]
        return []
    if name in ("ul", "ol"):
        items = [_clean(li.get_text()) for li in node.find_all("li")]
        items = [item for item in items if item]
        kind = "bullets" if name == "ul" else "numbered"
        return [Block(kind, items=items)] if items else []
    text = _clean(node.get_text())
    if not text:
        return []
    if name.startswith("h"):
        return [Block("heading", text, level=int(name[1]))]
    if name == "blockquote":
        return [Block("quote", DASH_QUOTE.sub("", text))]
    lines = [_clean(line) for line in node.get_text().split("\n")]
    lines = [line for line in lines if line]
    if len(lines) > 1:
        # "<p>Name<br>Title<br>Phone</p>": each line is a unit, as in a text page.
        return [block for line in lines for block in parse_text(line)]
    if _only_bold(node) and len(text) <= HEADING_MAX:
        return [Block("heading", text)]
    if DASH_QUOTE.match(text) or _is_quoted(text):
        return [Block("quote", DASH_QUOTE.sub("", text))]
    return [Block("paragraph", text)]


def _only_bold(node) -> bool:
    """Return whether a paragraph is all <strong>/<b>: pages often use it as a heading."""
    children = [c for c in node.contents if not (isinstance(c, str) and not c.strip())]
    return len(children) == 1 and getattr(children[0], "name", None) in ("strong", "b")


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
