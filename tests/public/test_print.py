"""What a printed page keeps: links in full (the origin's stylesheet) and the filter."""

import pytest
from bs4 import BeautifulSoup

from conference.models import Municipality
from sessions_app.models import Session
from tests.factories.conference import KeyFigureFactory
from tests.factories.sessions import SessionFactory

pytestmark = pytest.mark.django_db


def active_filter(response) -> str | None:
    found = BeautifulSoup(response.content, "html.parser").select_one(".active-filter")
    return " ".join(found.text.split()) if found else None


def test_print_stylesheet_names_the_sites_origin(client, settings):
    settings.ALLOWED_HOSTS = ["konferens.example.se"]
    response = client.get("/utskrift.css", HTTP_HOST="konferens.example.se")
    assert response["Content-Type"] == "text/css"
    assert response.content.decode() == (
        ':root { --site-origin: "http://konferens.example.se"; }\n'
    )


def test_every_page_links_the_print_stylesheet(client):
    page = BeautifulSoup(client.get("/").content, "html.parser")
    printed = [
        link["href"] for link in page.find_all("link", rel="stylesheet", media="print")
    ]
    assert printed[0] == "/utskrift.css"


def test_session_list_prints_the_active_filter(client):
    SessionFactory(kind=Session.Kind.PANEL).municipalities.add(
        Municipality.objects.get(code="1482")
    )
    response = client.get("/programpunkter/?kommun=1482&typ=panel")
    assert active_filter(response) == (
        "Urval: Kommun: Kungälv (1); Typ av programpunkt: Panelsamtal"
    )


def test_unfiltered_list_prints_no_filter(client):
    SessionFactory()
    assert active_filter(client.get("/programpunkter/")) is None


def test_explorer_prints_the_active_filter(client):
    KeyFigureFactory()
    response = client.get("/nyckeltal/?unit=persons&unit=percent&year_from=2020")
    assert active_filter(response) == ("Urval: Från år: 2020; Enhet: personer, procent")
