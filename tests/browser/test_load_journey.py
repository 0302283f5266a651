"""The editor's day: load a document, fix what was flagged, publish, see it, revert."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from conference.models import DocumentLoad, Municipality
from conference.reference_data import sync_municipalities
from conference.staff_groups import EDITOR_GROUP
from sessions_app.models import ContentBlock, Session
from tests.browser.test_admin_journey import log_in, staff_user  # noqa: F401

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "inlasning-i-admin.txt"
AS_LOADED = "på schemat varje dag.s Eleverna"
CORRECTED = "på schemat varje dag. Eleverna"


@pytest.mark.django_db(transaction=True)
def test_editor_loads_reviews_publishes_and_reverts(live_server, page, staff_user):  # noqa: F811
    # Transactional tests empty the database, reference data from migrations included.
    sync_municipalities(Municipality)
    staff_user("redaktor", EDITOR_GROUP)
    base = live_server.url
    log_in(page, base, "redaktor")

    # Load: a file, its preview (the flags and what the document lacks), then "Läs in".
    page.get_by_role("link", name="Läs in dokumentation").click()
    page.get_by_label("Fil:", exact=True).set_input_files(FIXTURE)
    page.get_by_role("button", name="Förhandsgranska").click()
    expect(page.locator("#preview-counts")).to_contain_text("Programpunkter")
    flagged = page.locator("#flagged + ul")
    expect(flagged).to_contain_text("Programpunkt Läslust på schemat: stray_character")
    page.get_by_label("Evenemangets datum").fill("2025-04-09")
    page.get_by_label("Arrangör").fill("GR Utbildning")
    page.get_by_role("button", name="Läs in", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("lästes in")
    expect(page.locator(".readonly pre")).to_contain_text("Inläsning klar")
    assert DocumentLoad.objects.get().status == DocumentLoad.Status.LOADED

    # Fix the flagged session's text, mark it reviewed and publish it.
    page.goto(base + "/admin/sessions_app/session/?review_status__exact=needs_review")
    page.get_by_role("link", name="Läslust på schemat").click()
    block_text = page.locator("textarea[name$='-text']", has_text=AS_LOADED)
    # Each block is folded to a one-line summary until opened.
    page.locator("details", has=block_text).locator("summary").click()
    block_text.fill(block_text.input_value().replace(AS_LOADED, CORRECTED))
    page.get_by_label("Granskning:").select_option(label="Granskad")
    page.get_by_label("Publicerad", exact=True).check()
    page.get_by_role("button", name="Spara", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Ändrade programpunkt")

    # Publish the event.
    page.goto(base + "/admin/conference/event/")
    page.get_by_role("link", name="Nätverksträff Läsfrämjande").click()
    page.get_by_label("Publicerad", exact=True).check()
    page.get_by_role("button", name="Spara", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Ändrade evenemang")

    # The public page shows the corrected text.
    session = Session.objects.get(title="Läslust på schemat")
    assert session.review_status == "reviewed"
    public_url = base + session.get_absolute_url()
    page.goto(public_url)
    expect(page.locator("main")).to_contain_text(CORRECTED)

    # Revert the block to the loaded version from its history.
    block = ContentBlock.objects.get(session=session, text__contains=CORRECTED)
    page.goto(f"{base}/admin/sessions_app/contentblock/{block.pk}/history/")
    loaded_version = page.locator("#change-history tbody tr", has_text="Inläsning från")
    loaded_version.get_by_role("link").click()
    page.get_by_label("Anledning till återställningen").fill("Fel rättelse")
    page.get_by_role("button", name="Återställ").click()
    expect(page.locator(".messagelist")).to_be_visible()
    assert block.history.first().history_change_reason == "Fel rättelse"
    page.context.clear_cookies()
    page.goto(public_url)
    expect(page.locator("main")).to_contain_text(AS_LOADED)
    assert page.console_errors == []
    assert page.csp_violations == []
