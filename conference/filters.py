"""The municipality filter every list shares: by code, name or slug, several at once.

"gr" stands for all of GR's member municipalities, "0000" (or "riket") for the whole country.
Unknown values make the form invalid with a message naming them, never an error page.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from conference.models import NATIONAL_CODE, Municipality

GR_MEMBERS = "gr"


def municipality_choices() -> list[tuple[str, str]]:
    """Return (value, label) pairs: GR as a group, the country, then every municipality."""
    rows = Municipality.objects.order_by("-gr_member", "name").values_list(
        "code", "name", "level"
    )
    return [(GR_MEMBERS, _("GR:s medlemskommuner"))] + [
        (code, f"{name} ({code})" if level == "municipality" else name)
        for code, name, level in rows
    ]


def code_lookup() -> dict[str, str]:
    """Map every accepted spelling (code, slug, lower-case name) to a value of the filter."""
    lookup = {GR_MEMBERS: GR_MEMBERS, "riket": NATIONAL_CODE}
    for code, name, slug in Municipality.objects.values_list("code", "name", "slug"):
        lookup[code] = code
        lookup[slug] = code
        lookup[name.casefold()] = code
    return lookup


class MunicipalityField(forms.MultipleChoiceField):
    """A multiple choice of municipalities that also accepts names and slugs as input."""

    default_error_messages = {
        "invalid_choice": _(
            "Okänd kommun: %(value)s. Ange kommunkod, namn eller 'gr'."
        ),
    }

    def to_python(self, value):
        if isinstance(value, str):
            value = [value]
        values = super().to_python(value)
        lookup = code_lookup()
        return [lookup.get(str(item).strip().casefold(), item) for item in values]


def codes_for(values: list[str]) -> set[str]:
    """Expand the filter's values into municipality codes ("gr" → the member codes)."""
    codes = {value for value in values if value != GR_MEMBERS}
    if GR_MEMBERS in values:
        codes |= set(
            Municipality.objects.filter(gr_member=True).values_list("code", flat=True)
        )
    return codes


class MunicipalityFilter(django_filters.MultipleChoiceFilter):
    """Filter a queryset on a path to Municipality.code (field_name), de-duplicated."""

    field_class = MunicipalityField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", municipality_choices)
        kwargs.setdefault("label", _("Kommun"))
        kwargs.setdefault("distinct", True)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        qs = qs.filter(**{f"{self.field_name}__in": codes_for(value)})
        return qs.distinct() if self.distinct else qs
