"""Phone numbers and e-mail addresses appear only where the documentation published them.

The contact person of an event is shown with phone and e-mail on the event page. Nowhere
else: not on people's pages, sessions, search, the sitemap, the API or any export.
"""

import pytest

from conference.models import EventPerson
from tests.factories.conference import (
    EventFactory,
    EventPersonFactory,
    KeyFigureFactory,
)
from tests.factories.sessions import QuoteFactory, SessionFactory, SessionSpeakerFactory
from tests.factories.speakers import PersonFactory

pytestmark = pytest.mark.django_db

PHONE = "031-335 50 00"
EMAIL = "anna.kontakt@example.se"
SPEAKER_PHONE = "0300-83 40 00"
SPEAKER_EMAIL = "talare@example.se"


@pytest.fixture
def conference():
    event = EventFactory()
    contact = PersonFactory(name="Anna Kontakt", phone=PHONE, email=EMAIL)
    EventPersonFactory(event=event, person=contact, role=EventPerson.Role.CONTACT)
    speaker = PersonFactory(
        name="Sara Talare", phone=SPEAKER_PHONE, email=SPEAKER_EMAIL
    )
    session = SessionFactory(event=event)
    SessionSpeakerFactory(session=session, person=speaker)
    QuoteFactory(event=event, session=session, person=speaker)
    KeyFigureFactory(event=event, session=session)
    return {"event": event, "session": session, "contact": contact, "speaker": speaker}


def personal_data_in(body: bytes) -> list[str]:
    text = body.decode("utf-8", "replace")
    return [
        value for value in (PHONE, EMAIL, SPEAKER_PHONE, SPEAKER_EMAIL) if value in text
    ]


def test_event_page_shows_the_contact_published_with_the_documentation(
    client, conference
):
    response = client.get(conference["event"].get_absolute_url())
    assert personal_data_in(response.content) == [PHONE, EMAIL]


def test_no_phone_or_email_anywhere_else(client, conference):
    event, session = conference["event"], conference["session"]
    urls = [
        "/",
        session.get_absolute_url(),
        conference["contact"].get_absolute_url(),
        conference["speaker"].get_absolute_url(),
        "/personer/",
        "/sok/?q=Anna",
        "/sok/?q=Sara",
        "/sitemap.xml",
        "/nyckeltal/",
        "/api/v1/people/",
        f"/api/v1/people/{conference['contact'].slug}/",
        f"/api/v1/people/{conference['speaker'].slug}/",
        "/api/v1/sessions/",
        f"/api/v1/sessions/{session.pk}/",
        "/api/v1/events/",
        f"/api/v1/events/{event.slug}/",
        "/api/v1/key-figures/",
        "/api/v1/schema/",
        "/nyckeltal/export/csv/",
        "/nyckeltal/export/excel-csv/",
        "/nyckeltal/export/json/",
    ]
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = (
            b"".join(response.streaming_content)
            if response.streaming
            else response.content
        )
        if leaked := personal_data_in(body):
            found[url] = leaked
    assert found == {}


def test_api_schema_has_no_phone_or_email_field(client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").text
    assert "phone" not in schema
    assert '"email"' not in schema
