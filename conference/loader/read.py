"""Read a documentation page from a file or a web address; refuse what is not text.

Any text document is read: UTF-8 (with or without BOM), UTF-16 with a BOM, and the
Windows-1252/Latin-1 text older Windows tools save. What is not text at all (PDF, Word,
images, archives) is refused with a message saying what it is and what to do instead.
"""

import codecs
import datetime
import hashlib
import http.client
import io
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .dates import published_in_text
from .extract import NoEventFound, extract
from .limits import TooLarge, check_blocks, check_event
from .parse import parse_html, parse_text, read_metadata
from .records import Hints, ParsedEvent

SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html"}
MAX_BYTES = 5 * 1024 * 1024
# The address is stored as the event's source document name, which holds 255 characters.
MAX_URL_LENGTH = 255
URL_TIMEOUT = 10  # seconds, for connecting and for the whole download
URL_CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
}
# Leading bytes of files that are not text, with what to call them.
SIGNATURES = [
    (b"%PDF", "en PDF-fil"),
    (b"\xd0\xcf\x11\xe0", "ett äldre Office-dokument (.doc/.xls)"),
    (b"{\\rtf", "en RTF-fil"),
    (b"\x89PNG", "en bild (PNG)"),
    (b"\xff\xd8\xff", "en bild (JPEG)"),
    (b"GIF8", "en bild (GIF)"),
    (b"\x1f\x8b", "en komprimerad fil (gzip)"),
    (b"7z\xbc\xaf", "en komprimerad fil (7z)"),
    (b"Rar!", "en komprimerad fil (RAR)"),
]
# Parts an Office or OpenDocument file (a zip archive) always holds.
ZIP_CONTENTS = [
    ("word/", "ett Word-dokument (.docx)"),
    ("xl/", "ett Excel-dokument (.xlsx)"),
    ("ppt/", "en PowerPoint-presentation (.pptx)"),
    ("mimetype", "ett OpenDocument-dokument (.odt)"),
]
HTML_START = re.compile(r"<!doctype html|<html|<head|<body|<p>|<h1", re.I)
UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# More stray control characters than this share means the bytes are not text.
MAX_CONTROL_SHARE = 0.01


class SourceError(ValueError):
    """The document cannot be loaded; the message says why in one line."""


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
    # A device, a pipe or a socket (also behind a symlink) may never end or never
    # answer: only regular files are read, and never more than the limit.
    if not path.is_file():
        raise SourceError(f"Det är ingen vanlig fil: {path}")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise SourceError(_too_large(path.name))
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise SourceError(_too_large(path.name))
    except OSError as error:
        raise SourceError(f"Kan inte läsa {path}: {error.strerror}") from error
    return read_bytes(raw, path.name)


def read_bytes(raw: bytes, name: str) -> Source:
    """Return the document in ``raw``, a file called ``name`` (an upload, a file read)."""
    if len(raw) > MAX_BYTES:
        raise SourceError(_too_large(name))
    refuse_non_text(raw, name)
    text = decode(raw, name)
    kind = SUFFIXES.get(Path(name).suffix.lower()) or sniff_kind(text)
    return Source(name, text, kind, hashlib.sha256(raw).hexdigest())


def read_url(
    url: str, *, timeout: float = URL_TIMEOUT, max_bytes: int = MAX_BYTES
) -> Source:
    """Return the page at an http(s) ``url``; raise SourceError when it cannot be had."""
    if len(url) > MAX_URL_LENGTH:
        raise SourceError(
            f"Webbadressen är längre än {MAX_URL_LENGTH} tecken: {url[:60]}…"
        )
    try:
        parts = urllib.parse.urlsplit(url)
        valid = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:
        valid = False
    if not valid:
        raise SourceError(
            f"Ogiltig webbadress: {url[:200]} (bara http:// och https:// går att läsa)"
        )
    # The scheme is checked above; redirects are held to http(s) by the handler.
    request = urllib.request.Request(  # noqa: S310
        url, headers={"User-Agent": "GR-konferensdokumentation/1.0"}
    )
    opener = urllib.request.build_opener(_HttpOnlyRedirects)
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            kind, charset = _content_type(response.headers, url)
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise SourceError(_too_large(url, max_bytes))
            raw = _read_limited(response, url, max_bytes, deadline)
    except urllib.error.HTTPError as error:
        if 300 <= error.code < 400:
            raise SourceError(
                _bad_redirect(url, error.headers.get("Location", ""))
            ) from error
        raise SourceError(
            f"Servern svarade {error.code} ({error.reason}) för {url}"
        ) from error
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise SourceError(_too_slow(url, timeout)) from error
        if isinstance(error.reason, str):
            raise SourceError(error.reason) from error
        raise SourceError(f"Kan inte hämta {url}: {error.reason}") from error
    except TimeoutError as error:
        raise SourceError(_too_slow(url, timeout)) from error
    except (OSError, http.client.HTTPException) as error:
        raise SourceError(f"Kan inte hämta {url}: {error}") from error
    refuse_non_text(raw, url)
    text = _decode_declared(raw, charset, url) if charset else decode(raw, url)
    return Source(url, text, kind, hashlib.sha256(raw).hexdigest())


