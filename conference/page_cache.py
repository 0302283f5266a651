"""The content version that keys the public page cache.

Every cached page is stored with the content version current when its rendering began;
a change to the content sets a new version, so every page rendered before it becomes a
miss at once, in every process that shares the cache (Redis), without listing pages.
"""

import hashlib
import uuid

from django.core.cache import cache

VERSION_KEY = "page-cache:version"
PAGE_KEY_PREFIX = "page-cache:page:"


def page_key(*, host: str, full_path: str) -> str:
    """Return the cache key of one public page (host and path with query string)."""
    digest = hashlib.sha256(f"{host}\n{full_path}".encode()).hexdigest()
    return PAGE_KEY_PREFIX + digest


def bump_content_version() -> str:
    """Set a new content version, which invalidates every cached page, and return it."""
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, timeout=None)
    return version


def current_content_version() -> str:
    """Return the content version, creating one if the cache has none yet."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version
