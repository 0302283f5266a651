"""Storage of the public page cache, tagged with the content version.

Every cached page is stored with the content version current when its rendering began; a
change to the content sets a new version, so every page rendered before it becomes a miss
at once, in every process that shares the cache (Redis), without listing pages.

With a shared cache each process also keeps the most used pages and the version in its
own memory, so that a hit costs no network round trip: the version is re-read from the
shared cache at most every PAGE_CACHE_VERSION_TTL seconds, which bounds how long another
process may serve a page from before a change (a second by default).
"""

import hashlib
import logging
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

# The format is part of the keys: after an upgrade that changes what is stored, the new
# code never reads what the old one left in a shared Redis.
VERSION_KEY = "page-cache:2:version"
PAGE_KEY_PREFIX = "page-cache:2:page:"

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_local_pages: OrderedDict[str, "CachedPage"] = OrderedDict()
_local_values: OrderedDict[str, object] = OrderedDict()
_local_version: tuple[str, float] | None = None


@dataclass(frozen=True)
class CachedPage:
    """A response as stored: plain data, so every hit builds its own response."""

    version: str
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes

    @classmethod
    def of(cls, response: HttpResponse, *, version: str) -> "CachedPage":
        return cls(
            version=version,
            status=response.status_code,
            headers=tuple(response.headers.items()),
            content=response.content,
        )

    def response(self) -> HttpResponse:
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.headers:
            response.headers[name] = value
        return response


def page_key(*, host: str, full_path: str) -> str:
    """Return the cache key of one public page (host and path with query string)."""
    digest = hashlib.sha256(f"{host}\n{full_path}".encode()).hexdigest()
    return PAGE_KEY_PREFIX + digest


def bump_content_version() -> str:
    """Set a new content version, which invalidates every cached page, and return it."""
    global _local_version
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, timeout=None)
    _local_version = (version, time.monotonic())
    return version


def content_version() -> str:
    """Return the current content version, creating one if the cache has none yet."""
    global _local_version
    now = time.monotonic()
    if (
        _local_version is not None
        and now - _local_version[1] < settings.PAGE_CACHE_VERSION_TTL
    ):
        return _local_version[0]
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    _local_version = (version, now)
    return version


def get_page(key: str, *, version: str) -> CachedPage | None:
    """Return the page stored under ``key`` if it was rendered at ``version``."""
    with _lock:
        page = _local_pages.get(key)
        if page is not None:
            _local_pages.move_to_end(key)
    if page is None or page.version != version:
        page = cache.get(key)
        if not isinstance(page, CachedPage) or page.version != version:
            return None
        _remember_locally(key, page)
    return page


def store_page(key: str, page: CachedPage) -> None:
    cache.set(key, page, timeout=settings.PAGE_CACHE_TIMEOUT)
    _remember_locally(key, page)


def clear_local() -> None:
    """Forget this process's copies (tests; the shared cache is cleared separately)."""
    global _local_version
    with _lock:
        _local_pages.clear()
        _local_values.clear()
    _local_version = None


def _remember_locally(key: str, page: CachedPage) -> None:
    _remember(_local_pages, key, page, limit=settings.PAGE_CACHE_LOCAL_ENTRIES)


def _remember(store: OrderedDict, key: str, value, *, limit: int) -> None:
    """Keep `value` in this process's `store`, dropping the least recently used."""
    if limit <= 0:
        return
    with _lock:
        store[key] = value
        store.move_to_end(key)
        while len(store) > limit:
            store.popitem(last=False)


CONTENT_KEY_PREFIX = "page-cache:2:content:"


def content_cached[T](name: str, build: Callable[[], T]) -> T:
    """Return ``build()``, cached in the shared cache for the current content version.

    For reads that only a content change can change (counts, reference lists). The
    version is read before building, so a value read from data that changes meanwhile is
    stored under a version that the change makes obsolete. Without QUERY_CACHE_ENABLED,
    or when the cache is unavailable, the value is built afresh.

    Each process also keeps the most used values in its own memory, as it keeps pages:
    a Redis round trip and unpickling cost ~0.2 ms each, three or four times on an
    explorer page. The key holds the version, so a change is seen as soon as the
    version is re-read (PAGE_CACHE_VERSION_TTL). Callers must not mutate what they get.
    """
    if not settings.QUERY_CACHE_ENABLED:
        return build()
    try:
        digest = hashlib.sha256(name.encode()).hexdigest()
        key = f"{CONTENT_KEY_PREFIX}{content_version()}:{digest}"
        with _lock:
            value = _local_values.get(key)
            if value is not None:
                _local_values.move_to_end(key)
                return value
        value = cache.get(key)
    except Exception:
        logger.warning("Query cache unavailable", exc_info=True)
        return build()
    if value is None:
        value = build()
        try:
            cache.set(key, value, timeout=settings.QUERY_CACHE_TIMEOUT)
        except Exception:
            logger.warning("Query cache unavailable", exc_info=True)
    _remember(_local_values, key, value, limit=settings.QUERY_CACHE_LOCAL_ENTRIES)
    return value
