"""Public session pages: one session with its structure, and the session list."""

from django.shortcuts import render

from conference.http import (
    list_page,
    public_page,
    query_without,
    with_last_modified,
)
from conference.page_cache import page_parameters
from conference.permissions import can_preview_drafts
from sessions_app import selectors
from sessions_app.session_filters import SessionFilter


@public_page
def session_detail(request, event_slug, slug):
    preview = can_preview_drafts(request.user)
    page = selectors.session_page(event_slug, slug, include_drafts=preview)
    is_draft = not page.session.is_public
    response = render(
        request,
        "sessions_app/session_detail.html",
        {"page": page, "session": page.session, "is_draft": is_draft},
    )
    return with_last_modified(response, page.last_modified)


@page_parameters(SessionFilter, "page")
@public_page
def session_list(request):
    filterset = SessionFilter(request.GET, queryset=selectors.session_list())
    # An invalid filter shows its message in the form and lists nothing filtered.
    sessions = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    return render(
        request,
        "sessions_app/session_list.html",
        {
            "filter": filterset,
            "page": list_page(request, sessions),
            "page_query": query_without(request, "page"),
        },
    )
