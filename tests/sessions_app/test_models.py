import pytest
from django.db import IntegrityError, transaction

from tests.factories.conference import EventFactory
from tests.factories.sessions import (
    ContentBlockFactory,
    QuoteFactory,
    SessionFactory,
    SessionSpeakerFactory,
)

pytestmark = pytest.mark.django_db


def test_session_factory_creates_a_row_with_a_page():
    session = SessionFactory(event=EventFactory(slug="dagen"), slug="inledning")
    assert session.get_absolute_url() == "/evenemang/dagen/inledning/"


def test_session_slug_is_unique_per_event():
    first = SessionFactory(slug="samma")
    with pytest.raises(IntegrityError), transaction.atomic():
        SessionFactory(event=first.event, slug="samma")


def test_session_slug_may_repeat_across_events():
    SessionFactory(slug="samma")
    assert SessionFactory(slug="samma").slug == "samma"


def test_session_without_title_is_rejected():
    with pytest.raises(IntegrityError), transaction.atomic():
        SessionFactory(title="")


def test_session_speaker_factory_links_person_and_session():
    role = SessionSpeakerFactory()
    assert list(role.session.speakers.all()) == [role.person]


def test_session_speaker_same_role_twice_is_rejected():
    role = SessionSpeakerFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        SessionSpeakerFactory(session=role.session, person=role.person)


def test_content_blocks_come_back_in_reading_order():
    session = SessionFactory()
    ContentBlockFactory(session=session, order=2, text="andra")
    ContentBlockFactory(session=session, order=1, text="första")
    assert [block.text for block in session.blocks.all()] == ["första", "andra"]


def test_quote_factory_creates_a_row():
    quote = QuoteFactory(text="Bra dag.")
    assert quote.session.event == quote.event


def test_quote_without_text_is_rejected():
    with pytest.raises(IntegrityError), transaction.atomic():
        QuoteFactory(text="")
