"""Reading documents: any text encoding is read, what is not text is refused (no database)."""

import io
import zipfile

import pytest

from conference.loader.read import SourceError, read_source, read_url

from .http_server import HTML, TEXT, serving

SWEDISH = "Möte i Lerum – tisdag 7/10 2025\n\nÅtta kommuner var där."


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refusal(path) -> str:
    with pytest.raises(SourceError) as error:
        read_source(path)
    return str(error.value)


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        SWEDISH.encode("utf-8"),
        SWEDISH.encode("utf-8-sig"),
        SWEDISH.encode("utf-16"),
        SWEDISH.encode("utf-16-be").join([b"\xfe\xff", b""]),
        SWEDISH.encode("cp1252"),
        SWEDISH.replace("–", "-").encode("latin-1"),
    ],
)
def test_read_source_decodes_the_usual_text_encodings(tmp_path, data):
    source = read_source(write(tmp_path, "dag.txt", data))

    assert source.text.replace("-", "–") == SWEDISH


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("sida", b"<!DOCTYPE html><html><body><h1>Dag</h1></body></html>", "html"),
        ("sida.php", b"\n<p>Dag</p>", "html"),
        ("anteckning.md", "Dag\n\nDen 3 juni 2025 möttes vi.".encode(), "text"),
        ("sida.txt", b"<html><body>Dag</body></html>", "text"),
        ("sida.HTM", b"Dag", "html"),
    ],
)
def test_read_source_sniffs_the_kind_unless_the_suffix_says(tmp_path, name, data, kind):
    source = read_source(write(tmp_path, name, data))

    assert source.kind == kind


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("program.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "program.pdf är en PDF-fil"),
        ("program.txt", b"%PDF-1.4\n", "program.txt är en PDF-fil"),
        ("program.docx", docx_bytes(), "är ett Word-dokument (.docx)"),
        ("bild.png", b"\x89PNG\r\n\x1a\n\x00\x00", "är en bild (PNG)"),
        ("foto.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "är en bild (JPEG)"),
        ("arkiv.zip", b"PK\x03\x04trasig", "är en komprimerad fil (zip)"),
        ("gammal.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "äldre Office-dokument"),
        ("data.bin", b"abc\x00def\x00", "är en binärfil"),
        ("brus.dat", bytes(range(1, 32)) * 20, "är en binärfil"),
        ("tom.txt", b" \n\t", "Filen är tom"),
    ],
)
def test_read_source_refuses_what_is_not_text(tmp_path, name, data, message):
    assert message in refusal(write(tmp_path, name, data))


def test_read_source_refusal_says_what_to_do(tmp_path):
    message = refusal(write(tmp_path, "program.pdf", b"%PDF-1.7\n"))

    assert message == "program.pdf är en PDF-fil; spara den som text eller HTML"


def test_read_source_refuses_damaged_utf8_instead_of_guessing(tmp_path):
    data = "Möte i Lerum".encode() + b"\xff" + "Åtta kom.".encode()

    assert "UTF-8 med trasiga tecken" in refusal(write(tmp_path, "dag.txt", data))


def test_read_source_refuses_a_file_over_the_size_limit(tmp_path):
    path = write(tmp_path, "stor.txt", b"a" * (5 * 1024 * 1024 + 1))

    assert refusal(path) == (
        "stor.txt är större än 5 MB; dela upp den eller spara bara texten"
    )


def test_read_url_reads_a_web_page():
    with serving() as base:
        source = read_url(f"{base}/skolforum.html")

    assert (source.name, source.kind, source.text) == (
        f"{base}/skolforum.html",
        "html",
        HTML.decode("utf-8"),
    )


def test_read_url_honours_the_charset_the_server_names():
    with serving() as base:
        source = read_url(f"{base}/temadag.txt")

    assert (source.kind, source.text) == ("text", TEXT)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/program.pdf", "är application/pdf, inte en webbsida eller text"),
        ("/pdf-som-html", "/pdf-som-html är en PDF-fil"),
        ("/saknas", "Servern svarade 404"),
        ("/till-fil", "/till-fil skickar vidare till file:///etc/passwd, som inte är"),
        (
            "/till-ftp",
            "/till-ftp skickar vidare till ftp://127.0.0.1/dag.txt, som inte",
        ),
    ],
)
def test_read_url_refuses_what_it_cannot_read(path, message):
    with serving() as base, pytest.raises(SourceError) as error:
        read_url(f"{base}{path}")

    assert message in str(error.value)


def test_read_url_refuses_a_body_over_the_limit():
    with serving() as base, pytest.raises(SourceError) as error:
        read_url(f"{base}/stor.txt", max_bytes=1000)

    assert str(error.value) == (
        f"{base}/stor.txt är större än 1000 byte; dela upp den eller spara bara texten"
    )


def test_read_url_gives_up_on_a_slow_server():
    with serving() as base, pytest.raises(SourceError) as error:
        read_url(f"{base}/langsam.html", timeout=0.3)

    assert str(error.value) == f"{base}/langsam.html svarade inte inom 0.3 sekunder"


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.se/dag.txt",
        "file:///etc/passwd",
        "http://",
        "javascript:alert(1)",
    ],
)
def test_read_url_accepts_only_http_and_https(url):
    with pytest.raises(SourceError) as error:
        read_url(url)

    assert "bara http:// och https:// går att läsa" in str(error.value)
