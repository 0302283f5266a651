"""In Chromium: what a printed page shows, and when a figure's sentence is marked."""

import pytest

from conference.models import Municipality
from conference.reference_data import sync_municipalities
from sessions_app.models import Session
from tests.factories.conference import KeyFigureFactory
from tests.factories.sessions import ContentBlockFactory, SessionFactory

pytestmark = pytest.mark.django_db(transaction=True)

SENTENCE = "Under 2023 deltog 1 234 personer."


def after_content(page, selector: str) -> str:
    return page.eval_on_selector(
        selector, "element => getComputedStyle(element, '::after').content"
    )


@pytest.fixture
def figure():
    sync_municipalities(Municipality)  # transactional tests start empty
    session = SessionFactory(kind=Session.Kind.PANEL)
    session.municipalities.add(Municipality.objects.get(code="1482"))
    ContentBlockFactory(session=session, text=f"Inledning. {SENTENCE} Slut.")
    return KeyFigureFactory(event=session.event, session=session, source_text=SENTENCE)


def test_printed_page_shows_links_in_full_and_the_filter_not_the_form(
    live_server, page, figure
):
    page.emulate_media(media="print")
    page.goto(live_server.url + "/programpunkter/?kommun=1482&typ=panel")
    page.wait_for_load_state("load")

    link = ".session-item__title a"
    href = page.get_attribute(link, "href")
    assert after_content(page, link) == f'" ({live_server.url}{href})"'
    assert page.is_visible(".active-filter")
    assert not page.is_visible(".filter-form select")
    assert page.csp_violations == []


def test_printed_explorer_hides_the_export_links(live_server, page, figure):
    page.emulate_media(media="print")
    page.goto(live_server.url + "/nyckeltal/?unit=persons")
    assert not page.is_visible(".exports")
    assert page.is_visible(".active-filter")


def test_source_sentence_is_marked_only_as_the_links_target(live_server, page, figure):
    url = live_server.url + figure.session.get_absolute_url()
    sentence = f"#kalla-{figure.pk}"

    page.goto(url)
    style = "element => getComputedStyle(element).outlineStyle"
    assert page.eval_on_selector(sentence, style) == "none"
    assert (
        page.eval_on_selector(
            sentence, "element => getComputedStyle(element).borderBottomStyle"
        )
        == "none"
    )

    page.click(".figure-list__source")
    assert page.eval_on_selector(sentence, style) == "solid"
