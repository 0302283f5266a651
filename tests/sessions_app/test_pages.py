"""The session page and the session list, on SQLite and on PostgreSQL alike."""

import pytest
from bs4 import BeautifulSoup

from conference.models import Municipality
from tests.factories.conference import (
    KeyFigureFactory,
)
from tests.factories.sessions import ContentBlockFactory, SessionFactory
from tests.factories.site import build_conference

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_session_page_renders_structure(client, small_conference):
    page = soup(client.get(small_conference.sessions[0].get_absolute_url()))
    text = page.select_one(".session__text")
    assert text.find("h3").text.strip() == "Mellanrubrik 0"
    assert [li.text.strip() for li in text.find("ul").find_all("li")] == [
        "Första punkten",
        "Andra punkten",
    ]
    assert [li.text.strip() for li in text.find("ol").find_all("li")] == [
        "Steg ett",
        "Steg två",
    ]
    quote = text.find("figure", class_="quote")
    assert (
        quote.blockquote.text.strip() == "Vi måste samarbeta mer över kommungränserna."
    )
    assert quote.figcaption.a.text == small_conference.people[-1].name
    assert text.find("aside", class_="case-example")


def test_session_page_links_each_figure_to_its_sentence(client, small_conference):
    figure = small_conference.figures[0]
    page = soup(client.get(small_conference.sessions[0].get_absolute_url()))
    link = page.select_one(".figure-list__source")
    assert link["href"] == f"#kalla-{figure.pk}"
    target = page.find(id=f"kalla-{figure.pk}")
    assert target.text == "Under 2023 deltog 1000 personer i insatsen."


def test_session_page_links_both_figures_of_one_sentence_to_it(client):
    sentence = "Under 2023 fick 40 personer jobb och 12 personer började studera."
    session = SessionFactory()
    ContentBlockFactory(session=session, kind="paragraph", text=sentence)
    figures = [
        KeyFigureFactory(event=session.event, session=session, source_text=sentence)
        for _ in range(2)
    ]

    page = soup(client.get(session.get_absolute_url()))

    links = [a["href"] for a in page.select(".figure-list__source")]
    assert sorted(links) == sorted(f"#kalla-{figure.pk}" for figure in figures)
    for figure in figures:
        target = page.find(id=f"kalla-{figure.pk}")
        marked = target.find_parent(class_="source-sentence") or target
        assert marked.text == sentence


def test_session_page_figure_sentence_in_a_list_item_is_found(client):
    session = SessionFactory()
    ContentBlockFactory(
        session=session,
        kind="bullet_list",
        text="",
        items=["Hela 62 procent fick jobb."],
    )
    figure = KeyFigureFactory(
        event=session.event, session=session, source_text="Hela 62 procent fick jobb."
    )
    page = soup(client.get(session.get_absolute_url()))
    assert (
        page.select_one(f"ul li #kalla-{figure.pk}").text
        == "Hela 62 procent fick jobb."
    )


def test_session_page_has_previous_and_next(client):
    sessions = build_conference(3).sessions
    page = soup(client.get(sessions[1].get_absolute_url()))
    assert page.find("a", rel="prev")["href"] == sessions[0].get_absolute_url()
    assert page.find("a", rel="next")["href"] == sessions[2].get_absolute_url()


def test_session_list_filters_by_municipality_and_gr(client):
    kungsbacka = Municipality.objects.get(code="1384")
    stockholm = Municipality.objects.get(code="0180")
    inside = SessionFactory(title="I Kungsbacka")
    inside.municipalities.add(kungsbacka)
    outside = SessionFactory(title="I Stockholm")
    outside.municipalities.add(stockholm)
    for query, expected in [
        ("1384", ["I Kungsbacka"]),
        ("gr", ["I Kungsbacka"]),
        ("riket", []),
    ]:
        page = soup(client.get(f"/programpunkter/?kommun={query}"))
        assert [a.text for a in page.select(".session-item__title a")] == expected, (
            query
        )


def test_session_list_nul_byte_in_filter_is_a_message(client):
    response = client.get("/programpunkter/?kommun=%00")
    assert response.status_code == 200
    assert soup(response).select_one(".form-error")


