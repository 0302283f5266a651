"""The content version, and values kept in the shared cache until the content changes.

The content version is one value in Django's cache. Every save, deletion or many-to-many
change of content replaces it once committed (conference/signals.py), and so does every
`migrate`, which each deployment runs. Whatever is cached because only such a change can
change it (whole pages, conference/page_cache.py; counts and choice lists,
`cached_until_content_changes`) is stored under a key that holds the version it was
built at: after a change no key leads to it any more, in any process sharing the cache,
and the cache's own expiry removes it. Only the page cache keeps recent pages in a
process for at most a second (conference/page_cache.py, RecentPages).
"""

import hashlib
import logging
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache

# The format is part of the keys: after an upgrade that changes what is stored, the new
# code never reads what the old one left in a shared Redis.
VERSION_KEY = "content:3:version"
VALUE_KEY_PREFIX = "content:3:value:"

logger = logging.getLogger(__name__)


def new_version() -> str:
    # Random, not a counter: a version lost with the cache (evicted, Redis restarted)
    # is never made again, so nothing stored under it can come back.
    return uuid.uuid4().hex


def bump_content_version() -> str:
    """Set a new content version, which makes everything cached before unreachable."""
    version = new_version()
    cache.set(VERSION_KEY, version, timeout=None)
    return version


def content_version() -> str:
    """Return the current content version, creating one if the cache has none yet."""
    return cache.get_or_set(VERSION_KEY, new_version, timeout=None)


def value_key(name: str, version: str) -> str:
    # Hashed: a name may hold any text (a query string), a cache key may not.
    digest = hashlib.sha256(name.encode()).hexdigest()
    return f"{VALUE_KEY_PREFIX}{version}:{digest}"


MISSING = object()


def cached_until_content_changes[T](name: str, build: Callable[[], T]) -> T:
    """Return ``build()``, kept in the shared cache under ``name`` until content changes.

    For reads that only a content change can change (counts, choice lists). The version
    is read before building, so a value built from data that a change replaces meanwhile
    is stored under the version that change makes obsolete. Without QUERY_CACHE_ENABLED,
    or when the cache cannot be reached, ``build()`` runs every time.
    """
    if not settings.QUERY_CACHE_ENABLED:
        return build()
    try:
        key = value_key(name, content_version())
        value = cache.get(key, MISSING)
    except Exception:
        logger.warning("Cache unavailable", exc_info=True)
        return build()
    if value is MISSING:
        value = build()
        try:
            cache.set(key, value, timeout=settings.QUERY_CACHE_TIMEOUT)
        except Exception:
            logger.warning("Cache unavailable", exc_info=True)
    return value
