import pytest
from django.db import IntegrityError, transaction

from conference.models import KeyFigure, Municipality
from tests.factories.conference import (
    EventFactory,
    EventPersonFactory,
    KeyFigureFactory,
    MunicipalityFactory,
)

pytestmark = pytest.mark.django_db


def test_fresh_database_has_all_municipalities_and_the_nation():
    assert Municipality.objects.filter(level="municipality").count() == 290
    assert Municipality.objects.get(code="0000").name == "Riket"


def test_fresh_database_marks_the_thirteen_gr_members():
    members = set(
        Municipality.objects.filter(gr_member=True).values_list("code", flat=True)
    )
    assert len(members) == 13
    assert {"1480", "1384", "1482"} <= members


def test_municipality_county_comes_from_reference_data():
    kungsbacka = Municipality.objects.get(code="1384")
    assert (kungsbacka.county_code, kungsbacka.gr_member) == ("13", True)


def test_municipalities_with_the_same_ascii_name_get_distinct_slugs():
    slugs = set(
        Municipality.objects.filter(name__in=["Håbo", "Habo"]).values_list(
            "slug", flat=True
        )
    )
    assert slugs == {"habo-0305", "habo-0643"}


def test_municipality_duplicate_code_is_rejected():
    with pytest.raises(IntegrityError), transaction.atomic():
        Municipality.objects.create(code="1480", name="Kopia", slug="kopia")


def test_municipality_code_must_be_four_digits():
    with pytest.raises(IntegrityError), transaction.atomic():
        Municipality.objects.create(code="14A0", name="Fel", slug="fel")


def test_municipality_factory_creates_a_row():
    municipality = MunicipalityFactory()
    assert Municipality.objects.filter(code=municipality.code).exists()


def test_event_factory_creates_a_row_with_a_page():
    event = EventFactory(slug="var-dag")
    assert event.get_absolute_url() == "/evenemang/var-dag/"


def test_event_duplicate_slug_is_rejected():
    EventFactory(slug="samma")
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(slug="samma")


def test_event_person_factory_links_a_person_to_an_event():
    role = EventPersonFactory()
    assert list(role.event.people.all()) == [role.person]


def test_key_figure_factory_creates_a_row():
    figure = KeyFigureFactory(value=62, unit=KeyFigure.Unit.PERCENT)
    assert KeyFigure.objects.get(pk=figure.pk).value == 62


def test_key_figure_without_value_is_rejected():
    with pytest.raises(IntegrityError), transaction.atomic():
        KeyFigureFactory(value=None)


def test_key_figure_without_unit_is_rejected():
    with pytest.raises(IntegrityError), transaction.atomic():
        KeyFigureFactory(unit="")


def test_key_figure_for_a_municipality_needs_the_municipality():
    with pytest.raises(IntegrityError), transaction.atomic():
        KeyFigureFactory(scope=KeyFigure.Scope.MUNICIPALITY, municipality=None)


def test_key_figure_for_the_region_has_no_municipality():
    figure = KeyFigureFactory(scope=KeyFigure.Scope.REGION, municipality=None)
    assert figure.municipality is None


def test_key_figure_can_point_to_the_nation():
    nation = Municipality.objects.get(code="0000")
    figure = KeyFigureFactory(scope=KeyFigure.Scope.COUNTRY, municipality=nation)
    assert figure.municipality.is_national


def test_key_figure_natural_key_is_unique_per_event():
    first = KeyFigureFactory(natural_key="abc")
    with pytest.raises(IntegrityError), transaction.atomic():
        KeyFigureFactory(event=first.event, natural_key="abc")
