"""Write PNG screenshots of the public pages at 375 px and 1280 px wide.

Usage: .venv/bin/python scripts/screenshots.py [--out screenshots] [--port 8103]

Builds a temporary SQLite database, fills it with the seed document through
`load_conference --publish` when the loader exists (otherwise with Swedish sample
data), serves it with runserver on the given port and photographs the home, event,
session, speaker, municipality and key-figure pages with Debian's Chromium.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "conference/data/seed/motesplats-arbetsmarknad-2024.txt"
WIDTHS = (375, 1280)
sys.path.insert(0, str(REPO))
from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402


def manage(*args: str, env: dict, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, str(REPO / "manage.py"), *args],
        env=env,
        cwd=REPO,
        check=check,
        capture_output=True,
        text=True,
    )


def fill_database(env: dict) -> str:
    """Fill the database; return where the data came from."""
    if manage("help", "load_conference", env=env, check=False).returncode == 0:
        manage("load_conference", str(SEED), "--publish", env=env)
        return "the seed document (load_conference)"
    os.environ.update(env)
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    sys.path.insert(0, str(REPO / "scripts"))
    from sample_data import create_sample_event

    create_sample_event()
    return "Swedish sample data (scripts/sample_data.py)"


def page_paths(env: dict) -> dict[str, str]:
    """Return the path of each page to photograph, read from the database."""
    code = (
        "import json\n"
        "from django.db.models import Count\n"
        "from conference.models import Event, KeyFigure, Municipality\n"
        "from sessions_app.models import Session\n"
        "from speakers_app.models import Person\n"
        "event = Event.objects.filter(is_published=True).first()\n"
        "session = Session.objects.filter(event=event, is_published=True)"
        ".annotate(n=Count('blocks')).order_by('-n').first()\n"
        "person = Person.objects.filter(session_roles__session=session).first()\n"
        "place = Municipality.objects.filter(sessions__isnull=False, gr_member=True)"
        ".annotate(n=Count('sessions')).order_by('-n').first()\n"
        "figure = KeyFigure.objects.filter(event=event).first()\n"
        "print(json.dumps({'home': '/', 'event': event.get_absolute_url(),"
        " 'session': session.get_absolute_url(), 'speaker': person.get_absolute_url(),"
        " 'municipality': (place or Municipality.objects.get(code='1480'))"
        ".get_absolute_url(), 'key-figure': figure.get_absolute_url()}))\n"
    )
    import json

    output = manage("shell", "--no-imports", "-c", code, env=env).stdout
    return json.loads(output.strip().splitlines()[-1])


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - local server
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"The server at {url} did not answer within {seconds} s.")


def photograph(base: str, paths: dict[str, str], out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        for width in WIDTHS:
            context = browser.new_context(
                viewport={"width": width, "height": 900}, locale="sv-SE"
            )
            page = context.new_page()
            for name, path in paths.items():
                page.goto(base + path, wait_until="networkidle")
                target = out / f"{name}-{width}.png"
                page.screenshot(path=str(target), full_page=True)
                written.append(target)
            context.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "screenshots"))
    parser.add_argument("--port", type=int, default=8103)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "DEBUG": "1",
            "DATABASE_URL": f"sqlite:///{tmp}/screenshots.sqlite3",
            "PAGE_CACHE": "0",
            "DJANGO_SETTINGS_MODULE": "conference.settings",
        }
        manage("migrate", "--noinput", env=env)
        source = fill_database(env)
        paths = page_paths(env)
        server = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                str(REPO / "manage.py"),
                "runserver",
                "--noreload",
                f"127.0.0.1:{args.port}",
            ],
            env=env,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{args.port}"
            wait_for(base + "/")
            written = photograph(base, paths, out)
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"Data: {source}")
    for path in written:
        print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)


if __name__ == "__main__":
    main()
