"""Filters for the public session list: sessions concerning a municipality."""

import django_filters

from conference.municipality_filter import MunicipalityFilter
from sessions_app.models import Session


class SessionFilter(django_filters.FilterSet):
    kommun = MunicipalityFilter(field_name="municipalities__code")

    class Meta:
        model = Session
        fields = ["kommun"]
