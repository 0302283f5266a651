"""Values kept in the shared cache until the content changes (conference/content_version.py)."""

import logging

import pytest
from django.core.cache import cache
from django.test import override_settings

from conference.content_version import (
    bump_content_version,
    cached_until_content_changes,
    content_version,
)
from conference.settings import redis_cache
from tests.factories.conference import EventFactory

REDIS_DOWN = {"default": redis_cache("redis://127.0.0.1:9/0")}  # nothing listens there


@pytest.fixture(autouse=True)
def query_cache_on(settings):
    settings.QUERY_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


class Builds:
    def __init__(self):
        self.count = 0

    def __call__(self) -> str:
        self.count += 1
        return f"value {self.count}"


def test_value_is_built_once_until_the_content_changes():
    build = Builds()
    first = cached_until_content_changes("answer", build)
    again = cached_until_content_changes("answer", build)
    bump_content_version()
    after = cached_until_content_changes("answer", build)
    assert (first, again, after) == ("value 1", "value 1", "value 2")


def test_value_lives_in_the_shared_cache_only():
    # What another process (sharing the cache, not this memory) would see.
    build = Builds()
    cached_until_content_changes("answer", build)
    cache.clear()
    assert cached_until_content_changes("answer", build) == "value 2"


def test_names_have_their_own_values():
    assert cached_until_content_changes("a", lambda: 1) == 1
    assert cached_until_content_changes("b", lambda: 2) == 2
    assert cached_until_content_changes("a", lambda: 3) == 1


def test_falsy_values_are_kept_too():
    build = Builds()
    cached_until_content_changes("zero", lambda: build() and 0)
    cached_until_content_changes("zero", lambda: build() and 0)
    assert build.count == 1


def test_query_cache_off_builds_every_time(settings):
    settings.QUERY_CACHE_ENABLED = False
    build = Builds()
    cached_until_content_changes("answer", build)
    assert cached_until_content_changes("answer", build) == "value 2"


def test_unreachable_cache_builds_and_warns(caplog):
    build = Builds()
    with override_settings(CACHES=REDIS_DOWN), caplog.at_level(logging.WARNING):
        assert cached_until_content_changes("answer", build) == "value 1"
    assert "Cache unavailable" in caplog.text


@pytest.mark.django_db
def test_saved_content_sets_a_new_version(django_capture_on_commit_callbacks):
    before = content_version()
    assert content_version() == before
    with django_capture_on_commit_callbacks(execute=True):
        EventFactory()
    assert content_version() != before


def test_a_lost_version_is_never_made_again():
    before = content_version()
    cache.clear()  # evicted, or Redis restarted empty
    assert content_version() != before
