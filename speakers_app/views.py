"""Public pages about people: the filterable list and one person's page."""

from django.shortcuts import render

from conference.http import list_page, public_page, query_without
from conference.page_cache import page_parameters
from speakers_app import selectors
from speakers_app.person_filters import PersonFilter


@page_parameters(PersonFilter, "page")
@public_page
def person_list(request):
    filterset = PersonFilter(request.GET, queryset=selectors.person_list())
    # An invalid filter shows its message in the form and lists nobody.
    people = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    return render(
        request,
        "speakers_app/person_list.html",
        {
            "filter": filterset,
            "page": list_page(request, people),
            "page_query": query_without(request, "page"),
        },
    )


@public_page
def person_detail(request, slug):
    page = selectors.person_page(slug)
    return render(
        request,
        "speakers_app/person_detail.html",
        {"page": page, "person": page.person},
    )
