"""The home, event, municipality and error pages, on SQLite and on PostgreSQL alike."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup

from conference.models import Municipality, ReviewStatus
from tests.factories.conference import (
    EventFactory,
    KeyFigureFactory,
    MunicipalityFactory,
)
from tests.factories.sessions import SessionFactory, SessionSpeakerFactory

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_home_lists_events_newest_first(client):
    EventFactory(title="Äldre dag", date="2023-03-01")
    EventFactory(title="Nyare dag", date="2024-05-14")
    page = soup(client.get("/"))
    titles = [a.text for a in page.select(".card__title a")]
    assert titles == ["Nyare dag", "Äldre dag"]


def test_event_page_shows_programme_people_figures_and_contacts(
    client, small_conference
):
    c = small_conference
    page = soup(client.get(c.event.get_absolute_url()))
    programme = page.select(".programme__item")
    assert [item.h3.a.text for item in programme] == [c.sessions[0].title]
    speaker = c.sessions[0].session_speakers.get().person
    assert speaker.name in programme[0].text
    assert "Göteborgsregionen" in programme[0].text  # the organisation
    assert page.select_one(".figure-card__value").text == "1\xa0000\xa0personer"
    assert page.find("a", href="mailto:kontakt0@example.se")


def test_event_page_highlights_the_first_figure_of_each_session_at_most_six(client):
    event = EventFactory()
    sessions = [SessionFactory(event=event, order=n) for n in range(8)]
    # Figures in an order that is not the sessions' order: the figures' order decides.
    for n, session in enumerate(reversed(sessions)):
        KeyFigureFactory(
            event=event, session=session, order=10 * (n + 1), label=f"Första {n}"
        )
        KeyFigureFactory(
            event=event, session=session, order=100 + n, label=f"Andra {n}"
        )
    for order, label in [(25, "Dagens egen"), (26, "Dagens andra")]:
        KeyFigureFactory(
            event=event,
            session=None,
            scope="region",
            municipality=None,
            order=order,
            label=label,
        )

    page = soup(client.get(event.get_absolute_url()))

    labels = [a.text for a in page.select(".figure-card__label a")]
    assert labels == [
        "Första 0",
        "Första 1",
        "Dagens egen",
        "Första 2",
        "Första 3",
        "Första 4",
    ]


def test_event_page_highlights_no_figure_of_another_events_session(client):
    event, other = EventFactory(), EventFactory()
    SessionFactory(event=event)
    elsewhere = SessionFactory(event=other)
    # The admin allows a figure of one event in another event's session.
    KeyFigureFactory(event=event, session=elsewhere, order=1, label="Fel programpunkt")
    KeyFigureFactory(
        event=event,
        session=None,
        scope="region",
        municipality=None,
        order=2,
        label="Dagens egen",
    )

    page = soup(client.get(event.get_absolute_url()))

    assert [a.text for a in page.select(".figure-card__label a")] == ["Dagens egen"]


def test_event_page_without_sessions_highlights_the_events_own_figure(client):
    event = EventFactory()
    SessionFactory(event=event, is_published=False)
    KeyFigureFactory(
        event=event, session=None, scope="region", municipality=None, label="Dagens"
    )

    page = soup(client.get(event.get_absolute_url()))

    assert page.select(".programme__item") == []
    assert [a.text for a in page.select(".figure-card__label a")] == ["Dagens"]


def test_event_page_has_event_json_ld(client, small_conference):
    import json

    page = soup(client.get(small_conference.event.get_absolute_url()))
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2024-05-14"
    assert data["subEvent"][0]["url"].startswith("http://testserver/evenemang/")
    assert page.find("meta", property="og:title")["content"] == "Mötesplats Arbete"


def test_municipality_list_puts_gr_members_first(client):
    page = soup(client.get("/kommuner/"))
    members = [a.text for a in page.select(".tag-list--large a")]
    assert len(members) == 13
    assert "Göteborg" in members and "Kungsbacka" in members


def test_municipality_page_shows_sessions_people_figures_quotes(
    client, small_conference
):
    c = small_conference
    page = soup(client.get(c.municipality.get_absolute_url()))
    assert page.select_one(".session-item__title a").text == c.sessions[0].title
    assert page.select_one(".figure-table td.number").text == "1\xa0000\xa0personer"
    assert page.select_one(".figure-table tbody a[href*='#kalla-']")
    assert len(page.select(".quote")) >= 1
    assert c.people[0].name in page.text


def test_municipality_page_shows_the_newest_figures_and_links_to_all(client):
    from conference.selectors import MUNICIPALITY_FIGURE_COUNT

    municipality = MunicipalityFactory()
    event = EventFactory()
    KeyFigureFactory.create_batch(
        MUNICIPALITY_FIGURE_COUNT + 2, event=event, municipality=municipality
    )
    page = soup(client.get(municipality.get_absolute_url()))

    assert len(page.select(".figure-table tbody tr")) == MUNICIPALITY_FIGURE_COUNT
    link = page.find("a", string=re.compile("Alla nyckeltal för"))
    explorer = soup(client.get(link["href"]))
    assert explorer.find(id="result-heading").text == (
        f"{MUNICIPALITY_FIGURE_COUNT + 2} nyckeltal"
    )


def test_municipality_page_without_more_figures_has_no_link(client, small_conference):
    page = soup(client.get(small_conference.municipality.get_absolute_url()))
    assert page.select(".figure-table tbody tr")
    assert not page.find("a", string=re.compile("Alla nyckeltal för"))


def test_unknown_page_is_a_swedish_404(client):
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    assert soup(response).h1.text == "Sidan finns inte"


def test_500_template_renders_without_a_request():
    from django.template import loader

    html = loader.get_template("500.html").render()
    assert "<h1>Något gick fel</h1>" in html


def test_accessibility_statement_has_contact_digg_and_date(client):
    page = soup(client.get("/tillganglighet/"))
    assert page.h1.text == "Tillgänglighetsredogörelse"
    assert page.find("a", href="https://www.digg.se/tdosanmalan")
    assert page.select_one("main a[href='mailto:webb@goteborgsregionen.se']")
    assert page.find("time")["datetime"] == "2026-11-27"


def test_event_json_ld_cannot_close_its_script_element(client):
    import json

    event = EventFactory(
        is_published=True, title="Dag </script><script>alert(1)</script> & mer"
    )
    response = client.get(event.get_absolute_url())
    html = response.content.decode()
    block = html.split('<script type="application/ld+json">', 1)[1]
    text = block.split("</script>", 1)[0]
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"] == event.title


def test_event_page_lists_moderators_in_order_and_contacts_apart(client):
    from conference.models import EventPerson
    from tests.factories.conference import EventPersonFactory

    event = EventFactory()
    EventPersonFactory(event=event, order=2, person__name="Andra Moderatorn")
    EventPersonFactory(event=event, order=1, person__name="Första Moderatorn")
    EventPersonFactory(
        event=event, role=EventPerson.Role.CONTACT, person__name="Kontakten"
    )
    bare = EventFactory()

    page = soup(client.get(event.get_absolute_url()))
    lists = page.select(".people-list")
    assert [a.text for a in lists[0].select("li > a:first-child")] == [
        "Första Moderatorn",
        "Andra Moderatorn",
    ]
    assert [a.text for a in lists[1].select("li > a:first-child")] == ["Kontakten"]
    bare_page = soup(client.get(bare.get_absolute_url()))
    assert bare_page.select(".people-list") == []
    assert bare_page.h1.text == bare.title


def test_home_lists_published_events_only(client):
    EventFactory(title="Synlig dag", is_published=True)
    EventFactory(title="Utkast", is_published=False)
    response = client.get("/")
    assert response.status_code == 200
    assert "Synlig dag" in response.text
    assert "Utkast" not in response.text


def test_event_page_highlights_no_figure_that_awaits_review(client):
    event = EventFactory()
    session = SessionFactory(event=event)
    KeyFigureFactory(
        event=event,
        session=session,
        order=1,
        label="Flaggad",
        review_status=ReviewStatus.NEEDS_REVIEW,
        flags=["area_guessed: Inget område i texten"],
    )
    KeyFigureFactory(event=event, session=session, order=2, label="Granskad")

    page = soup(client.get(event.get_absolute_url()))

    assert [a.text for a in page.select(".figure-card__label a")] == ["Granskad"]


def test_event_page_shows_participants_voices_apart_from_the_programme(client):
    import json

    from sessions_app.models import ContentBlock, Session
    from tests.factories.sessions import ContentBlockFactory, SessionFactory
    from tests.factories.speakers import PersonFactory

    event = EventFactory()
    talk = SessionFactory(event=event, title="Föreläsningen", order=1)
    voices = SessionFactory(
        event=event,
        title="Röster från deltagarna",
        kind=Session.Kind.VOICES,
        order=2,
    )
    ContentBlockFactory(
        session=voices,
        kind=ContentBlock.Kind.QUOTE,
        text="En mycket bra dag.",
        person=PersonFactory(name="Deltagare Ett", organization="Kungälvs kommun"),
    )

    page = soup(client.get(event.get_absolute_url()))

    programme = [h.text.strip() for h in page.select(".programme__title")]
    assert programme == [talk.title]
    section = page.find(id="roster").parent
    links = [(a.text, a["href"]) for a in section.select("a")]
    assert links == [("Läs vad deltagarna sa om dagen", voices.get_absolute_url())]
    # The event page is an overview: the voices' text is read on their own page.
    assert "En mycket bra dag." not in page.text
    voices_page = soup(client.get(voices.get_absolute_url()))
    assert voices_page.select_one("blockquote").text.strip() == "En mycket bra dag."
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert [sub["name"] for sub in data["subEvent"]] == [talk.title]


def test_event_page_names_each_voices_session_when_there_are_several(client):
    from sessions_app.models import Session
    from tests.factories.sessions import SessionFactory

    event = EventFactory()
    morning, afternoon = (
        SessionFactory(
            event=event, title=title, kind=Session.Kind.VOICES, order=n, summary=summary
        )
        for n, (title, summary) in enumerate(
            [
                ("Röster på förmiddagen", "Tolv deltagare om dagen."),
                ("Röster efter lunch", ""),
            ]
        )
    )

    section = soup(client.get(event.get_absolute_url())).find(id="roster").parent

    links = [(a.text, a["href"]) for a in section.select("a")]
    assert links == [
        (morning.title, morning.get_absolute_url()),
        (afternoon.title, afternoon.get_absolute_url()),
    ]
    assert "Tolv deltagare om dagen." in section.text


def test_session_list_does_not_repeat_a_kind_that_is_the_title(client):
    from sessions_app.models import Session
    from tests.factories.sessions import SessionFactory

    SessionFactory(title="Röster från deltagarna", kind=Session.Kind.VOICES)
    page = soup(client.get("/programpunkter/"))
    meta = page.select_one(".session-item__meta").text
    assert "Röster från deltagarna" not in meta


def test_home_page_paginates_events(client, monkeypatch):
    monkeypatch.setattr("conference.http.LIST_PAGE_SIZE", 2)
    for day in range(1, 4):
        EventFactory(title=f"Dag {day}", date=datetime.date(2024, 5, day))

    first = soup(client.get("/"))
    second = soup(client.get("/?page=2"))

    assert [a.text for a in first.select(".card__title a")] == ["Dag 3", "Dag 2"]
    assert [a.text for a in second.select(".card__title a")] == ["Dag 1"]
    assert first.select_one(".pagination a[rel=next]")["href"] == "?page=2"


def test_municipality_list_paginates_members_first(client, monkeypatch):
    monkeypatch.setattr("conference.http.LIST_PAGE_SIZE", 10)
    session = SessionFactory()
    session.municipalities.add(Municipality.objects.get(code="0180"))  # Stockholm

    pages = [soup(client.get(f"/kommuner/?page={n}")) for n in (1, 2)]

    assert len(pages[0].select(".tag-list--large a")) == 10
    members = Municipality.objects.filter(gr_member=True).order_by("name", "pk")
    assert [a.text for a in pages[1].select(".tag-list--large a")] == [
        m.name for m in members[10:]
    ]
    assert [a.text for a in pages[1].select(".tag-list:not(.tag-list--large) a")] == [
        "Stockholm"
    ]


def test_municipality_page_shows_first_sessions_and_people_and_links_to_lists(
    client, monkeypatch
):
    monkeypatch.setattr("conference.selectors.MUNICIPALITY_ROW_COUNT", 2)
    kungalv = Municipality.objects.get(code="1482")
    for _ in range(3):
        SessionSpeakerFactory(person__municipality=kungalv).session.municipalities.add(
            kungalv
        )

    page = soup(client.get(kungalv.get_absolute_url()))

    assert len(page.select(".session-list .session-item")) == 2
    assert len(page.select(".people-list li")) == 2
    links = [a["href"] for a in page.select("main p > a")]
    assert "/programpunkter/?kommun=1482" in links
    assert "/personer/?kommun=1482" in links


def test_municipality_page_without_more_rows_has_no_list_links(client):
    kungalv = Municipality.objects.get(code="1482")
    SessionSpeakerFactory(person__municipality=kungalv).session.municipalities.add(
        kungalv
    )

    page = soup(client.get(kungalv.get_absolute_url()))

    links = [a["href"] for a in page.select("main p > a")]
    assert "/programpunkter/?kommun=1482" not in links
    assert "/personer/?kommun=1482" not in links
