"""The whole-page cache for anonymous visitors (conference/middleware.py)."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.http import HttpResponse
from django.test import override_settings

from conference import page_cache
from conference.middleware import PublicPageCacheMiddleware
from conference.models import Event, Municipality
from conference.reference_data import sync_municipalities
from tests.factories.conference import EventFactory
from tests.factories.sessions import SessionFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    page_cache.clear_local()
    yield
    cache.clear()
    page_cache.clear_local()


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


def test_query_string_is_part_of_the_key(client, session):
    client.get("/kommuner/?sida=1")
    response = client.get("/kommuner/?sida=2")
    assert response.headers["X-Page-Cache"] == "miss"


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


def test_page_with_csp_nonce_is_not_cached(client, rf):
    # The admin's login page renders the nonce; the same check guards public pages.
    request = rf.get("/kommuner/")
    request._csp_nonce = "used"
    response = HttpResponse("<p>sida</p>")
    middleware = PublicPageCacheMiddleware(lambda request: response)
    assert middleware._may_store(request, response) is False


def test_cached_page_answers_304_to_its_etag(client, session):
    url = session.get_absolute_url()
    etag = client.get(url)["ETag"]
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.headers["X-Page-Cache"] == "hit"


@pytest.fixture
def local_copies(settings):
    """Each process's own copies, as with Redis; the version re-read every 60 s."""
    settings.PAGE_CACHE_LOCAL_ENTRIES = 10
    settings.PAGE_CACHE_VERSION_TTL = 60


def test_local_copy_is_served_without_the_shared_cache(client, session, local_copies):
    url = session.get_absolute_url()
    client.get(url)
    cache.clear()  # as if the shared cache were unreachable or had evicted everything
    response = client.get(url)
    assert response.headers["X-Page-Cache"] == "hit"


def test_change_in_this_process_invalidates_local_copies_at_once(
    client, session, local_copies
):
    url = session.get_absolute_url()
    client.get(url)
    session.title = "Ny rubrik"
    session.save()
    response = client.get(url)
    assert response.headers["X-Page-Cache"] == "miss"
    assert "Ny rubrik" in response.text


def test_change_in_another_process_is_seen_when_version_is_reread(
    client, session, local_copies, settings
):
    url = session.get_absolute_url()
    client.get(url)
    cache.set(page_cache.VERSION_KEY, "set-by-another-process", timeout=None)
    settings.PAGE_CACHE_VERSION_TTL = 0
    response = client.get(url)
    assert response.headers["X-Page-Cache"] == "miss"


def test_local_copies_are_bounded(client, local_copies):
    for number in range(15):
        client.get(f"/kommuner/?sida={number}")
    assert len(page_cache._local_pages) == 10


def test_pages_are_rendered_when_redis_is_down(client, session):
    redis_down = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
        }
    }
    with override_settings(CACHES=redis_down):
        response = client.get(session.get_absolute_url())
    assert response.status_code == 200
    assert "X-Page-Cache" not in response.headers


def test_entry_of_another_format_is_a_miss(client, session):
    url = session.get_absolute_url()
    key = page_cache.page_key(host="testserver", full_path=url)
    cache.set(key, ("old format", b"<p>gammal</p>"))
    response = client.get(url)
    assert response.headers["X-Page-Cache"] == "miss"


def test_content_cached_values_are_kept_in_process_until_the_content_changes(
    settings, monkeypatch
):
    settings.QUERY_CACHE_ENABLED = True
    builds = []

    def build():
        builds.append(len(builds))
        return f"value {len(builds)}"

    assert page_cache.content_cached("answer", build) == "value 1"
    shared_reads = []
    original_get = cache.get
    monkeypatch.setattr(
        cache, "get", lambda *a, **k: shared_reads.append(a) or original_get(*a, **k)
    )
    assert page_cache.content_cached("answer", build) == "value 1"
    # Served from the process's own memory: no rebuild, no read of the shared cache
    # beyond the content version.
    assert len(builds) == 1
    assert all(
        not str(args[0]).startswith(page_cache.CONTENT_KEY_PREFIX)
        for args in shared_reads
    )

    page_cache.bump_content_version()
    assert page_cache.content_cached("answer", build) == "value 2"
