"""Search in Chromium on the seed document: a misspelled word, a speaker's name and a
municipality, each followed to the first hit (issue 18)."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from conference.models import Municipality
from conference.reference_data import sync_municipalities
from sessions_app.models import SessionSpeaker

pytestmark = pytest.mark.django_db(transaction=True)

SEED = (
    Path(__file__).resolve().parents[2]
    / "conference/data/seed/motesplats-arbetsmarknad-2024.txt"
)


@pytest.fixture
def seed():
    # Transactional tests empty the database, reference data from migrations included.
    sync_municipalities(Municipality)
    call_command("load_conference", str(SEED), "--publish", stdout=StringIO())


def search_for(page, base_url: str, text: str) -> None:
    page.goto(base_url + "/sok/")
    page.get_by_label("Sökord").fill(text)
    page.get_by_label("Sökord").press("Enter")
    expect(page.get_by_role("status")).to_contain_text("träff")


def follow_first_hit(page) -> str:
    """Click the first hit and return its title once its page has loaded."""
    first = page.locator(".search-results__title a").first
    title = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_contain_text(title)
    assert page.console_errors == []
    assert page.csp_violations == []
    return title


def test_search_misspelled_word_suggests_and_finds(live_server, page, seed):
    page.set_default_timeout(10_000)
    search_for(page, live_server.url, "försörjningstöd")
    expect(page.get_by_role("status")).to_contain_text("0 träffar")

    suggestion = page.locator(".search-suggestion a")
    expect(suggestion).to_contain_text("försörjningsstöd")
    suggestion.click()

    expect(page.locator(".search-results__title a").first).to_be_visible()
    follow_first_hit(page)


def test_search_speakers_name_finds_their_session(live_server, page, seed):
    page.set_default_timeout(10_000)
    speaker = (
        SessionSpeaker.objects.select_related("person", "session")
        .order_by("session__order", "order")
        .first()
    )
    search_for(page, live_server.url, speaker.person.name)

    sessions = page.locator(".search-group", has_text="Programpunkter")
    expect(
        sessions.get_by_role("link", name=speaker.session.title, exact=True)
    ).to_be_visible()
    follow_first_hit(page)


def test_search_municipality_finds_its_page_first(live_server, page, seed):
    page.set_default_timeout(10_000)
    search_for(page, live_server.url, "kungsbacka")

    headings = page.locator(".search-group h2")
    expect(headings.first).to_contain_text("Kommuner")
    assert follow_first_hit(page) == "Kungsbacka"
