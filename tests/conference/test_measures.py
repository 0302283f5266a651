"""The generic rule that tells which labels measure the same thing, and merging."""

from decimal import Decimal

import pytest

from conference.measures import (
    MeasureFinder,
    MergeError,
    measure_key,
    merge_measures,
    normalised_label,
    unique_slug,
)
from conference.models import KeyFigure, Measure, Municipality
from tests.factories.conference import KeyFigureFactory, MeasureFactory

AREAS = frozenset({"Kungsbacka", "Lilla Edet", "Mark"})


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Personer i arbete", "personer i arbete"),
        ("Personer i arbete i Kungsbacka 2023", "personer i arbete"),
        ("Knappt 39 procent i Lilla Edets kommun", "39 procent"),
        ('Andel "Sjukskriven med läkarintyg"', "andel sjukskriven med läkarintyg"),
        (
            "Andel ”sjukskriven med läkarintyg” i riket",
            "andel sjukskriven med läkarintyg",
        ),
        ("Dagar till beslut år 2018/19", "dagar till beslut"),
        # A municipality's name is a proper noun: the word "mark" stays.
        ("Andel mark som bebyggts", "andel mark som bebyggts"),
        # Nothing but qualifiers and years: the label itself, in lowercase.
        ("Cirka 2023", "cirka 2023"),
    ],
)
def test_normalised_label_keeps_only_what_is_measured(label, expected):
    assert normalised_label(label, AREAS) == expected


def test_measure_key_tells_units_apart():
    assert measure_key("Väntetid", "days") != measure_key("Väntetid", "weeks")


def test_unique_slug_numbers_a_taken_slug():
    assert unique_slug("Personer i arbete", {"personer-i-arbete"}) == (
        "personer-i-arbete-2"
    )
    assert unique_slug("???", set()) == "matt"


@pytest.mark.django_db
def test_finder_gives_wordings_of_one_measure_one_id_and_creates_others():
    finder = MeasureFinder(Measure, Municipality)

    first = finder.measure_id("Personer i arbete i Kungsbacka", "persons")
    again = finder.measure_id("Personer i arbete", "persons")
    other_unit = finder.measure_id("Personer i arbete", "percent")

    assert first == again != other_unit
    measure = Measure.objects.get(pk=first)
    assert (measure.name, measure.slug) == (
        "Personer i arbete i Kungsbacka",
        "personer-i-arbete-i-kungsbacka",
    )
    assert Measure.objects.get(pk=other_unit).slug == "personer-i-arbete"


@pytest.mark.django_db
def test_merge_moves_figures_and_keys_and_deletes_the_others():
    target = MeasureFactory(name="Andel sjukskrivna", keys=["percent|a"])
    other = MeasureFactory(name="Andel med läkarintyg", keys=["percent|b"])
    target.unit = other.unit = KeyFigure.Unit.PERCENT
    target.save()
    other.save()
    figure = KeyFigureFactory(measure=other, value=Decimal(14), unit="percent")

    moved = merge_measures(target=target, others=[target, other])

    figure.refresh_from_db()
    target.refresh_from_db()
    assert moved == 1
    assert figure.measure == target
    assert target.keys == ["percent|a", "percent|b"]
    assert not Measure.objects.filter(pk=other.pk).exists()
    # A label the merged measure stood for now finds the target.
    assert MeasureFinder(Measure, Municipality).measure_id("B", "percent") == target.pk


@pytest.mark.django_db
def test_merge_refuses_measures_of_different_units():
    target = MeasureFactory(unit=KeyFigure.Unit.PERSONS)
    other = MeasureFactory(unit=KeyFigure.Unit.SEK)

    with pytest.raises(MergeError):
        merge_measures(target=target, others=[other])

    assert Measure.objects.filter(pk=other.pk).exists()
