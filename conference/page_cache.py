"""Storage of the whole-page cache (conference/middleware.py) in Django's cache.

A page is stored under its host, path and query parameters, with the content version
current when its rendering began (conference/content_version.py). A lookup reads the
current version and the page in one round trip (`get_many`) and serves the page only if
it was rendered at that version: a change of content sets a new version, so no request
gets a page rendered before it.

Only query parameters that the page's view reads are part of a key (`page_parameters`):
a request with any other (`?utm=…`, a typo) is rendered, never stored, so nobody can fill
the cache by varying a parameter the page ignores.

Each process also keeps the pages it served last (`RecentPages`, bounded in bytes) and
the version it read last. For PAGE_CACHE_LOCAL_SECONDS after reading the version it
serves a page it holds at that version without asking the shared cache: a change is seen
by every process at most that long after it was committed. 0 asks the cache every time.
"""

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, QueryDict

from conference.content_version import VERSION_KEY, content_version

# The format is part of the keys: after an upgrade that changes what is stored, the new
# code never reads what the old one left in a shared Redis.
PAGE_KEY_PREFIX = "page:4:"


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


def page_parameters(*sources):
    """Name the query parameters a public view reads, so its pages may be cached.

    Each source is a parameter name or a FilterSet class, whose filters' parameters
    count (a range filter's too: `year_min`, `year_max`). A view without this decorator
    is cached only when requested without a query string.
    """
    names = set()
    for source in sources:
        if isinstance(source, str):
            names.add(source)
            continue
        for name, filter_ in source.base_filters.items():
            suffixes = getattr(filter_.field.widget, "suffixes", None) or [""]
            names.update(f"{name}_{suffix}" if suffix else name for suffix in suffixes)

    def decorate(view):
        view.page_cache_parameters = frozenset(names)
        return view

    return decorate


def page_key(*, host: str, path: str, query: QueryDict) -> str:
    """Return the key of one page: host, path and its query parameters in a fixed order."""
    parameters = urlencode(sorted(query.lists()), doseq=True)
    digest = hashlib.sha256(f"{host}\n{path}\n{parameters}".encode()).hexdigest()
    return PAGE_KEY_PREFIX + digest


def cacheable_query(query: QueryDict, known: Iterable[str]) -> bool:
    """Whether every query parameter is one the view reads."""
    return set(query) <= set(known)


class RecentPages:
    """The pages this process served last, and the content version it read last."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.pages: OrderedDict[str, CachedPage] = OrderedDict()
        self.size = 0
        self.version: str | None = None
        self.version_read_at = float("-inf")
        # Sync workers serve one request at a time; runserver and threaded workers don't.
        self.lock = threading.Lock()

    def current_version(self, max_age: float) -> str | None:
        """The version read at most ``max_age`` seconds ago, if any."""
        if time.monotonic() - self.version_read_at < max_age:
            return self.version
        return None

    def version_read(self, version: str) -> None:
        with self.lock:
            if version != self.version:
                self.pages.clear()
                self.size = 0
            self.version = version
            self.version_read_at = time.monotonic()

    def get(self, key: str, version: str) -> CachedPage | None:
        with self.lock:
            page = self.pages.get(key)
            if page is None or page.version != version:
                return None
            self.pages.move_to_end(key)
            return page

    def put(self, key: str, page: CachedPage) -> None:
        if page.version != self.version or len(page.content) > self.max_bytes:
            return
        with self.lock:
            old = self.pages.pop(key, None)
            if old is not None:
                self.size -= len(old.content)
            self.pages[key] = page
            self.size += len(page.content)
            while self.size > self.max_bytes:
                _, dropped = self.pages.popitem(last=False)
                self.size -= len(dropped.content)


recent_pages = RecentPages(max_bytes=settings.PAGE_CACHE_LOCAL_BYTES)


def lookup_page(key: str) -> tuple[str, CachedPage | None]:
    """Return the current content version and the page under ``key`` if current.

    From this process's recent pages while the version it read is fresh enough, else
    one round trip to the shared cache for both; the version is created if the cache
    has none.
    """
    keep_locally = settings.PAGE_CACHE_LOCAL_SECONDS > 0
    if keep_locally:
        version = recent_pages.current_version(settings.PAGE_CACHE_LOCAL_SECONDS)
        if version is not None and (page := recent_pages.get(key, version)):
            return version, page
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY) or content_version()
    if keep_locally:
        recent_pages.version_read(version)
    page = found.get(key)
    if isinstance(page, CachedPage) and page.version == version:
        if keep_locally:
            recent_pages.put(key, page)
        return version, page
    return version, None


def store_page(key: str, page: CachedPage) -> None:
    cache.set(key, page, timeout=settings.PAGE_CACHE_TIMEOUT)
    if settings.PAGE_CACHE_LOCAL_SECONDS > 0:
        recent_pages.put(key, page)
