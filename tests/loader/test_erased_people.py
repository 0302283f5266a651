"""Reloading a document after a person was erased (GDPR) must not bring them back."""

import json

import pytest
from django.test import override_settings

from conference.loader.import_state import natural_key
from conference.models import Event, EventPerson, ReviewStatus
from sessions_app.models import ContentBlock, Quote, Session, SessionSpeaker
from speakers_app.models import Person
from speakers_app.services import (
    ANONYMOUS_ATTRIBUTION,
    ERASED_NAME,
    NAME_IN_TEXT_FLAG,
    erase_person,
    erased_key,
    erased_quote_key,
)

from .conftest import SEED
from .test_import import counts, history_counts, load

pytestmark = pytest.mark.django_db

# A moderator, a speaker with quote blocks, a speaker quoted among the participants'
# voices, a contact with a phone number, and a speaker whose name is a session title.
ROLES = [
    "Sofia Gustafsson",
    "Martin Henning",
    "Karin Zetterman",
    "Natalja Lipovskaja Nilsson",
    "Kristina Alstam",
]


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser(username="dpo", password="pw")


def erase(name: str, staff) -> Person:
    return erase_person(person=Person.objects.get(name=name), by_user=staff)


def assert_stays_erased(erased: Person, name: str, slug: str) -> None:
    erased.refresh_from_db()
    assert (erased.name, erased.slug, erased.title, erased.phone) == (
        ERASED_NAME,
        slug,
        "",
        "",
    )
    assert erased.erased_at is not None
    assert not Person.objects.filter(name=name).exists()
    assert not Person.history.filter(name=name).exists()
    assert not SessionSpeaker.objects.filter(person=erased).exists()
    assert not EventPerson.objects.filter(person=erased).exists()
    assert not Quote.objects.filter(person=erased).exists()
    assert not ContentBlock.objects.filter(person=erased).exists()


@pytest.mark.parametrize("name", ROLES)
def test_reloading_the_seed_keeps_an_erased_person_erased(name, staff):
    load(SEED)
    erased = erase(name, staff)
    slug = erased.slug
    before = counts()

    report = load(SEED)

    assert counts() == before
    assert_stays_erased(erased, name, slug)
    assert report.skipped_erased == 1
    # The others are unchanged; the erased one is counted only as skipped.
    assert report.unchanged["person"] == Person.objects.count() - 1
    assert sum(report.created.values()) == sum(report.deleted.values()) == 0
    assert report.kept == []
    assert "  hoppade över borttagen person: 1" in "\n".join(report.lines())
    history_before = history_counts()

    again = load(SEED)

    assert counts() == before
    assert history_counts() == history_before
    assert_stays_erased(erased, name, slug)
    assert again.skipped_erased == 1
    assert not again.changed_anything


def test_erased_person_gets_the_key_of_the_slug_the_loader_gave_them(staff):
    load(SEED)
    erased = erase("Martin Henning", staff)

    assert erased.slug == erased_key("martin-henning")
    assert "henning" not in erased.slug and "martin" not in erased.slug


def test_reloading_an_edited_document_keeps_erased_people_erased(tmp_path, staff):
    load(SEED)
    henning = erase("Martin Henning", staff)
    zetterman = erase("Karin Zetterman", staff)
    slugs = (henning.slug, zetterman.slug)
    people = Person.objects.count()
    text = SEED.read_text(encoding="utf-8")
    edited = tmp_path / SEED.name
    edited.write_text(
        text.replace("professor i ekonomisk geografi", "professor i kulturgeografi")
        # A new first quote moves Karin Zetterman's quotes: they get new keys.
        .replace(
            "Karin Zetterman, Kungsbacka kommun\n\n",
            "Karin Zetterman, Kungsbacka kommun\n\n– En mening som är ny.\n\n",
        )
        # A new session with an erased speaker, named in its title and text.
        .replace(
            "Kontakt\n",
            "Mer om rörlighet – Martin Henning\n\n"
            "Martin Henning, professor i kulturgeografi på Göteborgs universitet, "
            "berättade om ny forskning.\n\n"
            "Kontakt\n",
        ),
        encoding="utf-8",
    )

    report = load(edited)

    assert Person.objects.count() == people
    assert_stays_erased(henning, "Martin Henning", slugs[0])
    assert_stays_erased(zetterman, "Karin Zetterman", slugs[1])
    assert report.skipped_erased == 2
    new_quote = Quote.objects.get(text__startswith="En mening som är ny")
    assert (new_quote.person, new_quote.attribution) == (None, ANONYMOUS_ATTRIBUTION)
    new_session = Session.objects.get(slug="mer-om-rorlighet")
    assert not new_session.speakers.exists()
    assert NAME_IN_TEXT_FLAG in new_session.flags
    assert new_session.review_status == ReviewStatus.NEEDS_REVIEW
    assert f"Programpunkt Mer om rörlighet: {NAME_IN_TEXT_FLAG}" in report.flagged
    before = counts()

    again = load(edited)

    assert counts() == before
    assert not again.changed_anything
    assert_stays_erased(henning, "Martin Henning", slugs[0])
    assert_stays_erased(zetterman, "Karin Zetterman", slugs[1])


