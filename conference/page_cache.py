"""Storage of the whole-page cache (conference/middleware.py) in Django's cache.

A page is stored under its host, path and query string and the content version current
when its rendering began (conference/content_version.py): a change of content sets a new
version, so no request finds a page rendered before it.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

# The format is part of the keys: after an upgrade that changes what is stored, the new
# code never reads what the old one left in a shared Redis.
PAGE_KEY_PREFIX = "page:3:"


@dataclass(frozen=True)
class CachedPage:
    """A response as stored: plain data, so every hit builds its own response."""

    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes

    @classmethod
    def of(cls, response: HttpResponse) -> "CachedPage":
        return cls(
            status=response.status_code,
            headers=tuple(response.headers.items()),
            content=response.content,
        )

    def response(self) -> HttpResponse:
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.headers:
            response.headers[name] = value
        return response


def page_key(*, version: str, host: str, full_path: str) -> str:
    """Return the key of one public page (host, path with query string) at ``version``."""
    digest = hashlib.sha256(f"{host}\n{full_path}".encode()).hexdigest()
    return f"{PAGE_KEY_PREFIX}{version}:{digest}"


def get_page(key: str) -> CachedPage | None:
    page = cache.get(key)
    return page if isinstance(page, CachedPage) else None


def store_page(key: str, page: CachedPage) -> None:
    cache.set(key, page, timeout=settings.PAGE_CACHE_TIMEOUT)
