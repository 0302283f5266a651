"""Erasing a person's personal data on request (GDPR)."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.files.base import ContentFile

from conference.models import ReviewStatus
from speakers_app.services import (
    ANONYMOUS_ATTRIBUTION,
    ERASED_NAME,
    ERASURE_MESSAGE,
    NAME_IN_TEXT_FLAG,
    erase_person,
    erased_key,
)
from tests.factories.conference import EventFactory, EventPersonFactory
from tests.factories.sessions import (
    ContentBlockFactory,
    QuoteFactory,
    SessionFactory,
    SessionSpeakerFactory,
)
from tests.factories.speakers import PersonFactory


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser(username="dpo", password="pw")


@pytest.fixture
def person():
    return PersonFactory(
        name="Alva Exempelsson",
        title="Enhetschef",
        organization="Exempelkommunen",
        phone="031-123 45 67",
        email="alva@example.org",
        bio="Alva leder arbetet med unga vuxna.",
    )


@pytest.mark.django_db
def test_erase_person_blanks_personal_fields(person, staff):
    erase_person(person=person, by_user=staff)

    person.refresh_from_db()
    assert (
        person.name,
        person.title,
        person.organization,
        person.phone,
        person.email,
        person.bio,
    ) == (ERASED_NAME, "", "", "", "", "")
    assert person.slug.startswith("borttagen-")
    assert person.erased_at is not None


@pytest.mark.django_db
def test_erased_slug_is_a_keyed_hash_of_the_old_slug(person, staff, settings):
    old_slug = person.slug

    erase_person(person=person, by_user=staff)

    person.refresh_from_db()
    assert person.slug == erased_key(old_slug)
    assert old_slug not in person.slug
    assert person.slug.startswith("borttagen-") and len(person.slug) == 26
    # Keyed with SECRET_KEY: the name alone does not give the key.
    assert erased_key(old_slug, "another-secret") != person.slug
    assert erased_key(old_slug) == erased_key(old_slug, settings.SECRET_KEY)


@pytest.mark.django_db
def test_erasing_a_second_person_with_the_same_old_slug(person, staff):
    old_slug = person.slug
    first = erase_person(person=person, by_user=staff)
    again = PersonFactory(name="Alva Exempelsson", slug=old_slug)

    second = erase_person(person=again, by_user=staff)

    assert first.slug == erased_key(old_slug)
    assert second.slug == f"{erased_key(old_slug)}-{again.pk}"
    assert second.erased_at is not None


@pytest.mark.django_db
def test_erase_person_makes_their_quotes_anonymous(person, staff):
    quote = QuoteFactory(person=person, text="Vi måste samarbeta mer.")

    erase_person(person=person, by_user=staff)

    quote.refresh_from_db()
    assert (quote.person, quote.attribution, quote.text) == (
        None,
        ANONYMOUS_ATTRIBUTION,
        "Vi måste samarbeta mer.",
    )
    assert list(quote.history.filter(person_id=person.pk)) == []


@pytest.mark.django_db
def test_erase_person_removes_roles_and_block_links(person, staff):
    speaker = SessionSpeakerFactory(person=person)
    EventPersonFactory(person=person)
    block = ContentBlockFactory(person=person, kind="quote")

    erase_person(person=person, by_user=staff)

    block.refresh_from_db()
    assert block.person is None
    assert list(person.session_roles.all()) == []
    assert list(person.event_roles.all()) == []
    assert list(speaker.history.filter(person_id=person.pk)) == []


@pytest.mark.django_db
def test_erase_person_keeps_no_history_with_their_name(person, staff):
    person.title = "Avdelningschef"
    person.save()

    erase_person(person=person, by_user=staff)

    names = list(person.history.values_list("name", flat=True))
    assert names == [ERASED_NAME]
    assert person.history.get().history_change_reason == ERASURE_MESSAGE


@pytest.mark.django_db
def test_erase_person_deletes_the_photo_file(
    person, staff, django_capture_on_commit_callbacks
):
    person.photo.save("portratt.jpg", ContentFile(b"bytes"), save=False)
    person.photo_alt = "Porträtt."
    person.save()
    path = person.photo.path

    with django_capture_on_commit_callbacks(execute=True):
        erase_person(person=person, by_user=staff)

    person.refresh_from_db()
    assert (person.photo.name, person.photo_alt) == ("", "")
    with pytest.raises(FileNotFoundError):
        open(path, "rb")  # noqa: SIM115


@pytest.mark.django_db
def test_erase_person_is_recorded_without_personal_data(person, staff):
    erase_person(person=person, by_user=staff)

    entries = list(
        LogEntry.objects.filter(object_id=str(person.pk)).values_list(
            "user__username", "object_repr", "change_message"
        )
    )
    assert entries == [("dpo", ERASED_NAME, ERASURE_MESSAGE)]


@pytest.mark.django_db
def test_erase_person_flags_sessions_whose_text_names_them(person, staff):
    named = SessionFactory()
    ContentBlockFactory(session=named, text="Alva Exempelsson berättade om jobbet.")
    unnamed = SessionFactory()

    erase_person(person=person, by_user=staff)

    named.refresh_from_db()
    unnamed.refresh_from_db()
    assert (named.review_status, named.flags) == (
        ReviewStatus.NEEDS_REVIEW,
        [NAME_IN_TEXT_FLAG],
    )
    assert unnamed.review_status == ReviewStatus.UNREVIEWED


@pytest.mark.django_db
def test_erase_person_flags_session_titles_and_events_naming_them(person, staff):
    titled = SessionFactory(title="Alva Exempelsson")
    event = EventFactory(description="Moderator var Alva Exempelsson.")
    other = EventFactory()

    erase_person(person=person, by_user=staff)

    titled.refresh_from_db()
    event.refresh_from_db()
    other.refresh_from_db()
    assert (titled.review_status, titled.flags) == (
        ReviewStatus.NEEDS_REVIEW,
        [NAME_IN_TEXT_FLAG],
    )
    assert (event.review_status, event.flags) == (
        ReviewStatus.NEEDS_REVIEW,
        [NAME_IN_TEXT_FLAG],
    )
    assert NAME_IN_TEXT_FLAG not in other.flags


@pytest.mark.django_db
def test_erase_person_twice_changes_nothing_the_second_time(person, staff):
    first = erase_person(person=person, by_user=staff)

    second = erase_person(person=person, by_user=staff)

    assert (second.slug, second.erased_at) == (first.slug, first.erased_at)
    assert LogEntry.objects.count() == 1


@pytest.mark.django_db
def test_erase_person_removes_their_name_from_session_change_log(staff):
    person = PersonFactory(name="Åsa Exempelsson")
    session = SessionFactory()
    message = [{"added": {"name": "medverkande", "object": "Åsa Exempelsson (Talare)"}}]
    LogEntry.objects.log_actions(
        user_id=staff.pk,
        queryset=[session],
        action_flag=CHANGE,
        change_message=message,
        single_object=True,
    )

    erase_person(person=person, by_user=staff)

    messages = [entry.get_change_message() for entry in LogEntry.objects.all()]
    raw = "".join(LogEntry.objects.values_list("change_message", flat=True))
    assert "Exempelsson" not in "".join(messages)
    assert "Exempelsson" not in raw
    assert "u00c5sa" not in raw


@pytest.mark.django_db
def test_erase_person_deletes_earlier_photos_too(
    person, staff, django_capture_on_commit_callbacks
):
    person.photo.save("forsta.jpg", ContentFile(b"1"), save=False)
    person.photo_alt = "Porträtt."
    person.save()
    first_path = person.photo.path
    person.photo.save("andra.jpg", ContentFile(b"2"), save=False)
    person.save()

    with django_capture_on_commit_callbacks(execute=True):
        erase_person(person=person, by_user=staff)

    with pytest.raises(FileNotFoundError):
        open(first_path, "rb")  # noqa: SIM115


@pytest.mark.django_db
def test_erased_person_has_no_public_page(client, person, staff):
    SessionSpeakerFactory(person=person)
    assert client.get(person.get_absolute_url()).status_code == 200
    erase_person(person=person, by_user=staff)
    person.refresh_from_db()
    assert client.get(person.get_absolute_url()).status_code == 404
    assert client.get("/personer/").text.count(ERASED_NAME) == 0