def is_url(argument: str) -> bool:
    return argument.lower().startswith(("http://", "https://"))


def refuse_non_text(raw: bytes, name: str) -> None:
    """Raise SourceError when ``raw`` is a known kind of file that is not text."""
    what = next((what for sign, what in SIGNATURES if raw.startswith(sign)), "")
    if raw.startswith(b"PK\x03\x04"):
        what = _zip_kind(raw)
    if raw.startswith(b"RIFF") and raw[8:12] == b"WEBP":
        what = "en bild (WebP)"
    if what:
        raise SourceError(f"{name} är {what}; spara den som text eller HTML")


def decode(raw: bytes, name: str) -> str:
    """Return ``raw`` as text, whichever of the usual encodings it is in."""
    if not raw.strip():
        raise SourceError(f"Filen är tom: {name}")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(_decode_utf16(raw, name), name)
    if b"\x00" in raw:
        raise SourceError(f"{name} är en binärfil, inte text")
    return _checked(_decode_8bit(raw, name), name)


def sniff_kind(text: str) -> str:
    """Return "html" when ``text`` starts like a web page, else "text"."""
    return "html" if HTML_START.search(text[:2048]) else "text"


def parse_source(
    source: Source, *, title: str = "", date: datetime.date | None = None
) -> ParsedEvent:
    """Return the event in ``source``; ``title`` and ``date`` are given by staff."""
    if source.kind == "html":
        blocks = parse_html(source.text)
        hints = read_metadata(source.text)
    else:
        blocks = parse_text(source.text)
        hints = Hints(published=published_in_text(source.text))
    hints.name, hints.title, hints.date = source.name, title, date
    try:
        check_blocks(blocks, source.name)
        parsed = extract(blocks, hints)
        check_event(parsed, blocks, source.name)
    except TooLarge as error:
        raise SourceError(str(error)) from error
    except NoEventFound as error:
        raise SourceError(
            f"Inget evenemang hittades i {source.name}: {error}"
        ) from error
    return parsed


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only, never to ftp:// or file://."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not is_url(newurl):
            raise urllib.error.URLError(_bad_redirect(req.full_url, newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _content_type(headers, url: str) -> tuple[str, str]:
    content_type = headers.get_content_type()
    kind = URL_CONTENT_TYPES.get(content_type)
    if kind is None:
        raise SourceError(
            f"{url} är {content_type}, inte en webbsida eller text; "
            "spara den som text eller HTML"
        )
    return kind, headers.get_content_charset() or ""


def _read_limited(response, url: str, max_bytes: int, deadline: float) -> bytes:
    """Read at most ``max_bytes`` before ``deadline``; a slow trickle is cut off too."""
    buffer = io.BytesIO()
    while chunk := response.read(64 * 1024):
        buffer.write(chunk)
        if buffer.tell() > max_bytes:
            raise SourceError(_too_large(url, max_bytes))
        if time.monotonic() > deadline:
            raise TimeoutError
    return buffer.getvalue()


def _decode_declared(raw: bytes, charset: str, name: str) -> str:
    """Decode with the charset the server names; an unknown name is guessed past."""
    try:
        text = raw.decode(charset)
    except LookupError:
        return decode(raw, name)
    except UnicodeDecodeError as error:
        raise SourceError(
            f"{name} är inte {charset} som servern säger (byte {error.start})"
        ) from error
    return _checked(text.removeprefix("\ufeff"), name)


def _checked(text: str, name: str) -> str:
    """Return ``text`` unless it is empty or mostly control characters (binary)."""
    controls = len(CONTROL.findall(text))
    if controls and controls > MAX_CONTROL_SHARE * len(text):
        raise SourceError(f"{name} är en binärfil, inte text")
    if not text.strip():
        raise SourceError(f"Filen är tom: {name}")
    return text


def _decode_utf16(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-16")
    except UnicodeDecodeError as error:
        raise SourceError(
            f"{name} börjar som UTF-16 men är trasig (byte {error.start})"
        ) from error


def _decode_8bit(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if UTF8_SEQUENCE.search(raw):
            # Valid UTF-8 letters beside invalid bytes: a damaged UTF-8 file, whose
            # letters Windows-1252 would turn into nonsense.
            raise SourceError(
                f"{name} är UTF-8 med trasiga tecken (byte {error.start}); "
                "spara den på nytt som UTF-8"
            ) from error
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _zip_kind(raw: bytes) -> str:
    try:
        names = zipfile.ZipFile(io.BytesIO(raw)).namelist()
    except zipfile.BadZipFile:
        return "en komprimerad fil (zip)"
    for prefix, what in ZIP_CONTENTS:
        if any(name.startswith(prefix) for name in names):
            return what
    return "en komprimerad fil (zip)"


def _too_large(name: str, limit: int = MAX_BYTES) -> str:
    size = f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit} byte"
    return f"{name} är större än {size}; dela upp den eller spara bara texten"


def _bad_redirect(url: str, target: str) -> str:
    return (
        f"{url} skickar vidare till {target[:200]}, som inte är http:// eller https://"
    )


def _too_slow(url: str, timeout: float) -> str:
    return f"{url} svarade inte inom {timeout:g} sekunder"
