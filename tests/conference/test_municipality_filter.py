import django_filters
import pytest

from conference.models import KeyFigure, Municipality
from conference.municipality_filter import MunicipalityFilter
from tests.factories.conference import KeyFigureFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


class KeyFigureByMunicipality(django_filters.FilterSet):
    municipality = MunicipalityFilter(field_name="municipality__code")

    class Meta:
        model = KeyFigure
        fields = []


def figures_for(query: dict) -> tuple[bool, set[str]]:
    filterset = KeyFigureByMunicipality(query, queryset=KeyFigure.objects.all())
    valid = filterset.is_valid()
    return valid, {figure.label for figure in filterset.qs} if valid else set()


@pytest.fixture
def figures():
    for code, label in [
        ("1384", "kungsbacka"),
        ("1480", "goteborg"),
        ("0180", "sthlm"),
    ]:
        KeyFigureFactory(municipality=Municipality.objects.get(code=code), label=label)
    KeyFigureFactory(municipality=Municipality.objects.get(code="0000"), label="riket")


def test_municipality_filter_by_code(figures):
    assert figures_for({"municipality": "1384"}) == (True, {"kungsbacka"})


def test_municipality_filter_by_name_and_slug_together(figures):
    query = {"municipality": ["Göteborg", "stockholm"]}
    assert figures_for(query) == (True, {"goteborg", "sthlm"})


def test_municipality_filter_gr_means_every_member(figures):
    assert figures_for({"municipality": "gr"}) == (True, {"kungsbacka", "goteborg"})


def test_municipality_filter_riket_is_the_nation(figures):
    assert figures_for({"municipality": "riket"}) == (True, {"riket"})


def test_municipality_filter_unknown_value_is_invalid_with_its_name(figures):
    filterset = KeyFigureByMunicipality(
        {"municipality": "Atlantis"}, queryset=KeyFigure.objects.all()
    )
    assert not filterset.is_valid()
    assert "Atlantis" in str(filterset.errors["municipality"])


def test_municipality_filter_nul_byte_is_invalid_not_a_crash(figures):
    filterset = KeyFigureByMunicipality(
        {"municipality": "14\x0080"}, queryset=KeyFigure.objects.all()
    )
    assert not filterset.is_valid()


def test_municipality_filter_sees_a_municipality_created_just_before():
    municipality = MunicipalityFactory(code="9902", name="Nybygge", slug="nybygge")
    KeyFigureFactory(municipality=municipality, label="ny")
    assert figures_for({"municipality": "Nybygge"}) == (True, {"ny"})


@pytest.mark.parametrize(
    "spelling", ["Kungsbacka kommun", "KUNGSBACKA", "kungsbacka  Kommun", " Kungsbacka"]
)
def test_municipality_filter_by_name_with_or_without_kommun_in_any_case(
    figures, spelling
):
    assert figures_for({"municipality": spelling}) == (True, {"kungsbacka"})


def test_municipality_filter_kommun_alone_is_unknown(figures):
    assert figures_for({"municipality": "kommun"}) == (False, set())


def test_municipality_filter_takes_a_choice_label_and_skips_empty_values(figures):
    query = {"municipality": ["Kungsbacka (1384)", "", "1480"]}
    assert figures_for(query) == (True, {"kungsbacka", "goteborg"})
