"""What every public page shares: one h1, lang="sv", landmarks, headings in order."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_every_page_has_one_h1_lang_sv_and_landmarks(client, small_conference):
    c = small_conference
    urls = [
        "/",
        c.event.get_absolute_url(),
        c.sessions[0].get_absolute_url(),
        c.people[0].get_absolute_url(),
        "/personer/",
        "/kommuner/",
        c.municipality.get_absolute_url(),
        "/programpunkter/",
        "/sok/?q=kompetens",
        "/tillganglighet/",
    ]
    for url in urls:
        response = client.get(url)
        page = soup(response)
        assert response.status_code == 200, url
        assert page.html["lang"] == "sv", url
        assert len(page.find_all("h1")) == 1, url
        assert page.find("main")["id"] == "main", url
        assert page.select_one("a.skip-link")["href"] == "#main", url
        assert page.find("footer").find("a", string="Tillgänglighetsredogörelse")
        assert (
            page.find("link", rel="canonical")["href"]
            == "http://testserver" + url.split("?")[0]
        )


def test_every_page_has_headings_in_order(client, small_conference):
    c = small_conference
    for url in [c.event.get_absolute_url(), c.sessions[0].get_absolute_url()]:
        levels = [
            int(h.name[1])
            for h in soup(client.get(url)).find_all(["h1", "h2", "h3", "h4"])
        ]
        jumps = [b - a for a, b in zip(levels, levels[1:], strict=False)]
        assert levels[0] == 1 and max(jumps) <= 1, (url, levels)
