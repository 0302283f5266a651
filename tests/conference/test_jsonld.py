"""The event page's schema.org Event: where the day was held and how one took part."""

import json

import pytest
from bs4 import BeautifulSoup

from conference.models import Event
from tests.factories.conference import EventFactory

pytestmark = pytest.mark.django_db


def event_jsonld(client, event) -> dict:
    page = BeautifulSoup(client.get(event.get_absolute_url()).content, "html.parser")
    return json.loads(page.find("script", type="application/ld+json").string)


def test_on_site_event_has_place_with_postal_address(client):
    event = EventFactory(
        venue="Konferenscentret",
        venue_address="Storgatan 1",
        venue_locality="Göteborg",
    )
    data = event_jsonld(client, event)
    assert data["eventAttendanceMode"] == (
        "https://schema.org/OfflineEventAttendanceMode"
    )
    assert data["location"] == {
        "@type": "Place",
        "name": "Konferenscentret",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Storgatan 1",
            "addressLocality": "Göteborg",
            "addressCountry": "SE",
        },
    }


def test_place_named_by_locality_when_no_venue(client):
    event = EventFactory(venue="", venue_locality="Kungsbacka")
    location = event_jsonld(client, event)["location"]
    assert location["name"] == "Kungsbacka"
    assert location["address"]["addressLocality"] == "Kungsbacka"


def test_mixed_event_has_place_and_virtual_location(client):
    event = EventFactory(
        venue="Konferenscentret",
        attendance_mode=Event.AttendanceMode.MIXED,
        online_url="https://example.org/sandning",
    )
    data = event_jsonld(client, event)
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["location"] == [
        {"@type": "Place", "name": "Konferenscentret"},
        {"@type": "VirtualLocation", "url": "https://example.org/sandning"},
    ]


def test_online_event_has_only_virtual_location(client):
    event = EventFactory(
        venue="Konferenscentret",
        attendance_mode=Event.AttendanceMode.ONLINE,
        online_url="https://example.org/sandning",
    )
    data = event_jsonld(client, event)
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {
        "@type": "VirtualLocation",
        "url": "https://example.org/sandning",
    }


def test_unknown_place_is_not_invented(client):
    event = EventFactory(venue="", venue_address="", venue_locality="")
    assert "location" not in event_jsonld(client, event)


def test_event_page_shows_place_and_attendance_mode(client):
    event = EventFactory(
        venue="Konferenscentret",
        venue_locality="Göteborg",
        attendance_mode=Event.AttendanceMode.MIXED,
    )
    page = BeautifulSoup(client.get(event.get_absolute_url()).content, "html.parser")
    meta = " ".join(page.select_one(".event__meta").text.split())
    assert "Konferenscentret, Göteborg · På plats och digitalt" in meta


def test_calendar_location_has_the_address(client):
    event = EventFactory(
        venue="Konferenscentret", venue_address="Storgatan 1", venue_locality="Göteborg"
    )
    text = client.get(event.get_absolute_url() + "kalender.ics").content.decode()
    assert "LOCATION:Konferenscentret\\, Storgatan 1\\, Göteborg" in text