def test_person_whose_slug_staff_changed_stays_erased(staff):
    load(SEED)
    person = Person.objects.get(name="Martin Henning")
    person.slug = "martin-henning-handels"
    person.save()
    erased = erase_person(person=person, by_user=staff)
    before = counts()

    report = load(SEED)

    assert erased.slug == erased_key("martin-henning")
    assert counts() == before
    assert not Person.objects.filter(name="Martin Henning").exists()
    assert report.skipped_erased == 1


def test_erasure_leaves_no_name_in_loader_keys_or_remembered_relations(staff):
    load(SEED)
    quotes = {
        quote.pk: natural_key(quote.session.slug, "Karin Zetterman", quote.text, i)
        for i, quote in enumerate(Quote.objects.order_by("order"))
        if quote.person and quote.person.name == "Karin Zetterman"
    }
    assert quotes and all(
        Quote.objects.get(pk=pk).natural_key == key for pk, key in quotes.items()
    )

    erase("Karin Zetterman", staff)

    for pk, key in quotes.items():
        assert Quote.objects.get(pk=pk).natural_key == erased_quote_key(key)
        keys = set(Quote.history.filter(id=pk).values_list("natural_key", flat=True))
        assert keys == {erased_quote_key(key)}
    remembered = [
        json.dumps(values)
        for model in (Session, Event)
        for manager in (model.objects, model.history)
        for values in manager.values_list("loaded_values", flat=True)
    ]
    assert not any("karin-zetterman" in values for values in remembered)
    assert any("anette-skarvik" in values for values in remembered)

    report = load(SEED)

    assert report.kept == []
    assert sum(report.created.values()) == 0


def test_texts_naming_an_erased_person_stay_flagged_on_reload(staff):
    load(SEED)
    erase("Sofia Gustafsson", staff)
    erase("Kristina Alstam", staff)
    event = Event.objects.get()
    titled = Session.objects.get(slug="kristina-alstam")  # title is her name
    assert NAME_IN_TEXT_FLAG in event.flags and NAME_IN_TEXT_FLAG in titled.flags

    report = load(SEED)

    event.refresh_from_db()
    titled.refresh_from_db()
    assert NAME_IN_TEXT_FLAG in event.flags
    assert NAME_IN_TEXT_FLAG in titled.flags
    assert titled.review_status == ReviewStatus.NEEDS_REVIEW
    assert report.kept == []  # the loader flags the same itself: no staff edit


def test_erased_person_stays_erased_after_the_secret_key_is_rotated(settings, staff):
    load(SEED)
    erased = erase("Martin Henning", staff)
    old_key = settings.SECRET_KEY

    with override_settings(SECRET_KEY="a-new-key", SECRET_KEY_FALLBACKS=[old_key]):
        report = load(SEED)

    assert report.skipped_erased == 1
    assert not Person.objects.filter(name="Martin Henning").exists()
    erased.refresh_from_db()
    assert erased.name == ERASED_NAME


def test_a_person_never_erased_is_loaded_as_before(staff):
    load(SEED)
    erase("Martin Henning", staff)
    Person.objects.filter(name="Maria Rydell").delete()

    report = load(SEED)

    rydell = Person.objects.get(name="Maria Rydell")
    assert rydell.title == "utredningssekreterare"
    assert report.created["person"] == 1
    assert report.skipped_erased == 1
