"""What every public view shares: GET and HEAD only, 304 for a repeat visit."""

from datetime import datetime

from django.core.paginator import Page, Paginator
from django.utils.http import http_date
from django.views.decorators.http import conditional_page, require_safe


def public_page(view):
    """Allow only GET/HEAD and answer conditional requests with 304.

    The ETag is a hash of the page as rendered (conditional_page), so it changes with
    anything the page shows. Django's @condition would answer 304 without rendering,
    but it needs a page's ETag or date before the view runs: another query for the
    pages that have a date, and none to give for the others. With the page cache on, a
    repeat visit is answered without rendering anyway (conference/middleware.py).
    """
    return require_safe(conditional_page(view))


def with_last_modified(response, moment):
    """Set Last-Modified (when known), so If-Modified-Since can answer 304."""
    if moment is not None:
        response.headers["Last-Modified"] = http_date(moment.timestamp())
    return response


def latest(*values: datetime | None) -> datetime | None:
    """Return the newest of some timestamps (None when there are none)."""
    present = [value for value in values if value is not None]
    return max(present) if present else None


# Rows per page of the public lists (sessions, people): a page stays light on a phone
# however many events there are.
LIST_PAGE_SIZE = 50


def list_page(request, rows) -> Page:
    """Return the page of ``rows`` that ``?page=`` asks for (the first or last when it
    is not a number or out of range, never an error)."""
    return Paginator(rows, LIST_PAGE_SIZE).get_page(request.GET.get("page"))


def query_without(request, *names: str) -> str:
    """Return the request's query string without ``names`` (for links that set them)."""
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()
