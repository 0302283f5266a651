"""No sideways scrolling at 320 and 375 px on any public page type (WCAG 1.4.10, Reflow).

320 CSS pixels is 1 280 px zoomed to 400 %. A wide table may scroll inside its own
labelled region; the page itself must not.
"""

import pytest

from conference.models import KeyFigure, Municipality
from conference.reference_data import sync_municipalities
from tests.factories.conference import KeyFigureFactory
from tests.factories.site import build_conference

WIDTHS = [320, 375]


@pytest.fixture
def site(transactional_db):
    sync_municipalities(Municipality)
    site = build_conference(4)
    # A measure over years and areas, so the explorer and the figure page draw charts.
    for code in ["1480", "1384", "0000"]:
        for year in [2021, 2022, 2023]:
            KeyFigureFactory(
                event=site.event,
                label="Andel unga i arbete eller studier",
                unit=KeyFigure.Unit.PERCENT,
                municipality=Municipality.objects.get(code=code),
                scope="country" if code == "0000" else "municipality",
                year=year,
                period=str(year),
                value=40 + year - 2020,
            )
    return site


def page_urls(site) -> dict[str, str]:
    figure = KeyFigure.objects.filter(label__startswith="Andel unga").first()
    measure = "?label=Andel+unga+i+arbete+eller+studier&municipality=gr"
    return {
        "home": "/",
        "event": site.event.get_absolute_url(),
        "session": site.sessions[0].get_absolute_url(),
        "person": site.people[-1].get_absolute_url(),
        "people": "/personer/",
        "sessions": "/programpunkter/?kommun=gr",
        "municipalities": "/kommuner/",
        "municipality": site.municipality.get_absolute_url(),
        "search": "/sok/?q=kompetens",
        "explorer": "/nyckeltal/?municipality=1480&municipality=gr&unit=percent",
        "explorer_error": "/nyckeltal/?municipality=Atlantis&year_from=x",
        "figure": figure.get_absolute_url(),
        "charts": f"/nyckeltal/{measure}",
        "api_docs": "/api/v1/docs/",
        "api_explorer": "/api/v1/docs/prova/",
        "accessibility": "/tillganglighet/",
    }


def test_no_page_scrolls_sideways_at_320_or_375_px(browser, live_server, site):
    too_wide = {}
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        for name, url in page_urls(site).items():
            page.goto(live_server.url + url)
            page.wait_for_load_state("networkidle")
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                too_wide[f"{name} at {width}"] = scroll_width
        context.close()
    assert too_wide == {}


def test_wide_tables_scroll_in_a_labelled_region_of_their_own(
    browser, live_server, site
):
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.goto(live_server.url + "/nyckeltal/?unit=percent")
    region = page.locator(".table-scroll").first
    attributes = region.evaluate(
        "element => [element.getAttribute('role'), element.getAttribute('tabindex'),"
        " element.getAttribute('aria-label') || element.getAttribute('aria-labelledby'),"
        " element.scrollWidth > element.clientWidth]"
    )
    context.close()
    assert attributes[:2] == ["region", "0"]
    assert attributes[2]
    assert attributes[3] is True
