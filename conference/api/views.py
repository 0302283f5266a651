"""The read-only JSON API: events, sessions, people, municipalities, key figures.

Only published content is served. Invalid filter values answer 400 with the parameter's
name as the key of the error message (StrictFilterBackend).
"""

import functools

from django.shortcuts import render
from django.views.decorators.http import require_safe
from drf_spectacular.generators import SchemaGenerator
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

from conference.analysis import selectors as analysis_selectors
from conference.analysis.counts import CountCachingPaginator, ListAnswers, filter_key
from conference.analysis.exports import record_rows
from conference.api import query_filters, serializers
from conference.models import Event, Measure, Municipality
from sessions_app.models import Session
from speakers_app.models import Person


class Pagination(PageNumberPagination):
    """50 per page; page_size up to 500 (larger asks get 500); a malformed one is 400.

    The count is kept per list, filter and content version (conference/analysis/
    counts.py). The filter backend has answered 400 to an invalid filter before this
    runs, so the parameters that make the key are valid.
    """

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is not None and not (raw.isascii() and raw.isdigit() and int(raw) > 0):
            raise ValidationError(
                {self.page_size_query_param: ["Ange ett positivt heltal."]}
            )
        return super().get_page_size(request)

    def paginate_queryset(self, queryset, request, view=None):
        # The view decides the base queryset (the API serves only public rows, whoever
        # asks), its FilterSet's parameters the rest.
        key = None
        if view is not None:
            key = f"api:{type(view).__name__}"
            filterset_class = getattr(view, "filterset_class", None)
            if filterset_class is not None:
                key += "?" + filter_key(filterset_class, request.query_params)
        self.answers = ListAnswers(queryset, key=key)
        return super().paginate_queryset(queryset, request, view)

    def django_paginator_class(self, object_list, per_page):
        # What DRF calls to make its paginator: one counting through self.answers.
        return CountCachingPaginator(object_list, per_page, answers=self.answers)


# What a slug may hold (Django's `slug` path converter): anything else, a NUL byte that
# PostgreSQL refuses in a text parameter included, is a 404 before any query.
SLUG_PATTERN = "[-a-zA-Z0-9_]+"


class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    pagination_class = Pagination
    filter_backends = [query_filters.StrictFilterBackend]


class EventViewSet(ReadOnlyViewSet):
    """Published events, newest first."""

    serializer_class = serializers.EventSerializer
    filterset_class = query_filters.EventFilterSet
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN

    def get_queryset(self):
        return Event.objects.public().order_by("-date", "title", "pk")


class SessionViewSet(ReadOnlyViewSet):
    """Published sessions of published events, in programme order."""

    serializer_class = serializers.SessionSerializer
    filterset_class = query_filters.SessionFilterSet

    def get_queryset(self):
        return (
            Session.objects.public()
            .select_related("event")
            .prefetch_related("municipalities")
            .order_by("-event__date", "event__title", "order", "pk")
        )


class PersonViewSet(ReadOnlyViewSet):
    """People with a public page: a role in a public session or event, or quoted there."""

    serializer_class = serializers.PersonSerializer
    filterset_class = query_filters.PersonFilterSet
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN

    def get_queryset(self):
        return (
            Person.objects.public()
            .select_related("municipality")
            .order_by("name", "pk")
        )


class MunicipalityViewSet(ReadOnlyViewSet):
    """Sweden's 290 municipalities and the whole country (Riket, 0000)."""

    serializer_class = serializers.MunicipalitySerializer
    filterset_class = query_filters.MunicipalityFilterSet
    lookup_field = "code"
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        return Municipality.objects.order_by("code")


class MeasureViewSet(ReadOnlyViewSet):
    """What key figures measure: figures of one measure form a series (?measure=)."""

    serializer_class = serializers.MeasureSerializer
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN

    def get_queryset(self):
        return Measure.objects.public().order_by("name", "pk")


class KeyFigureViewSet(ReadOnlyViewSet):
    """Key figures quoted at published events, with the explorer's filters."""

    serializer_class = serializers.KeyFigureSerializer
    filterset_class = query_filters.KeyFigureFilterSet

    def get_queryset(self):
        return record_rows(analysis_selectors.key_figures_for_listing())


@functools.cache
def documented_api() -> tuple[dict, list[dict]]:
    """Return the schema's info and endpoints, generated once per process.

    The schema changes only with the code, and generating it walks every endpoint's
    serializer and FilterSet: too slow for each visit of the documentation page.
    """
    schema = SchemaGenerator().get_schema(request=None, public=True)
    endpoints = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            endpoints.append(
                {
                    "path": path,
                    "method": method.upper(),
                    "summary": operation.get("description", ""),
                    "parameters": [
                        {
                            "name": parameter["name"],
                            "location": parameter["in"],
                            "required": parameter.get("required", False),
                            "type": describe_type(parameter.get("schema", {})),
                            "description": parameter.get("description", ""),
                        }
                        for parameter in operation.get("parameters", [])
                    ],
                }
            )
    return schema["info"], endpoints


@require_safe
def api_docs(request):
    """Render the API's documentation from its OpenAPI schema (no JavaScript, no CDN)."""
    info, endpoints = documented_api()
    return render(
        request, "analysis/api_docs.html", {"info": info, "endpoints": endpoints}
    )


@require_safe
def api_explorer(request):
    """Render Swagger UI for the API: its files and ours are static, no CDN, no
    inline script (static/js/api-explorer.js starts it)."""
    return render(request, "analysis/api_explorer.html")


def describe_type(schema: dict) -> str:
    if schema.get("type") == "array":
        return describe_type(schema.get("items", {})) + ", kan upprepas"
    if "enum" in schema:
        values = [str(value) for value in schema["enum"]]
        shown = ", ".join(values[:8])
        return f"{schema.get('type', 'string')}: {shown}" + (
            f" … ({len(values)} värden)" if len(values) > 8 else ""
        )
    return schema.get("type", "string")
