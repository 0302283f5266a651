"""Filters for the public people list: people from a municipality."""

import django_filters

from conference.municipality_filter import MunicipalityFilter
from speakers_app.models import Person


class PersonFilter(django_filters.FilterSet):
    kommun = MunicipalityFilter(field_name="municipality__code")

    class Meta:
        model = Person
        fields = ["kommun"]
