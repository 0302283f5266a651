"""The three main journeys in Chromium, on the seed document, under the production CSP.

Every page visited, the admin's included, must log no console error and violate no
Content-Security-Policy directive (tests/browser/conftest.py collects both).
"""

import re
from io import StringIO
from pathlib import Path
from urllib.parse import quote_plus

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db.models import Count
from playwright.sync_api import expect

from conference.models import Event, KeyFigure, Municipality
from conference.reference_data import sync_municipalities
from conference.staff_groups import EDITOR_GROUP, sync_staff_groups
from sessions_app.models import SessionSpeaker

pytestmark = pytest.mark.django_db(transaction=True)

SEED = (
    Path(__file__).resolve().parents[2]
    / "conference/data/seed/motesplats-arbetsmarknad-2024.txt"
)
PASSWORD = "ett-långt-lösenord-för-resan"
UTF8_BOM = b"\xef\xbb\xbf"


@pytest.fixture
def seed():
    # Transactional tests empty the database, reference data from migrations included.
    sync_municipalities(Municipality)
    call_command("load_conference", str(SEED), "--publish", stdout=StringIO())
    return Event.objects.get()


def assert_clean(page, where: str) -> None:
    page.wait_for_load_state("load")
    assert page.console_errors == [], where
    assert page.csp_violations == [], where


def test_attendee_reads_event_session_searches_and_opens_speaker(
    live_server, page, seed
):
    page.set_default_timeout(10_000)
    speaker = (
        SessionSpeaker.objects.filter(session__event=seed)
        .select_related("person", "session")
        .order_by("session__order", "order")
        .first()
    )

    page.goto(live_server.url + "/")
    assert_clean(page, "home")
    page.get_by_role("link", name=seed.title).first.click()
    expect(page.locator("h1")).to_have_text(seed.title)
    assert_clean(page, "event page")

    page.get_by_role("link", name=speaker.session.title, exact=True).first.click()
    expect(page.locator("h1")).to_have_text(speaker.session.title)
    assert_clean(page, "session page")

    page.get_by_role("navigation", name="Huvudmeny").get_by_role(
        "link", name="Sök"
    ).click()
    page.get_by_label("Sökord").fill(speaker.person.name)
    page.get_by_label("Sökord").press("Enter")
    expect(page).to_have_url(re.compile(r"/sok/\?q="))
    assert_clean(page, "search results")

    page.get_by_role("link", name=speaker.person.name).first.click()
    expect(page.locator("h1")).to_have_text(speaker.person.name)
    expect(page.get_by_role("link", name=speaker.session.title).first).to_be_visible()
    assert_clean(page, "speaker page")


def test_analyst_filters_by_municipality_sees_chart_and_downloads_excel_csv(
    live_server, page, seed
):
    page.set_default_timeout(10_000)
    # The measure quoted most often for one municipality: a time series to chart.
    measure = (
        KeyFigure.objects.filter(event=seed, municipality__isnull=False)
        .exclude(municipality__code="0000")
        .values("municipality__code", "municipality__name", "label")
        .annotate(count=Count("pk"))
        .order_by("-count", "label")
        .first()
    )
    assert measure["count"] >= 2

    page.goto(live_server.url + "/nyckeltal/")
    assert_clean(page, "explorer")
    # The municipality box takes a name as typed; the exact measure is a further filter.
    page.get_by_role("combobox", name="Kommun").fill(measure["municipality__name"])
    page.get_by_text("Fler filter").click()
    page.get_by_label("Mått (exakt)").fill(measure["label"])
    page.get_by_role("button", name="Filtrera").click()
    expect(page).to_have_url(
        re.compile(
            rf"municipality={re.escape(quote_plus(measure['municipality__name']))}"
        )
    )
    expect(page.locator(".chips li")).to_have_count(1)
    expect(page.locator("#result-heading")).to_have_text(
        f"{measure['count']} nyckeltal"
    )
    expect(page.locator("figure.chart svg").first).to_be_visible()
    assert_clean(page, "filtered explorer with chart")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV för Excel").click()
    content = Path(download_info.value.path()).read_bytes()
    lines = content.decode("utf-8-sig").strip().splitlines()

    assert content.startswith(UTF8_BOM)
    assert len(lines) == measure["count"] + 1
    assert all(";" in line for line in lines)
    assert all(measure["municipality__name"] in line for line in lines[1:])
    assert_clean(page, "after download")


def test_editor_logs_in_edits_and_publishes_event(
    live_server, page, seed, django_user_model
):
    page.set_default_timeout(10_000)
    sync_staff_groups(apps=apps)
    editor = django_user_model.objects.create_user(
        username="redaktor", password=PASSWORD, is_staff=True
    )
    editor.groups.add(Group.objects.get(name=EDITOR_GROUP))
    Event.objects.filter(pk=seed.pk).update(is_published=False)
    new_title = seed.title + " – dokumentation"

    page.goto(live_server.url + "/admin/")
    assert_clean(page, "admin login")
    page.get_by_label("Användarnamn").fill("redaktor")
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    expect(page.locator("#user-tools")).to_contain_text("redaktor")
    assert_clean(page, "admin index")

    page.goto(f"{live_server.url}/admin/conference/event/{seed.pk}/change/")
    assert_clean(page, "event change form")
    page.get_by_label("Titel:").fill(new_title)
    page.get_by_label("Publicerad", exact=True).check()
    page.get_by_role("button", name="Spara", exact=True).click()
    expect(page.locator(".messagelist")).to_be_visible()
    assert_clean(page, "after save")

    page.context.clear_cookies()
    page.goto(live_server.url + seed.get_absolute_url())
    expect(page.locator("h1")).to_have_text(new_title)
    assert_clean(page, "published event page")
