"""FilterSets of the JSON API. Key figures share the explorer's FilterSet."""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django_filters import utils
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from conference.analysis.key_figure_filters import (
    KeyFigureFilterSet,
    SlugChoiceFilter,
    YearFilter,
    given_filters,
    narrowed,
    published_events,
)
from conference.models import Event, Municipality
from conference.municipality_filter import MunicipalityFilter
from sessions_app.models import Session
from speakers_app.models import Person

MUNICIPALITY_HELP = _(
    "Kommunkod (fyra siffror), namn (”Kungsbacka” eller ”Kungsbacka kommun”) "
    "eller 'gr'; kan upprepas."
)


class StrictFilterBackend(DjangoFilterBackend):
    """Answer 400 naming the parameter when a filter value is invalid (never ignore it).

    Only the filters whose parameters the request gives are built and validated (with
    the explorer's given_filters and narrowed). A FilterSet copies every filter, builds
    a form class and a form field for each, and cleans every field for each request:
    for the key figures' 13 filters that was about a third of an unfiltered API request,
    spent on filters that filter nothing (an absent parameter cleans to an empty value,
    which every filter of the API passes through; tests/api/test_filter_backend.py
    checks that for each FilterSet).
    """

    raise_exception = True

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is None:
            return queryset
        names = given_filters(filterset_class, request.query_params)
        if not names:
            return queryset
        filterset = narrowed(filterset_class, names)(
            **self.get_filterset_kwargs(request, queryset, view)
        )
        if not filterset.is_valid() and self.raise_exception:
            raise utils.translate_validation(filterset.errors)
        return filterset.qs


class EventFilterSet(django_filters.FilterSet):
    municipality = MunicipalityFilter(
        # The path documents the parameter's type in the schema; the method filters.
        field_name="sessions__municipalities__code",
        method="filter_municipality",
        help_text=_("Evenemang med programpunkter som rör kommunen."),
    )
    year = YearFilter(field_name="date__year", label=_("År"))

    class Meta:
        model = Event
        fields = []

    def filter_municipality(self, queryset, name, value):
        # Only public sessions count: a draft one must not reveal what it concerns.
        if not value:
            return queryset
        concerning = Session.objects.public().filter(
            event=OuterRef("pk"), municipalities__code__in=value.codes
        )
        return queryset.filter(Exists(concerning))


class SessionFilterSet(django_filters.FilterSet):
    municipality = MunicipalityFilter(
        field_name="municipalities__code", help_text=MUNICIPALITY_HELP
    )
    event = SlugChoiceFilter(
        field_name="event__slug",
        queryset=published_events,
        to_field_name="slug",
        label=_("Evenemang"),
    )
    kind = django_filters.MultipleChoiceFilter(
        choices=Session.Kind.choices, label=_("Typ")
    )

    class Meta:
        model = Session
        fields = []


class PersonFilterSet(django_filters.FilterSet):
    municipality = MunicipalityFilter(
        field_name="municipality__code", help_text=MUNICIPALITY_HELP
    )

    class Meta:
        model = Person
        fields = []


@extend_schema_field(OpenApiTypes.BOOL)
class StrictBooleanFilter(django_filters.TypedChoiceFilter):
    """true or false; anything else is an error, not silently ignored."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", [("true", "true"), ("false", "false")])
        kwargs.setdefault("coerce", lambda value: value == "true")
        super().__init__(*args, **kwargs)


class MunicipalityFilterSet(django_filters.FilterSet):
    gr_member = StrictBooleanFilter(label=_("Medlem i GR"))
    county_code = django_filters.CharFilter(label=_("Länskod"))

    class Meta:
        model = Municipality
        fields = []


__all__ = [
    "EventFilterSet",
    "KeyFigureFilterSet",
    "MunicipalityFilterSet",
    "PersonFilterSet",
    "SessionFilterSet",
    "StrictFilterBackend",
]
