"""The data migration gives every figure loaded before measures existed its measure."""

import importlib

import pytest
from django.apps import apps

from conference.models import KeyFigure, Measure
from tests.factories.conference import KeyFigureFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("conference.migrations.0011_measure")


def test_figures_without_a_measure_get_the_measure_of_their_label_and_unit():
    first = KeyFigureFactory(label="Personer i arbete", year=2018)
    second = KeyFigureFactory(label="Personer i arbete i Göteborg", year=2023)
    other_unit = KeyFigureFactory(label="Personer i arbete", unit="percent")
    KeyFigure.objects.update(measure=None)
    Measure.objects.all().delete()

    migration.assign_measures(apps, None)

    first, second, other_unit = (
        KeyFigure.objects.get(pk=figure.pk) for figure in (first, second, other_unit)
    )
    assert first.measure == second.measure != other_unit.measure
    assert (first.measure.name, first.measure.unit) == ("Personer i arbete", "persons")
    assert Measure.objects.count() == 2
