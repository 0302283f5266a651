"""Whole-page cache for anonymous visitors of the public and analyst pages.

Django's own per-site cache is not used because it keys pages by every header in Vary
(`Vary: Cookie` would give each visitor their own copy), sends Expires and max-age (a
browser would keep a page after the content changed) and cannot be invalidated when the
content changes. This one keys a page by host, path and the query parameters its view
reads, and serves it only if it was rendered at the current content version
(conference/content_version.py, conference/page_cache.py): a change saved anywhere
(admin, loader) sets a new version (conference/signals.py), and no request gets a page
rendered before it.
"""

import logging

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response
from django.utils.csp import CSP
from django.utils.http import parse_http_date_safe

from conference.page_cache import (
    CachedPage,
    cacheable_query,
    lookup_page,
    page_key,
    store_page,
)

logger = logging.getLogger(__name__)

# Staff pages, the load balancer's probe and the API are never cached: the API varies by
# the Accept header (content negotiation), which a key by URL cannot express.
UNCACHED_PREFIXES = ("/admin/", "/api/", "/healthz/", "/static/", "/media/")
# Vary headers that cannot change an anonymous page: the site has one language, and a
# request carrying a session or message cookie is never served from the cache.
HARMLESS_VARY = {"cookie", "accept-language", "accept-encoding"}
MAX_CACHED_BYTES = 1024 * 1024


class PublicPageCacheMiddleware:
    """Serve anonymous GET requests of public pages from the shared cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._may_use_cache(request):
            return self.get_response(request)
        if request.GET and not cacheable_query(request.GET, self._parameters(request)):
            return self.get_response(request)
        key = page_key(host=request.get_host(), path=request.path, query=request.GET)
        try:
            # The version is read before rendering: a page rendered while a change is
            # committed carries the version that change replaces, and is never served.
            version, page = lookup_page(key)
        except Exception:
            # The cache is an optimisation: when Redis is down, render every page.
            logger.warning("Page cache unavailable", exc_info=True)
            return self.get_response(request)
        if page is not None:
            response = self._conditional(request, page.response())
            response.headers["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and self._may_store(request, response):
            try:
                store_page(key, CachedPage.of(response, version=version))
            except Exception:
                logger.warning("Page cache unavailable", exc_info=True)
            else:
                response.headers["X-Page-Cache"] = "miss"
        return response

    def _parameters(self, request) -> frozenset[str]:
        """The query parameters the view of this path reads (none when unknown)."""
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return frozenset()
        return getattr(match.func, "page_cache_parameters", frozenset())

    def _conditional(self, request, response):
        """Answer 304 to a matching If-None-Match or If-Modified-Since, as the view would."""
        if not response.has_header("ETag") and not response.has_header("Last-Modified"):
            return response
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )

    def _may_use_cache(self, request) -> bool:
        return (
            settings.PAGE_CACHE_ENABLED
            and request.method in ("GET", "HEAD")
            and not request.path.startswith(UNCACHED_PREFIXES)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and getattr(settings, "MESSAGE_COOKIE_NAME", "messages")
            not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
        )

    def _may_store(self, request, response) -> bool:
        user = getattr(request, "user", None)
        vary = {
            header.strip().lower()
            for header in response.get("Vary", "").split(",")
            if header.strip()
        }
        cache_control = response.get("Cache-Control", "").lower()
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and len(response.content) <= MAX_CACHED_BYTES
            and vary <= HARMLESS_VARY
            and not any(
                word in cache_control for word in ("private", "no-store", "no-cache")
            )
            and not uses_csp_nonce(response)
            and not (user is not None and user.is_authenticated)
        )


def uses_csp_nonce(response) -> bool:
    """Return whether the response's Content-Security-Policy allows a nonce.

    Django's CSP middleware (inside this one) puts the nonce in the policy only when
    the page used it. Such a page must not be served to others with that same nonce: it
    would let injected inline code run.
    """
    return any(
        "'nonce-" in response.get(header, "")
        for header in (CSP.HEADER_ENFORCE, CSP.HEADER_REPORT_ONLY)
    )
