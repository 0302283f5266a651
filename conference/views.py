"""Public pages of the conference app: home, events, municipalities, search and more.

Views stay thin: the selectors fetch, the templates show (conference/http.py says how
every public page answers).
"""

import json

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.static import serve

from conference import selectors
from conference.http import list_page, public_page, query_without, with_last_modified
from conference.ical import event_calendar
from conference.jsonld import event_jsonld
from conference.models import Event
from conference.page_cache import page_parameters
from conference.permissions import can_preview_drafts
from conference.search import QueryError, clean_query, search


@page_parameters("page")
@public_page
def home(request):
    preview = can_preview_drafts(request.user)
    page = list_page(request, selectors.event_list(include_drafts=preview))
    return render(
        request,
        "conference/home.html",
        {"page": page, "page_query": query_without(request, "page")},
    )


@public_page
def event_detail(request, slug):
    preview = can_preview_drafts(request.user)
    page = selectors.event_page(slug, include_drafts=preview)
    base_url = request.build_absolute_uri("/").rstrip("/")
    response = render(
        request,
        "conference/event_detail.html",
        {
            "page": page,
            "event": page.event,
            "jsonld": event_jsonld(page, base_url=base_url),
        },
    )
    return with_last_modified(response, page.last_modified)


@public_page
def event_calendar_file(request, slug):
    preview = can_preview_drafts(request.user)
    event = Event.objects.visible(include_drafts=preview).filter(slug=slug).first()
    if event is None:
        raise Http404("No such event")
    url = request.build_absolute_uri(event.get_absolute_url())
    response = HttpResponse(
        event_calendar(event, url=url, host=request.get_host()),
        content_type="text/calendar; charset=utf-8",
    )
    response.headers["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return with_last_modified(response, event.updated_at)


@page_parameters("page")
@public_page
def municipality_list(request):
    page = list_page(request, selectors.municipality_list())
    return render(
        request,
        "conference/municipality_list.html",
        {
            "page": page,
            "members": [m for m in page.object_list if m.gr_member],
            "others": [m for m in page.object_list if not m.gr_member],
            "page_query": query_without(request, "page"),
        },
    )


@public_page
def municipality_detail(request, slug):
    page = selectors.municipality_page(slug)
    return render(
        request,
        "conference/municipality_detail.html",
        {"page": page, "municipality": page.municipality},
    )


@page_parameters("q")
@public_page
def search_page(request):
    error = ""
    results = None
    try:
        text = clean_query(request.GET.get("q"))
    except QueryError as exc:
        error, text = str(exc), ""
    if text:
        results = search(text)
    elif "q" in request.GET and not error:
        error = _("Skriv ett eller flera ord att söka efter.")
    return render(
        request,
        "conference/search.html",
        {"query": text, "results": results, "error": error},
    )


@public_page
def accessibility_statement(request):
    return render(request, "conference/accessibility.html")


@require_safe
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Disallow: /sok/",
        f"Sitemap: {sitemap}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@public_page
def print_origin(request):
    """A stylesheet naming the site's origin, so print.css can print every link in
    full ("https://…/evenemang/…/"). A stylesheet and not a <style> element: the
    Content-Security-Policy allows no inline styles without a nonce, and a nonce would
    make every page differ from the last (the ETag)."""
    origin = json.dumps(f"{request.scheme}://{request.get_host()}")
    response = HttpResponse(
        f":root {{ --site-origin: {origin}; }}\n", content_type="text/css"
    )
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


@require_safe
def media_in_development(request, path):
    """Uploaded files (speakers' photos) under `make run`; in production the web server
    in front serves MEDIA_ROOT (docs/production.md)."""
    if not settings.DEBUG:
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
