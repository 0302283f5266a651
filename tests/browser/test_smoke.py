import pytest

from tests.factories.conference import EventFactory


@pytest.mark.django_db(transaction=True)
def test_home_page_shows_a_published_event_in_chromium(live_server, page):
    EventFactory(title="Mötesplats Provdag", is_published=True)
    page.goto(live_server.url + "/")
    assert page.locator("h1").count() == 1
    assert page.get_by_role("link", name="Mötesplats Provdag").count() == 1
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.console_errors == []
