"""The whole-page cache for anonymous visitors (conference/middleware.py)."""

import socket
import uuid
from dataclasses import replace
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.http import HttpResponse, QueryDict
from django.template import engines
from django.test import override_settings
from django.urls import path

from conference import content_version, page_cache
from conference.middleware import PublicPageCacheMiddleware
from conference.models import Event, Municipality
from conference.reference_data import sync_municipalities
from conference.settings import redis_cache
from tests.factories.conference import EventFactory
from tests.factories.sessions import SessionFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def session():
    return SessionFactory(event=EventFactory(), title="Kompetens i regionen")


def test_second_visit_is_served_from_cache_without_queries(
    client, session, django_assert_num_queries
):
    url = session.get_absolute_url()
    first = client.get(url)
    with django_assert_num_queries(0):
        second = client.get(url)
    assert first.headers["X-Page-Cache"] == "miss"
    assert second.headers["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Content-Security-Policy" in second.headers


def test_saving_content_invalidates_cached_pages(client, session):
    url = session.get_absolute_url()
    client.get(url)
    session.title = "Kompetens i hela regionen"
    session.save()
    response = client.get(url)
    assert response.headers["X-Page-Cache"] == "miss"
    assert "Kompetens i hela regionen" in response.text


def test_deleting_content_invalidates_cached_pages(client, session):
    event = session.event
    client.get(event.get_absolute_url())
    session.delete()
    response = client.get(event.get_absolute_url())
    assert response.headers["X-Page-Cache"] == "miss"
    assert "Kompetens i regionen" not in response.text


def test_query_parameters_the_page_reads_are_part_of_the_key(client, session):
    client.get("/personer/?kommun=1480")
    response = client.get("/personer/?kommun=1384")
    assert response.headers["X-Page-Cache"] == "miss"
    assert client.get("/personer/?kommun=1384").headers["X-Page-Cache"] == "hit"


def test_the_order_of_query_parameters_does_not_matter(client, session):
    client.get("/nyckeltal/?unit=percent&year_from=2018")
    response = client.get("/nyckeltal/?year_from=2018&unit=percent")
    assert response.headers["X-Page-Cache"] == "hit"


@pytest.mark.parametrize(
    "url", ["/?utm_source=x", "/kommuner/?sida=2", "/personer/?kommun=1480&x=1"]
)
def test_a_parameter_the_page_does_not_read_is_never_stored(client, session, url):
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response.headers


def test_unique_unknown_parameters_do_not_grow_the_cache(client, session, monkeypatch):
    stored = []
    monkeypatch.setattr(
        "conference.middleware.store_page", lambda key, page: stored.append(key)
    )
    client.get("/")
    for number in range(20):
        client.get(f"/?utm={number}")
    assert len(stored) == 1


def test_logged_in_staff_bypass_the_cache(client, session):
    url = session.get_absolute_url()
    client.get(url)
    staff = get_user_model().objects.create_user(username="redaktor", is_staff=True)
    client.force_login(staff)
    response = client.get(url)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response.headers


def test_admin_and_api_are_never_cached(client):
    for url in ("/admin/login/", "/api/v1/schema/", "/healthz/"):
        client.get(url)
        response = client.get(url)
        assert "X-Page-Cache" not in response.headers


def test_missing_pages_are_not_cached(client):
    client.get("/evenemang/finns-inte/")
    response = client.get("/evenemang/finns-inte/")
    assert response.status_code == 404
    assert "X-Page-Cache" not in response.headers


def test_cache_off_renders_every_time(client, session, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get(session.get_absolute_url())
    response = client.get(session.get_absolute_url())
    assert "X-Page-Cache" not in response.headers


def test_loading_a_document_invalidates_cached_pages(client):
    sync_municipalities(Municipality)  # emptied by the previous transactional test
    client.get("/")
    seed = "conference/data/seed/motesplats-arbetsmarknad-2024.txt"
    call_command("load_conference", seed, "--publish", stdout=StringIO())
    response = client.get("/")
    event = Event.objects.get()
    assert response.headers["X-Page-Cache"] == "miss"
    assert event.title in response.text


def nonce_page(request):
    """A page whose inline script carries the CSP nonce, as the admin's pages do."""
    template = engines["django"].from_string(
        '<script nonce="{{ csp_nonce }}">var page = 1;</script>'
    )
    return HttpResponse(template.render({}, request))


def plain_page(request):
    return HttpResponse("<p>sida</p>")


urlpatterns = [path("nonce/", nonce_page), path("plain/", plain_page)]


@pytest.mark.urls(__name__)
def test_page_with_csp_nonce_is_not_cached(client):
    first, second = client.get("/nonce/"), client.get("/nonce/")
    nonces = [
        response.text.split('nonce="')[1].split('"')[0] for response in (first, second)
    ]
    assert "X-Page-Cache" not in second.headers
    assert nonces[0] != nonces[1]
    assert f"'nonce-{nonces[1]}'" in second.headers["Content-Security-Policy"]
    # The same kind of page without the nonce is cached, with its policy.
    client.get("/plain/")
    plain = client.get("/plain/")
    assert plain.headers["X-Page-Cache"] == "hit"
    assert "'nonce-" not in plain.headers["Content-Security-Policy"]


def test_cached_page_answers_304_to_its_etag(client, session):
    url = session.get_absolute_url()
    etag = client.get(url)["ETag"]
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.headers["X-Page-Cache"] == "hit"


def test_change_saved_by_another_process_is_seen_at_once(client, session):
    # Another process shares the cache, not this one's memory: its change is a new
    # content version in the cache.
    url = session.get_absolute_url()
    client.get(url)
    cache.set(content_version.VERSION_KEY, "set-by-another-process", timeout=None)
    response = client.get(url)
    assert response.headers["X-Page-Cache"] == "miss"


def test_page_rendered_while_a_change_is_committed_is_never_served(rf):
    renders = []

    def view(request):
        renders.append(request)
        if len(renders) == 1:
            content_version.bump_content_version()  # committed during the rendering
        return HttpResponse(f"<p>version {len(renders)}</p>")

    middleware = PublicPageCacheMiddleware(view)
    middleware(rf.get("/kommuner/"))
    second = middleware(rf.get("/kommuner/"))
    third = middleware(rf.get("/kommuner/"))
    assert len(renders) == 2
    assert second.content == third.content == b"<p>version 2</p>"
    assert third.headers["X-Page-Cache"] == "hit"


def redis_is_running(host: str = "127.0.0.1", port: int = 6379) -> bool:
    try:
        socket.create_connection((host, port), timeout=1).close()
    except OSError:
        return False
    return True


# Our machines and CI run Redis on its standard port; a laptop without one skips this.
@pytest.mark.skipif(not redis_is_running(), reason="no Redis on 127.0.0.1:6379")
def test_pages_round_trip_through_the_production_cache(client, session):
    production = redis_cache("redis://127.0.0.1:6379/14")
    production["KEY_PREFIX"] = f"test-{uuid.uuid4().hex}"  # parallel runs share Redis
    url = session.get_absolute_url()
    with override_settings(CACHES={"default": production}):
        first = client.get(url)
        second = client.get(url)
        session.title = "Kompetens i hela regionen"
        session.save()
        third = client.get(url)
    assert [r.headers["X-Page-Cache"] for r in (first, second, third)] == [
        "miss",
        "hit",
        "miss",
    ]
    assert second.content == first.content
    assert "Kompetens i hela regionen" in third.text


def test_pages_are_rendered_when_redis_is_down(client, session):
    redis_down = {"default": redis_cache("redis://127.0.0.1:9/0")}  # nothing there
    with override_settings(CACHES=redis_down):
        response = client.get(session.get_absolute_url())
    assert response.status_code == 200
    assert "X-Page-Cache" not in response.headers


def test_entry_of_another_format_is_a_miss(client, session):
    url = session.get_absolute_url()
    key = page_cache.page_key(host="testserver", path=url, query=QueryDict())
    cache.set(key, ("old format", b"<p>gammal</p>"))
    response = client.get(url)
    assert response.headers["X-Page-Cache"] == "miss"


def test_a_page_rendered_at_an_older_version_is_a_miss(client, session):
    url = session.get_absolute_url()
    client.get(url)
    key = page_cache.page_key(host="testserver", path=url, query=QueryDict())
    stored = cache.get(key)
    cache.set(key, replace(stored, version="older", content=b"<p>gammal</p>"))
    response = client.get(url)
    assert response.headers["X-Page-Cache"] == "miss"
    assert b"gammal" not in response.content


def test_migrate_invalidates_cached_pages(client, session):
    # Every deployment migrates: pages made by the previous code are not served after.
    url = session.get_absolute_url()
    client.get(url)
    call_command("migrate", verbosity=0)
    assert client.get(url).headers["X-Page-Cache"] == "miss"


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def pages_kept_for_a_second(settings, monkeypatch):
    settings.PAGE_CACHE_LOCAL_SECONDS = 1
    clock = FakeClock()
    monkeypatch.setattr(page_cache.time, "monotonic", clock)
    monkeypatch.setattr(page_cache, "recent_pages", page_cache.RecentPages(10**6))
    reads = []
    get_many = cache.get_many
    monkeypatch.setattr(
        cache, "get_many", lambda keys: reads.append(keys) or get_many(keys)
    )
    return clock, reads


def test_a_process_serves_its_recent_pages_without_asking_the_cache(
    client, session, pages_kept_for_a_second
):
    clock, reads = pages_kept_for_a_second
    url = session.get_absolute_url()
    first = client.get(url)
    clock.now += 0.5
    second = client.get(url)
    assert second.headers["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert len(reads) == 1  # only the first request asked the cache


def test_a_change_elsewhere_is_seen_within_the_local_seconds(
    client, session, pages_kept_for_a_second
):
    clock, reads = pages_kept_for_a_second
    url = session.get_absolute_url()
    client.get(url)
    cache.set(content_version.VERSION_KEY, "set-by-another-process", timeout=None)
    clock.now += 0.9
    assert client.get(url).headers["X-Page-Cache"] == "hit"  # the documented bound
    clock.now += 0.2
    assert client.get(url).headers["X-Page-Cache"] == "miss"


def test_recent_pages_are_bounded_in_bytes_and_drop_the_least_recent():
    pages = page_cache.RecentPages(max_bytes=25)
    pages.version_read("v1")
    for key in "abc":
        pages.put(key, page_cache.CachedPage("v1", 200, (), b"x" * 10))
    assert pages.get("a", "v1") is None
    assert pages.get("b", "v1") is not None
    assert pages.size == 20


def test_recent_pages_forget_everything_when_the_version_changes():
    pages = page_cache.RecentPages(max_bytes=100)
    pages.version_read("v1")
    pages.put("a", page_cache.CachedPage("v1", 200, (), b"x"))
    pages.version_read("v2")
    assert pages.get("a", "v1") is None
    assert pages.size == 0
    pages.put("b", page_cache.CachedPage("v1", 200, (), b"x"))  # rendered before v2
    assert pages.get("b", "v1") is None
