"""Read a documentation file from disk, refusing what is not a readable page."""

import datetime
import hashlib
from dataclasses import dataclass
from pathlib import Path

from .extract import NoEventFound, extract
from .parse import parse_html, parse_text, read_metadata
from .records import Hints, ParsedEvent

SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html"}


class SourceError(ValueError):
    """The file cannot be loaded; the message says why in one line."""


@dataclass
class Source:
    name: str
    text: str
    kind: str  # "text" or "html"
    checksum: str


def read_source(path: str | Path) -> Source:
    """Return the decoded file at ``path``; raise SourceError for anything unreadable."""
    path = Path(path)
    if not path.exists():
        raise SourceError(f"Filen finns inte: {path}")
    if path.is_dir():
        raise SourceError(f"Det är en katalog, inte en fil: {path}")
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise SourceError(
            f"Okänd filtyp {path.suffix or '(ingen)'}: använd .txt (UTF-8) eller .html"
        )
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SourceError(f"Kan inte läsa {path}: {error.strerror}") from error
    return Source(
        path.name, decode(raw, path.name), kind, hashlib.sha256(raw).hexdigest()
    )


def decode(raw: bytes, name: str) -> str:
    """Return ``raw`` as text; it must be non-empty UTF-8 (a BOM is allowed)."""
    if not raw.strip():
        raise SourceError(f"Filen är tom: {name}")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(f"{name} är kodad som UTF-16; spara den som UTF-8")
    if b"\x00" in raw[:8192]:
        raise SourceError(f"{name} är en binärfil, inte text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        guess = _guess_encoding(raw)
        raise SourceError(
            f"{name} är inte UTF-8 (byte {error.start}; ser ut som {guess}); "
            "spara den som UTF-8"
        ) from error
    if not text.strip():
        raise SourceError(f"Filen är tom: {name}")
    return text


def parse_source(
    source: Source, *, title: str = "", date: datetime.date | None = None
) -> ParsedEvent:
    """Return the event in ``source``; ``title`` and ``date`` are given by staff."""
    if source.kind == "html":
        blocks = parse_html(source.text)
        hints = read_metadata(source.text)
    else:
        blocks = parse_text(source.text)
        hints = Hints()
    hints.name, hints.title, hints.date = source.name, title, date
    try:
        return extract(blocks, hints)
    except NoEventFound as error:
        raise SourceError(
            f"Inget evenemang hittades i {source.name}: {error}"
        ) from error


def _guess_encoding(raw: bytes) -> str:
    if any(byte in raw for byte in range(0x80, 0xA0)):
        return "Windows-1252"
    return "ISO-8859-1 (Latin-1)"
