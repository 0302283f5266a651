"""The person page and the people list, on SQLite and on PostgreSQL alike."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile

from conference.models import Municipality
from tests.factories.conference import (
    EventFactory,
)
from tests.factories.sessions import SessionFactory
from tests.factories.speakers import PersonFactory

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_person_page_lists_sessions_across_events(client):
    person = PersonFactory(name="Anna Andersson", slug="anna-andersson")
    first = SessionFactory(title="Dag ett", event=EventFactory(date="2023-01-01"))
    second = SessionFactory(title="Dag två", event=EventFactory(date="2024-01-01"))
    for session in (first, second):
        session.session_speakers.create(person=person)
    page = soup(client.get("/personer/anna-andersson/"))
    assert [a.text for a in page.select(".session-item__title a")] == [
        "Dag två",
        "Dag ett",
    ]


def test_people_list_filters_by_municipality(client):
    kungsbacka = Municipality.objects.get(code="1384")
    session = SessionFactory()
    session.session_speakers.create(
        person=PersonFactory(name="Från Kungsbacka", municipality=kungsbacka)
    )
    session.session_speakers.create(person=PersonFactory(name="Från ingenstans"))
    page = soup(client.get("/personer/?kommun=kungsbacka"))
    assert [a.text for a in page.select(".people-list > li > a:first-child")] == [
        "Från Kungsbacka"
    ]


def test_people_list_invalid_municipality_shows_message(client):
    response = client.get("/personer/?kommun=Atlantis")
    assert response.status_code == 200
    assert (
        soup(response)
        .select_one(".form-error")
        .text.strip()
        .startswith("Okänd kommun: Atlantis")
    )


def test_people_list_is_paginated(client, monkeypatch):
    monkeypatch.setattr("conference.http.LIST_PAGE_SIZE", 2)
    session = SessionFactory()
    for name in ["Anna Ek", "Bo Lund", "Cia Berg"]:
        session.session_speakers.create(person=PersonFactory(name=name))

    first = soup(client.get("/personer/"))
    second = soup(client.get("/personer/?page=2"))

    assert "3 personer" in first.select_one(".result-count").text
    assert len(first.select(".people-list li")) == 2
    assert [li.text.split(",")[0] for li in second.select(".people-list li")] == [
        "Cia Berg"
    ]
    assert second.select_one('a[rel="prev"]')["href"] == "?page=1"


def person_with_photo():
    person = PersonFactory(name="Ada Foto", photo_alt="Ada Foto i blå kavaj")
    person.photo.save("ada.png", ContentFile(b"\x89PNG bild"), save=True)
    return person


def test_uploaded_photos_are_served_under_make_run(client, settings):
    person = person_with_photo()
    settings.DEBUG = True
    response = client.get(person.photo.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"\x89PNG bild"


def test_uploaded_photos_are_left_to_the_web_server_in_production(client):
    person = person_with_photo()
    assert client.get(person.photo.url).status_code == 404


def test_talk_page_shows_its_speakers_photos_with_their_alt_text(client):
    person = person_with_photo()
    session = SessionFactory()
    session.session_speakers.create(person=person)
    page = soup(client.get(session.get_absolute_url()))
    photo = page.select_one("#medverkande ~ ul img")
    assert photo["src"] == person.photo.url
    assert photo["alt"] == "Ada Foto i blå kavaj"


def test_person_list_filter_offers_municipalities_with_people_and_counts(client):
    from conference.models import Municipality
    from tests.factories.sessions import SessionSpeakerFactory

    molndal = Municipality.objects.get(code="1481")
    SessionSpeakerFactory(person__municipality=molndal)
    SessionSpeakerFactory(person__municipality=molndal)
    SessionSpeakerFactory(
        person__municipality=Municipality.objects.get(code="1440"),
        session__is_published=False,
    )

    page = soup(client.get("/personer/"))
    options = [
        (option["value"], option.text)
        for option in page.select("select[name=kommun] option")
        if option["value"]
    ]

    assert options == [("gr", "GR:s medlemskommuner"), ("1481", "Mölndal (2)")]
