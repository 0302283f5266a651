"""The analyst pages in a real browser: no WCAG 2.1 A/AA violation, no CSP violation.

Covers the explorer with its form, errors and charts, a figure with its comparison and
the API documentation, all under the site's real Content-Security-Policy.
"""

import json

import pytest

from conference.models import KeyFigure, Municipality
from conference.reference_data import sync_municipalities
from tests.browser.test_accessibility import axe_source, axe_violations  # noqa: F401
from tests.factories.conference import EventFactory, KeyFigureFactory


@pytest.fixture
def figures(transactional_db):
    sync_municipalities(Municipality)
    event = EventFactory()
    made = []
    for code in ["1480", "1384", "0000"]:
        for year in [2021, 2022, 2023]:
            made.append(
                KeyFigureFactory(
                    event=event,
                    label="Andel i arbete",
                    unit=KeyFigure.Unit.PERCENT,
                    municipality=Municipality.objects.get(code=code),
                    scope="country" if code == "0000" else "municipality",
                    year=year,
                    period=str(year),
                    value=40 + year - 2020,
                )
            )
    return made


def test_analysis_pages_have_no_wcag_or_csp_violations(
    live_server,
    page,
    figures,
    axe_source,  # noqa: F811
):
    urls = {
        "explorer": "/nyckeltal/",
        "explorer_charts": "/nyckeltal/?label=Andel+i+arbete&municipality=gr",
        "explorer_error": "/nyckeltal/?municipality=Atlantis&year_from=x",
        "explorer_areas": "/nyckeltal/?municipality=1480&municipality=gr&event=x",
        "figure": figures[0].get_absolute_url(),
        "api_docs": "/api/v1/docs/",
        "api_explorer": "/api/v1/docs/prova/",
    }
    found, problems = {}, {}
    for name, url in urls.items():
        page.console_errors.clear()
        page.csp_violations.clear()
        page.goto(live_server.url + url)
        if name == "api_explorer":
            page.wait_for_selector(".opblock-summary-path")
        violations = axe_violations(page, axe_source)
        if violations:
            found[name] = violations
        if page.console_errors or page.csp_violations:
            problems[name] = page.console_errors + page.csp_violations
    assert found == {}, json.dumps(found, indent=2, ensure_ascii=False)
    assert problems == {}


def test_areas_picked_from_the_list_become_chips_before_filtering(
    live_server, page, figures
):
    page.goto(live_server.url + "/nyckeltal/")
    box = page.get_by_role("combobox", name="Kommun")
    for choice in ["Göteborg (1480)", "Kungsbacka (1384)", "Riket"]:
        box.fill(choice)
        box.press("Tab")
    chips = page.locator(".chips li")
    assert chips.all_inner_texts() == [
        "Göteborg (1480) ×",
        "Kungsbacka (1384) ×",
        "Riket ×",
    ]
    assert box.input_value() == ""
    page.get_by_role("button", name="Ta bort Riket").click()
    page.get_by_role("button", name="Filtrera").click()
    page.wait_for_url("**/nyckeltal/?*")
    assert page.locator("#result-heading").inner_text() == "6 nyckeltal"
    assert (page.console_errors, page.csp_violations) == ([], [])


def test_interactive_api_page_runs_swagger_ui_from_our_own_files(
    live_server, page, figures
):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(live_server.url + "/api/v1/docs/prova/")
    page.wait_for_selector(".opblock-summary-path")
    paths = page.locator(".opblock-summary-path").all_text_contents()
    assert "/api/v1/key-figures/" in paths
    assert [url for url in requested if not url.startswith(live_server.url)] == []
    assert (page.console_errors, page.csp_violations) == ([], [])


def test_explorer_charts_are_drawn_without_javascript(browser, live_server, figures):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/nyckeltal/?label=Andel+i+arbete")
    titles = page.locator("svg > title").all_text_contents()
    table_rows = page.locator("table.chart-data").first.locator("tbody tr").count()
    context.close()
    assert titles == [
        "Andel i arbete över tid",
        "Andel i arbete per område, 2023",
    ]
    assert table_rows == 9
