"""Measures in the admin: staff rename and merge them, and a reload keeps both."""

import pytest
from django.urls import reverse

from conference.models import KeyFigure, Measure
from tests.admin.helpers import change_form_data, load_seed

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:conference_measure_changelist"
# The seed's two 14 % figures for Riket 2022 (sick-listed recipients), in two wordings.
SICK_LISTED = "andel-sjukskriven-med-lakarintyg"
SICK_LISTED_OTHER = (
    "andel-av-alla-bistandsmottagare-hade-forsorjningshindret-sjukskriven"
)


def merge(client, *slugs):
    ids = Measure.objects.filter(slug__in=slugs).values_list("pk", flat=True)
    return client.post(
        reverse(CHANGELIST),
        {"action": "merge", "_selected_action": [str(pk) for pk in ids]},
        follow=True,
    )


def test_seed_figures_of_one_series_share_one_measure():
    load_seed()

    measure = Measure.objects.get(slug="personer-i-arbete")
    assert sorted(measure.key_figures.values_list("year", flat=True)) == [
        2018,
        2023,
        2024,
    ]
    assert measure.unit == KeyFigure.Unit.PERSONS


def test_merging_the_two_wordings_makes_one_measure_that_a_reload_keeps(
    editor_client,
):
    load_seed()

    response = merge(editor_client, SICK_LISTED, SICK_LISTED_OTHER)
    load_seed()

    assert "2 mått slogs ihop" in response.content.decode()
    kept = Measure.objects.filter(slug__in=[SICK_LISTED, SICK_LISTED_OTHER])
    assert list(kept.values_list("slug", flat=True)) == [SICK_LISTED]
    figures = KeyFigure.objects.filter(value=14, municipality__code="0000")
    assert {figure.measure.slug for figure in figures} == {SICK_LISTED}
    assert figures.count() == 2


def test_a_measure_renamed_in_the_admin_keeps_its_name_on_reload(editor_client):
    load_seed()
    measure = Measure.objects.get(slug="personer-i-arbete")
    url = reverse("admin:conference_measure_change", args=[measure.pk])
    data = change_form_data(editor_client.get(url), name="Personer som fått arbete")
    assert editor_client.post(url, data).status_code == 302

    load_seed()

    measure.refresh_from_db()
    assert measure.name == "Personer som fått arbete"
    assert measure.key_figures.count() == 3
    assert Measure.objects.filter(name="Personer i arbete").count() == 0


def test_measures_of_different_units_are_not_merged(editor_client):
    load_seed()
    before = Measure.objects.count()

    response = merge(editor_client, "personer-i-arbete", "kronor-i-forsorjningsstod")

    assert "olika enheter kan inte slås ihop" in response.content.decode()
    assert Measure.objects.count() == before


def test_changelist_counts_figures_and_searches_names(editor_client):
    load_seed()

    response = editor_client.get(reverse(CHANGELIST), {"q": "arbete"})

    rows = response.context["cl"].result_list
    assert [(row.name, row.figure_total) for row in rows] == [("Personer i arbete", 3)]
