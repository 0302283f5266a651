"""Only published content is public; staff who may preview see drafts with a notice."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission, User

from tests.factories.conference import (
    EventFactory,
    EventPersonFactory,
    KeyFigureFactory,
)
from tests.factories.sessions import SessionFactory, SessionSpeakerFactory
from tests.factories.speakers import PersonFactory

pytestmark = pytest.mark.django_db
NOTICE = "Förhandsvisning – inte publicerad"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def editor():
    user = User.objects.create_user("redaktor", password="x", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(
            codename="view_event", content_type__app_label="conference"
        ),
        Permission.objects.get(
            codename="view_session", content_type__app_label="sessions_app"
        ),
    )
    return user


def test_draft_event_is_404_for_visitors(client):
    event = EventFactory(is_published=False)
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.get(event.get_absolute_url() + "kalender.ics").status_code == 404
    assert event.title not in client.get("/").text


def test_draft_session_is_404_for_visitors(client):
    session = SessionFactory(is_published=False)
    assert client.get(session.get_absolute_url()).status_code == 404
    assert session.title not in client.get(session.event.get_absolute_url()).text


def test_published_session_of_draft_event_is_404(client):
    session = SessionFactory(event=EventFactory(is_published=False), is_published=True)
    assert client.get(session.get_absolute_url()).status_code == 404
    assert session.title not in client.get("/programpunkter/").text


def test_person_only_in_drafts_is_404_and_unlisted(client):
    role = SessionSpeakerFactory(session=SessionFactory(is_published=False))
    assert client.get(role.person.get_absolute_url()).status_code == 404
    assert role.person.name not in client.get("/personer/").text


def test_draft_content_stays_off_search_and_municipality_pages(client):
    session = SessionFactory(title="Hemligt utkast", is_published=False)
    assert client.get("/sok/?q=hemligt").context["results"].total == 0
    assert client.get("/kommuner/goteborg/").status_code == 200
    assert session.title not in client.get("/sitemap.xml").text


def test_editor_previews_draft_event_and_session_with_notice(client, editor):
    event = EventFactory(is_published=False)
    session = SessionFactory(event=event, is_published=False)
    EventPersonFactory(event=event)
    client.force_login(editor)
    for url in (event.get_absolute_url(), session.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 200, url
        assert NOTICE in response.text, url


def test_event_page_shows_figures_and_speakers_of_shown_sessions_only(client, editor):
    event = EventFactory()
    shown = SessionFactory(event=event, order=1)
    draft = SessionFactory(event=event, order=2, is_published=False)
    SessionSpeakerFactory(session=shown, person__name="Synlig Talare")
    SessionSpeakerFactory(session=draft, person__name="Dold Talare")
    KeyFigureFactory(
        event=event,
        session=None,
        scope="region",
        municipality=None,
        label="Hela dagens siffra",
    )
    KeyFigureFactory(event=event, session=shown, label="Synlig siffra")
    KeyFigureFactory(event=event, session=draft, label="Utkastets siffra")
    KeyFigureFactory(label="Annat evenemangs siffra")

    def labels(response):
        return [a.text for a in soup(response).select(".figure-card__label a")]

    visitor = client.get(event.get_absolute_url())
    assert labels(visitor) == ["Hela dagens siffra", "Synlig siffra"]
    assert "Synlig Talare" in visitor.text
    assert "Dold Talare" not in visitor.text

    client.force_login(editor)
    preview = client.get(event.get_absolute_url())
    assert labels(preview) == [
        "Hela dagens siffra",
        "Synlig siffra",
        "Utkastets siffra",
    ]
    assert "Dold Talare" in preview.text


def test_staff_without_view_permission_gets_404(client):
    user = User.objects.create_user("annan", password="x", is_staff=True)
    client.force_login(user)
    event = EventFactory(is_published=False)
    assert client.get(event.get_absolute_url()).status_code == 404


def test_published_pages_show_no_preview_notice(client, editor):
    session = SessionFactory()
    client.force_login(editor)
    assert NOTICE not in client.get(session.get_absolute_url()).text


def test_person_quoted_in_a_published_session_has_a_page(client):
    from tests.factories.sessions import ContentBlockFactory

    block = ContentBlockFactory(kind="quote", person=PersonFactory())
    assert client.get(block.person.get_absolute_url()).status_code == 200


def test_person_quoted_only_in_a_draft_is_404(client):
    from tests.factories.sessions import ContentBlockFactory

    block = ContentBlockFactory(
        kind="quote", person=PersonFactory(), session=SessionFactory(is_published=False)
    )
    assert client.get(block.person.get_absolute_url()).status_code == 404
