"""Keyboard only: Tab from the top reaches the skip link, then the main navigation."""

import pytest

from tests.factories.conference import EventFactory

NAV = ["Evenemang", "Programpunkter", "Personer", "Kommuner", "Nyckeltal", "Sök"]


def focused(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            return {
                text: el.textContent.trim(),
                outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
                visible: box.width > 0 && box.height > 0 && box.top >= 0
                    && box.bottom <= window.innerHeight,
                inNav: !!el.closest('nav[aria-label="Huvudmeny"]'),
            };
        }"""
    )


@pytest.mark.django_db(transaction=True)
def test_tab_walks_skip_link_then_main_navigation(live_server, page):
    EventFactory(title="Mötesplats Tangentbord")
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["text"] == "Hoppa till innehållet"
    assert skip["visible"] and skip["outline"]
    page.keyboard.press("Tab")
    assert focused(page)["text"].startswith("Göteborgsregionen")
    walked = []
    for _ in NAV:
        page.keyboard.press("Tab")
        state = focused(page)
        assert state["inNav"] and state["visible"] and state["outline"], state
        walked.append(state["text"])
    assert walked == NAV


@pytest.mark.django_db(transaction=True)
def test_skip_link_moves_focus_to_main(live_server, page):
    EventFactory()
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')")


@pytest.mark.django_db(transaction=True)
def test_enter_on_a_nav_link_opens_the_page(live_server, page):
    page.goto(live_server.url + "/")
    for _ in range(2 + NAV.index("Kommuner") + 1):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + "/kommuner/")
    assert page.locator("h1").inner_text() == "Kommuner"
