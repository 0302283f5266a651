"""axe-core (from npm, package.json) finds no WCAG 2.1 A/AA violation on the public pages.

The pages run with the real Content-Security-Policy; axe is evaluated through the
DevTools protocol, which a page's CSP does not restrict.
"""

import json
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from conference.models import Event, Municipality
from conference.reference_data import sync_municipalities
from speakers_app.models import Person
from tests.factories.site import build_conference

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SEED = REPO / "conference" / "data" / "seed" / "motesplats-arbetsmarknad-2024.txt"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def axe_source():
    """Return axe-core's source, installing the pinned npm package if it is missing."""
    if not AXE.exists():
        subprocess.run(  # noqa: S603 - fixed command, no user input
            ["npm", "ci", "--no-audit", "--no-fund"],  # noqa: S607
            cwd=REPO,
            check=False,
            capture_output=True,
        )
    if not AXE.exists():
        pytest.fail("axe-core is missing: run 'npm ci' in the repository root.")
    return AXE.read_text()


def axe_violations(page, axe_source) -> list[dict]:
    page.evaluate(axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    return [
        {
            "id": v["id"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


@pytest.fixture
def site(transactional_db):
    # A transactional test flushes the tables afterwards, the reference data included.
    sync_municipalities(Municipality)
    return build_conference(2)


def page_urls(site) -> dict[str, str]:
    return {
        "home": "/",
        "event": site.event.get_absolute_url(),
        "session": site.sessions[0].get_absolute_url(),
        "speaker": site.people[-1].get_absolute_url(),
        "people": "/personer/",
        "municipality": site.municipality.get_absolute_url(),
        "municipalities": "/kommuner/",
        "sessions": "/programpunkter/?kommun=gr",
        "search": "/sok/?q=kompetens",
        "search_municipality": "/sok/?q=G%C3%B6teborg",
        "search_suggestion": "/sok/?q=kompetensfrsorjning",
        "key_figure": site.figures[0].get_absolute_url(),
        "statement": "/tillganglighet/",
        "comparison form": "/nyckeltal/jamfor/",
        "not_found": "/finns-inte/",
    }


def test_public_pages_have_no_wcag_violations(live_server, page, site, axe_source):
    found, console = {}, {}
    for name, url in page_urls(site).items():
        page.console_errors.clear()
        page.goto(live_server.url + url)
        violations = axe_violations(page, axe_source)
        if violations:
            found[name] = violations
        # The 404 page logs its own status; anything else (a CSP block) is an error.
        errors = [e for e in page.console_errors if "status of 404" not in e]
        if errors:
            console[name] = errors
    assert found == {}, json.dumps(found, indent=2, ensure_ascii=False)
    assert console == {}


def test_pages_have_no_wcag_violations_at_320_px(
    live_server, browser, site, axe_source
):
    context = browser.new_context(
        locale="sv-SE", viewport={"width": 320, "height": 640}
    )
    narrow = context.new_page()
    try:
        for url in (site.event.get_absolute_url(), site.sessions[0].get_absolute_url()):
            narrow.goto(live_server.url + url)
            assert axe_violations(narrow, axe_source) == [], url
            # No horizontal scrolling at 320 px (WCAG 1.4.10 Reflow).
            scroll_width = narrow.evaluate("document.documentElement.scrollWidth")
            assert scroll_width <= 320, url
    finally:
        context.close()


@pytest.fixture
def seed_site(transactional_db):
    """The seed document loaded as staff would publish it: real text, real structure."""
    sync_municipalities(Municipality)
    call_command("load_conference", str(SEED), "--publish", verbosity=0)
    return Event.objects.get()


def test_seed_document_pages_have_no_wcag_violations(
    live_server, page, seed_site, axe_source
):
    sessions = list(
        seed_site.sessions.filter(is_published=True).select_related("event")
    )
    urls = [seed_site.get_absolute_url(), *(s.get_absolute_url() for s in sessions)]
    urls += [
        person.get_absolute_url()
        for person in Person.objects.public().filter(
            session_roles__session__in=sessions
        )[:3]
    ]
    # A measure's charts (an unfinished year among them) and the comparison table.
    urls += [
        "/nyckeltal/?measure=personer-i-arbete",
        "/nyckeltal/jamfor/?measure=personer-i-arbete"
        "&measure=kronor-i-forsorjningsstod&municipality=gr&municipality=riket",
    ]
    found = {}
    for url in urls:
        page.goto(live_server.url + url)
        violations = axe_violations(page, axe_source)
        if violations:
            found[url] = violations
    assert len(sessions) > 1
    assert found == {}, json.dumps(found, indent=2, ensure_ascii=False)
