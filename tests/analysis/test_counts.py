"""The query cache: counts, charts, municipalities and events per content version."""

import django_filters
import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.http import QueryDict

from conference import content_version
from conference.analysis.counts import filter_key
from conference.analysis.key_figure_filters import KeyFigureFilterSet
from conference.api.query_filters import SessionFilterSet
from conference.models import KeyFigure
from tests.analysis.conftest import area
from tests.factories.conference import (
    EventFactory,
    KeyFigureFactory,
    MeasureFactory,
    MunicipalityFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def query_cache(settings):
    settings.QUERY_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


def api_count(client, query: dict) -> int:
    return client.get("/api/v1/key-figures/", query).json()["count"]


@pytest.mark.parametrize("count", [1, 30])
def test_explorer_repeat_runs_only_the_rows_query(
    client, query_cache, django_assert_num_queries, count
):
    KeyFigureFactory.create_batch(count, municipality=area("1480"))
    client.get("/nyckeltal/", {"municipality": "gr"})
    # No count, no municipalities, no events to choose from: only the rows of the page.
    with django_assert_num_queries(1):
        response = client.get("/nyckeltal/", {"municipality": "gr"})
    assert response.context["page"].paginator.count == count


@pytest.mark.parametrize("count", [1, 20])
def test_api_repeat_runs_only_the_rows_query(
    client, query_cache, django_assert_num_queries, count
):
    KeyFigureFactory.create_batch(count, municipality=area("1480"))
    client.get("/api/v1/key-figures/")
    with django_assert_num_queries(1):
        response = client.get("/api/v1/key-figures/")
    assert response.json()["count"] == count


def test_cached_counts_are_kept_per_filter(client, query_cache):
    KeyFigureFactory.create_batch(3, municipality=area("1480"))
    KeyFigureFactory.create_batch(2, municipality=area("1384"))
    KeyFigureFactory(municipality=area("0180"))
    counts = [
        api_count(client, {"municipality": "1480"}),
        api_count(client, {"municipality": "1384"}),
        api_count(client, {"municipality": "gr"}),
        api_count(client, {}),
    ]
    again = [
        api_count(client, {"municipality": "1480"}),
        api_count(client, {"municipality": "1384"}),
        api_count(client, {"municipality": "gr"}),
        api_count(client, {}),
    ]
    assert (counts, again) == ([3, 2, 5, 6], [3, 2, 5, 6])


def test_cached_count_follows_a_saved_figure(
    client, query_cache, django_capture_on_commit_callbacks
):
    KeyFigureFactory(municipality=area("1480"))
    before = api_count(client, {"municipality": "1480"})
    with django_capture_on_commit_callbacks(execute=True):
        KeyFigureFactory(municipality=area("1480"))
    after = api_count(client, {"municipality": "1480"})
    assert (before, after) == (1, 2)


def test_cached_municipalities_follow_a_new_municipality(
    client, query_cache, django_capture_on_commit_callbacks
):
    first = client.get("/api/v1/key-figures/", {"municipality": "Nykommun"})
    with django_capture_on_commit_callbacks(execute=True):
        municipality = MunicipalityFactory(code="9901", name="Nykommun")
    KeyFigureFactory(municipality=municipality)
    second = client.get("/api/v1/key-figures/", {"municipality": "Nykommun"})
    assert (first.status_code, second.status_code) == (400, 200)
    assert second.json()["count"] == 1


def test_invalid_filter_counts_nothing_and_stays_invalid(client, query_cache):
    KeyFigureFactory(municipality=area("1480"))
    response = client.get("/nyckeltal/", {"year_from": "tjugo"})
    assert response.context["page"].paginator.count == 0


def event_options(response) -> list[str]:
    soup = BeautifulSoup(response.text, "html.parser")
    return [option.get_text() for option in soup.select("#id_event option")]


def test_cached_event_choices_follow_a_published_event(
    client, query_cache, django_capture_on_commit_callbacks
):
    first = event_options(client.get("/nyckeltal/"))
    with django_capture_on_commit_callbacks(execute=True):
        KeyFigureFactory(event=EventFactory(title="Ny mötesplats"))
    second = event_options(client.get("/nyckeltal/"))
    assert (first, second) == ([], ["Ny mötesplats (1)"])


def chart_values(response) -> list[str]:
    soup = BeautifulSoup(response.text, "html.parser")
    table = soup.find("table", class_="chart-data")
    return [row.find_all("td")[-1].get_text() for row in table.tbody.find_all("tr")]


def test_explorer_repeat_runs_with_charts_only_the_rows_query(
    client, query_cache, django_assert_num_queries
):
    for year in (2021, 2022):
        KeyFigureFactory(label="Andel", municipality=area("1480"), year=year)
    first = client.get("/nyckeltal/", {"label": "Andel"})
    with django_assert_num_queries(1):
        again = client.get("/nyckeltal/", {"label": "Andel"})
    assert chart_values(again) == chart_values(first)


def test_cached_charts_follow_a_saved_figure(
    client, query_cache, django_capture_on_commit_callbacks
):
    for year in (2021, 2022):
        KeyFigureFactory(label="Andel", municipality=area("1480"), year=year, value=5)
    before = chart_values(client.get("/nyckeltal/", {"label": "Andel"}))
    with django_capture_on_commit_callbacks(execute=True):
        KeyFigureFactory(label="Andel", municipality=area("1480"), year=2023, value=7)
    after = chart_values(client.get("/nyckeltal/", {"label": "Andel"}))
    assert (len(before), len(after)) == (2, 3)


def test_cached_count_follows_a_change_saved_by_another_process(client, query_cache):
    # Another process shares the cache, not this one's memory: its change is a new
    # content version in the cache (here written without a signal in this process).
    KeyFigureFactory(municipality=area("1480"))
    before = api_count(client, {"municipality": "1480"})
    KeyFigureFactory(municipality=area("1480"))
    stale = api_count(client, {"municipality": "1480"})
    cache.set(content_version.VERSION_KEY, "set-by-another-process", timeout=None)
    after = api_count(client, {"municipality": "1480"})
    assert (before, stale, after) == (1, 1, 2)


def test_sorting_shares_the_cached_count(
    client, query_cache, django_assert_num_queries
):
    KeyFigureFactory.create_batch(3, municipality=area("1480"))
    client.get("/api/v1/key-figures/", {"municipality": "gr", "ordering": "label"})
    with django_assert_num_queries(1):
        response = client.get(
            "/api/v1/key-figures/",
            {"municipality": "gr", "ordering": "-value", "page_size": "2", "page": "2"},
        )
    assert response.json()["count"] == 3


def test_repeated_single_value_parameter_counts_the_last(client, query_cache):
    KeyFigureFactory.create_batch(2, label="Andel", municipality=area("1480"))
    KeyFigureFactory(label="Antal", municipality=area("1480"))
    first = client.get("/api/v1/key-figures/?label=Antal&label=Andel").json()["count"]
    second = client.get("/api/v1/key-figures/?label=Andel&label=Antal").json()["count"]
    assert (first, second) == (2, 1)


def test_lists_with_the_same_filter_have_their_own_counts(client, query_cache):
    KeyFigureFactory.create_batch(3, municipality=area("1480"))
    figures = api_count(client, {"municipality": "1480"})
    sessions = client.get("/api/v1/sessions/", {"municipality": "1480"}).json()
    assert (figures, sessions["count"]) == (3, 0)


def key(filterset_class, query: str) -> str:
    return filter_key(filterset_class, QueryDict(query))


def test_filter_key_is_the_filters_parameters_without_sorting_or_paging():
    assert key(KeyFigureFilterSet, "page=2&ordering=-value&year_from=2020") == (
        "year_from=2020"
    )
    assert key(KeyFigureFilterSet, "unit=percent&municipality=gr&format=json") == (
        "municipality=gr&unit=percent"
    )


def test_filter_key_keeps_the_order_of_repeated_values():
    assert key(KeyFigureFilterSet, "municipality=1480&municipality=1384") == (
        "municipality=1480&municipality=1384"
    )
    assert key(SessionFilterSet, "kind=panel&event=a&kind=talk") == (
        "event=a&kind=panel&kind=talk"
    )


class ValueRangeFilterSet(django_filters.FilterSet):
    value = django_filters.RangeFilter()

    class Meta:
        model = KeyFigure
        fields = []


def test_filter_key_holds_the_parts_of_a_range():
    assert key(ValueRangeFilterSet, "value_max=9&value_min=1&page=3") == (
        "value_max=9&value_min=1"
    )


@pytest.mark.parametrize("count", [1, 30])
def test_explorer_with_a_measure_reads_its_choices_once(
    client, query_cache, django_assert_num_queries, count
):
    measure = MeasureFactory()
    for year in range(2000, 2000 + count):
        KeyFigureFactory(measure=measure, municipality=area("1480"), year=year)
    # Municipalities, events, measures, the form's counts, count, rows and the charts'
    # figures (a second request reads the first four from the cache).
    with django_assert_num_queries(7):
        response = client.get("/nyckeltal/", {"measure": measure.slug})
    assert len(response.context["rows"]) == count
    assert "svg" in response.text
