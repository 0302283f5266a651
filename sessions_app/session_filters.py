"""Filters for the public session list: by the municipality concerned, by kind."""

import django_filters

from conference.municipality_filter import (
    MunicipalityFilter,
    offer_municipalities_with_rows,
)
from sessions_app.models import Session


class SessionFilter(django_filters.FilterSet):
    kommun = MunicipalityFilter(field_name="municipalities__code")
    typ = django_filters.ChoiceFilter(field_name="kind", choices=Session.Kind.choices)

    class Meta:
        model = Session
        fields = ["kommun", "typ"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_municipalities_with_rows(self, "kommun", relation="municipalities")
