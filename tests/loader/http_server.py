"""A small web server on 127.0.0.1 for the URL tests: real sockets, no network needed."""

import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HTML = (FIXTURES / "skolforum-2025.html").read_bytes()
TEXT = (FIXTURES / "temadag-halsa-2023.txt").read_text(encoding="utf-8")
SLOW_SECONDS = 3

# path -> (status, headers, body)
PAGES = {
    "/skolforum.html": (200, {"Content-Type": "text/html; charset=utf-8"}, HTML),
    "/temadag.txt": (
        200,
        {"Content-Type": "text/plain; charset=windows-1252"},
        TEXT.encode("cp1252"),
    ),
    "/program.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.7\n"),
    "/pdf-som-html": (200, {"Content-Type": "text/html"}, b"%PDF-1.7\n%\xe2\xe3"),
    "/stor.txt": (200, {"Content-Type": "text/plain"}, b"a" * (6 * 1024 * 1024)),
    "/saknas": (404, {"Content-Type": "text/html"}, b"<p>Finns inte</p>"),
    "/till-fil": (302, {"Location": "file:///etc/passwd"}, b""),
    "/till-ftp": (301, {"Location": "ftp://127.0.0.1/dag.txt"}, b""),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the name http.server calls
        if self.path == "/langsam.html":
            time.sleep(SLOW_SECONDS)
            status, headers, body = PAGES["/skolforum.html"]
        else:
            status, headers, body = PAGES.get(self.path, PAGES["/saknas"])
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if self.path != "/stor.txt":  # that one is sent without its length
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on purpose (too large, too slow)

    def log_message(self, format, *args):
        pass


@contextmanager
def serving():
    """Yield the base URL of a server that answers PAGES until the block ends."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.block_on_close = False  # a slow answer must not hold up the test
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
