import pytest
from django.db import IntegrityError, transaction

from tests.factories.speakers import PersonFactory

pytestmark = pytest.mark.django_db


def test_person_factory_creates_a_row_with_a_page():
    person = PersonFactory(slug="anna-berg")
    assert person.get_absolute_url() == "/personer/anna-berg/"


def test_person_duplicate_slug_is_rejected():
    PersonFactory(slug="anna-berg")
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonFactory(slug="anna-berg")


def test_person_photo_without_alt_text_is_rejected():
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonFactory(photo="people/a.jpg", photo_alt="")