def test_session_page_is_light(client, conference):
    from pathlib import Path

    from django.contrib.staticfiles import finders

    response = client.get(conference.sessions[0].get_absolute_url())
    page = soup(response)
    hrefs = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    css_bytes = sum(
        Path(finders.find(href.removeprefix("/static/"))).stat().st_size
        if href.startswith("/static/")
        else len(client.get(href).content)  # the print stylesheet naming the origin
        for href in hrefs
    )
    assert page.find_all("script", src=True) == []
    assert len(response.content) + css_bytes < 100 * 1024


def test_session_list_pages_keep_the_filter(client, monkeypatch):
    monkeypatch.setattr("conference.http.LIST_PAGE_SIZE", 2)
    kungsbacka = Municipality.objects.get(code="1384")
    for n in range(5):
        SessionFactory(title=f"Punkt {n}").municipalities.add(kungsbacka)
    SessionFactory(title="Utan kommun")

    pages = [
        soup(client.get(f"/programpunkter/?kommun=1384&page={number}"))
        for number in (1, 2, 3)
    ]

    titles = [[a.text for a in p.select(".session-item__title a")] for p in pages]
    assert [len(on_page) for on_page in titles] == [2, 2, 1]
    assert sorted(sum(titles, [])) == [f"Punkt {n}" for n in range(5)]
    assert "5 programpunkter" in pages[0].select_one(".result-count").text
    assert pages[0].select_one('a[rel="next"]')["href"] == "?kommun=1384&page=2"
    assert pages[2].select_one('a[rel="next"]') is None


@pytest.mark.parametrize("page", ["0", "x", "99", "%00"])
def test_session_list_page_out_of_range_is_a_page_not_an_error(client, page):
    SessionFactory(title="Ensam punkt")
    response = client.get(f"/programpunkter/?page={page}")
    assert response.status_code == 200
    assert "Ensam punkt" in response.content.decode()


def test_session_list_filters_by_kind(client):
    SessionFactory(title="Ett panelsamtal", kind="panel")
    SessionFactory(title="En föreläsning", kind="talk")
    page = soup(client.get("/programpunkter/?typ=panel"))
    assert [a.text for a in page.select(".session-item__title a")] == [
        "Ett panelsamtal"
    ]
    assert page.select_one("#id_typ option[selected]")["value"] == "panel"


def test_session_list_unknown_kind_is_a_message(client):
    SessionFactory(title="En föreläsning", kind="talk")
    page = soup(client.get("/programpunkter/?typ=finns-inte"))
    assert page.select_one("#typ-fel")
    assert not page.select(".session-item__title a")


def test_session_page_shows_speakers_short_bio_when_staff_added_one(client):
    from tests.factories.sessions import SessionSpeakerFactory

    session = SessionFactory()
    SessionSpeakerFactory(
        session=session,
        order=1,
        person__name="Med Presentation",
        person__bio="Leder arbetet med unga vuxna i Kungälv.",
    )
    SessionSpeakerFactory(session=session, order=2, person__name="Utan Presentation")

    page = soup(client.get(session.get_absolute_url()))

    rows = page.select(".people-list li")
    assert [row.find("a").text for row in rows] == [
        "Med Presentation",
        "Utan Presentation",
    ]
    assert rows[0].select_one(".people-list__bio").text == (
        "Leder arbetet med unga vuxna i Kungälv."
    )
    assert rows[1].select_one(".people-list__bio") is None


def municipality_options(response):
    page = soup(response)
    return [
        (option["value"], option.text, option.has_attr("selected"))
        for option in page.select("select[name=kommun] option")
        if option["value"]
    ]


def test_session_list_filter_offers_municipalities_with_sessions_and_counts(client):
    kungalv = Municipality.objects.get(code="1482")
    ale = Municipality.objects.get(code="1440")
    for _ in range(2):
        SessionFactory().municipalities.add(kungalv)
    SessionFactory(is_published=False).municipalities.add(ale)  # a draft counts not

    options = municipality_options(client.get("/programpunkter/"))

    assert options == [
        ("gr", "GR:s medlemskommuner", False),
        ("1482", "Kungälv (2)", False),
    ]


def test_session_list_filter_keeps_a_chosen_municipality_without_sessions(client):
    SessionFactory().municipalities.add(Municipality.objects.get(code="1482"))

    options = municipality_options(client.get("/programpunkter/?kommun=1440"))

    assert ("1440", "Ale (0)", True) in options
