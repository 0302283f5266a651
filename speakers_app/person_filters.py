"""Filters for the public people list: people from a municipality."""

import django_filters

from conference.municipality_filter import (
    MunicipalityFilter,
    offer_municipalities_with_rows,
)
from speakers_app.models import Person


class PersonFilter(django_filters.FilterSet):
    kommun = MunicipalityFilter(field_name="municipality__code")

    class Meta:
        model = Person
        fields = ["kommun"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_municipalities_with_rows(self, "kommun", relation="municipality")
