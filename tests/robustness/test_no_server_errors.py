"""No query string on any public or analyst page, and no API request, gives a 500.

Every route of the site except the admin is requested with query strings that hypothesis
generates (NUL bytes, huge numbers, broken percent-encoding, any unicode), on SQLite and on
PostgreSQL. The test client re-raises a view's exception, so a crash fails the test with
its traceback.
"""

import importlib
from urllib.parse import quote

import django_filters
import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conference.models import Municipality
from tests.factories.conference import EventFactory, KeyFigureFactory, MeasureFactory
from tests.factories.sessions import (
    ContentBlockFactory,
    QuoteFactory,
    SessionFactory,
    SessionSpeakerFactory,
)
from tests.factories.speakers import PersonFactory

pytestmark = pytest.mark.django_db

FILTER_MODULES = [
    "conference.municipality_filter",
    "conference.analysis.key_figure_filters",
    "conference.api.query_filters",
]
EXTRA_PARAMS = [
    "page",
    "page_size",
    "q",
    "format",
    "ordering",
    "sort",
    "next",
    "kommun",
    # The comparison table's own form (conference/analysis/comparison.py).
    "change_from",
    "change_to",
]
HOSTILE_VALUES = [
    "\x00",
    "a\x00b",
    "-1",
    "0",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "-Infinity",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    '=HYPERLINK("x")',
    "2024-13-45",
    "x" * 5000,
    "🙂 Göteborg",
    ",",
    "[]",
]
RAW_FRAGMENTS = ["%00", "%FF%FE", "%", "%%", "a=%E4", "&&&", "=", "page=%00", "q=%C3"]


def walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), namespace + (pattern.name or "")


def site_routes() -> list[tuple[str, bool]]:
    """Return (url name, has a format suffix) of every route except the admin's."""
    routes = set()
    for route, name in walk(get_resolver().url_patterns):
        if route.startswith("admin/"):
            continue
        routes.add((name, "<format>" in route or ":format>" in route))
    return sorted(routes)


def known_parameters() -> list[str]:
    """Return every query parameter the site's FilterSets read (range filters: each part)."""
    for module in FILTER_MODULES:
        importlib.import_module(module)
    names = set(EXTRA_PARAMS)
    pending = list(django_filters.FilterSet.__subclasses__())
    while pending:
        filterset = pending.pop()
        pending += filterset.__subclasses__()
        for name, filter_ in filterset.base_filters.items():
            suffixes = getattr(filter_.field.widget, "suffixes", None)
            if suffixes:
                names.update(
                    f"{name}_{suffix}" if suffix else name for suffix in suffixes
                )
            else:
                names.add(name)
    return sorted(names)


ROUTES = site_routes()
PARAMETERS = known_parameters()


def encode(pairs: list[tuple[str, str]], raw: list[str]) -> str:
    encoded = [f"{quote(key, safe='')}={quote(value, safe='')}" for key, value in pairs]
    return "&".join(encoded + raw)


text = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40)
query_strings = st.builds(
    encode,
    st.lists(
        st.tuples(
            st.one_of(st.sampled_from(PARAMETERS), text),
            st.one_of(st.sampled_from(HOSTILE_VALUES), text, st.integers().map(str)),
        ),
        max_size=6,
    ),
    st.lists(st.sampled_from(RAW_FRAGMENTS), max_size=2),
)


@pytest.fixture
def site():
    """One published event with every kind of related row."""
    municipality = Municipality.objects.get(code="1480")
    event = EventFactory()
    person = PersonFactory(municipality=municipality)
    session = SessionFactory(event=event)
    session.municipalities.add(municipality)
    SessionSpeakerFactory(session=session, person=person)
    ContentBlockFactory(session=session)
    QuoteFactory(event=event, session=session, person=person)
    figure = KeyFigureFactory(
        event=event,
        session=session,
        municipality=municipality,
        measure=MeasureFactory(slug="antal"),
    )
    return {
        "conference:event_detail": {"slug": event.slug},
        "conference:event_calendar": {"slug": event.slug},
        "conference:municipality_detail": {"slug": municipality.slug},
        "sessions_app:session_detail": {"event_slug": event.slug, "slug": session.slug},
        "speakers_app:person_detail": {"slug": person.slug},
        "analysis:key_figure_detail": {"pk": figure.pk},
        "analysis:key_figure_export": {"export_format": "csv"},
        "analysis:comparison_export": {"export_format": "xlsx"},
        "api:event-detail": {"slug": event.slug},
        "api:session-detail": {"pk": session.pk},
        "api:person-detail": {"slug": person.slug},
        "api:municipality-detail": {"code": municipality.code},
        "api:key-figure-detail": {"pk": figure.pk},
        "api:measure-detail": {"slug": figure.measure.slug},
        "media": {"path": "people/foto.jpg"},
        "sitemap_section": {"section": "programpunkter"},
    }


def url_of(route: tuple[str, bool], site: dict) -> str:
    name, has_format = route
    kwargs = dict(site.get(name, {}))
    if has_format:
        kwargs["format"] = "json"
    return reverse(name, kwargs=kwargs)


def test_every_route_has_sample_arguments(site):
    for route in ROUTES:
        assert url_of(route, site).startswith("/")


@pytest.mark.parametrize("route", ROUTES, ids=lambda route: f"{route[0]}{route[1]}")
def test_nul_byte_in_any_parameter_gives_no_server_error(client, site, route):
    # One parameter at a time: a first invalid one must not hide a crash in another.
    for name in PARAMETERS:
        response = client.get(f"{url_of(route, site)}?{encode([(name, 'a\x00')], [])}")
        assert response.status_code < 500, name


@pytest.mark.parametrize("route", ROUTES, ids=lambda route: f"{route[0]}{route[1]}")
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    query=query_strings,
    method=st.sampled_from(["get", "get", "get", "head", "options", "post", "delete"]),
)
def test_generated_query_string_gives_no_server_error(
    client, site, route, query, method
):
    response = getattr(client, method)(f"{url_of(route, site)}?{query}")
    assert response.status_code < 500


PATH_VALUES = ["\x00", "a\x00b", "\x01\x7f", "%", "..", "🙂", "Göteborg", "x" * 300]


def routes_with_path_arguments(site: dict) -> list[tuple[tuple[str, bool], str]]:
    return [
        (route, name)
        for route in ROUTES
        for name in site.get(route[0], {})
        if name != "export_format"
    ]


def test_routes_with_path_arguments_are_found(site):
    # Guards the test below against passing because it found no route to try.
    names = {route[0] for route, _ in routes_with_path_arguments(site)}
    assert {"api:event-detail", "speakers_app:person_detail"} <= names


@given(value=st.one_of(st.sampled_from(PATH_VALUES), text))
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_hostile_path_segment_gives_no_server_error(client, site, value):
    for route, argument in routes_with_path_arguments(site):
        real = str(site[route[0]][argument])
        url = url_of(route, site).replace(f"/{real}/", f"/{quote(value, safe='')}/", 1)
        response = client.get(url)
        assert response.status_code < 500, (url, response.status_code)


@pytest.mark.parametrize(
    "url",
    ["/api/v1/events/%00/", "/api/v1/people/a%00b/", "/api/v1/municipalities/%00/"],
)
def test_nul_byte_in_an_api_lookup_is_not_found(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("route", ROUTES, ids=lambda route: f"{route[0]}{route[1]}")
@pytest.mark.parametrize("method", ["TRACE", "PUT", "PATCH", "DELETE", "POST"])
def test_only_safe_methods_are_answered(client, site, route, method):
    response = client.generic(method, url_of(route, site))
    assert response.status_code == 405
