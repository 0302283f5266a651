"""The API's filter backend builds only the filters a request gives, with the same answers."""

from decimal import Decimal

import django_filters
import pytest
from django.http import QueryDict
from django.test import RequestFactory
from rest_framework.request import Request

from conference.analysis.key_figure_filters import given_filters, narrowed
from conference.api import views
from conference.api.query_filters import StrictFilterBackend
from conference.models import KeyFigure, Municipality
from tests.factories.conference import KeyFigureFactory

pytestmark = pytest.mark.django_db

VIEWSETS = [
    views.EventViewSet,
    views.SessionViewSet,
    views.PersonViewSet,
    views.MunicipalityViewSet,
    views.KeyFigureViewSet,
]


@pytest.mark.parametrize("viewset", VIEWSETS, ids=lambda viewset: viewset.__name__)
def test_absent_parameters_filter_nothing(viewset):
    """What the backend relies on to skip the filters a request does not give."""
    queryset = viewset().get_queryset()
    filterset = viewset.filterset_class(data=QueryDict(), queryset=queryset)
    assert filterset.is_valid()
    assert str(filterset.qs.query) == str(queryset.query)


def test_only_the_given_filters_are_built():
    filterset_class = views.KeyFigureViewSet.filterset_class
    params = QueryDict("unit=percent&year_from=2018&page=2&page_size=5&format=json")
    names = given_filters(filterset_class, params)
    assert names == {"unit", "year_from"}
    subclass = narrowed(filterset_class, names)
    # In the FilterSet's own order, so that errors come out as they always did.
    assert list(subclass.base_filters) == ["year_from", "unit"]
    assert narrowed(filterset_class, names) is subclass
    assert len(filterset_class.base_filters) > len(names)


class ValueRangeFilterSet(django_filters.FilterSet):
    """A filter whose parameters are value_min and value_max, not its own name."""

    value = django_filters.RangeFilter()

    class Meta:
        model = KeyFigure
        fields = []


class ValueRangeView:
    filterset_class = ValueRangeFilterSet


def test_range_parameters_count_as_their_filter():
    KeyFigureFactory(label="small", value=2)
    KeyFigureFactory(label="large", value=20)
    request = Request(RequestFactory().get("/", {"value_min": "10"}))
    rows = StrictFilterBackend().filter_queryset(
        request, KeyFigure.objects.all(), ValueRangeView()
    )
    assert [(row.label, row.value) for row in rows] == [("large", Decimal(20))]


def test_unknown_and_pagination_parameters_do_not_filter(client):
    KeyFigureFactory.create_batch(3)
    response = client.get("/api/v1/key-figures/?foo=bar&page=1&page_size=5&format=json")
    assert response.status_code == 200
    assert response.json()["count"] == 3


def test_an_invalid_value_among_valid_ones_is_still_400(client):
    response = client.get("/api/v1/key-figures/?unit=percent&year_to=1")
    assert response.status_code == 400
    assert set(response.json()) == {"year_to"}


def test_browsable_api_shows_every_filter_of_a_filtered_list(client):
    KeyFigureFactory(municipality=Municipality.objects.get(code="1480"))
    response = client.get(
        "/api/v1/key-figures/?municipality=1480", HTTP_ACCEPT="text/html"
    )
    assert response.status_code == 200
    html = response.content.decode()
    # All but session, a hidden input that renders nothing without a value.
    names = set(views.KeyFigureViewSet.filterset_class.base_filters) - {"session"}
    assert len(names) == 12
    for name in names:
        assert f'name="{name}"' in html
