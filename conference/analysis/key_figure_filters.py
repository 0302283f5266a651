"""The key-figure filters shared by the explorer, its exports and the JSON API.

One FilterSet, one set of parameter names: a filtered explorer URL's query string works
unchanged for the exports and for ``/api/v1/key-figures/``.
"""

import copy
import functools
import re

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from conference.content_version import cached_until_content_changes
from conference.models import Event, KeyFigure, Measure, ReviewStatus
from conference.municipality_filter import MunicipalityFilter
from sessions_app.models import Session

# The empty qualifier ("exact") cannot travel in a query string as "", so it has a name.
EXACT = "exact"
QUALIFIER_CHOICES = [
    (EXACT if value == "" else value, label)
    for value, label in KeyFigure.Qualifier.choices
]
# Ids are 64-bit: a larger number would overflow the database driver (a 500).
MAX_ID = 2**63 - 1
DIGITS = re.compile(r"[0-9]{1,19}")
FIRST_YEAR = 1900
LAST_YEAR = 2100
ORDERING_FIELDS = (
    ("label", "label"),
    ("value", "value"),
    ("year", "year"),
    ("municipality__name", "municipality"),
    ("unit", "unit"),
    ("event__date", "event"),
)


class FastSelectMultiple(forms.SelectMultiple):
    """A multiple select rendered in Python: Django's per-option templates take
    tens of milliseconds for the 292 areas, this a fraction of one."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(item) for item in value or []}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (choice, " selected" if str(choice) in selected else "", label)
                for choice, label in self.choices
            ),
        )
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs.pop("multiple", None)
        return format_html(
            '<select name="{}" multiple{}>{}</select>',
            name,
            flatatt(final_attrs),
            options,
        )


@extend_schema_field({"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR})
class YearFilter(django_filters.NumberFilter):
    """A whole year within a sane range (larger numbers overflow the column)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        super().__init__(*args, **kwargs)


@extend_schema_field(OpenApiTypes.STR)
class SlugChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    """Choose objects by slug (several at once)."""


class IdMultipleChoiceField(django_filters.fields.ModelMultipleChoiceField):
    """Choose objects by id; anything but a positive 64-bit number is invalid."""

    def clean(self, value):
        # Checked before the database sees them: a number past 64 bits is an error there.
        for item in value or ():
            text = str(item)
            if not DIGITS.fullmatch(text) or not 0 < int(text) <= MAX_ID:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": text},
                )
        return super().clean(value)


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = IdMultipleChoiceField


class AreaFilter(MunicipalityFilter):
    """The shared municipality filter, applied as a list of ids.

    Given municipality ids rather than a join on their codes, PostgreSQL can plan an
    index scan on (municipality, year); with the join it scans all 100 000 figures.
    """

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(municipality__in=value.ids)


class ColumnListField(django_filters.fields.BaseCSVField):
    """Comma-separated column names, none of them empty ("?ordering=," names none).

    The OpenAPI schema lists the allowed names, so an empty one is refused with 400
    rather than ignored: what the API accepts is what its schema says.
    """

    def clean(self, value):
        if value and any(item == "" for item in value):
            raise ValidationError(
                _("Ange kolumner åtskilda med kommatecken, utan tomma namn."),
                code="empty_column",
            )
        return super().clean(value)


class StableOrderingFilter(django_filters.OrderingFilter):
    """Sort by the chosen columns, then by id, so that pages never overlap."""

    base_field_class = ColumnListField

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.order_by(*[self.get_ordering_value(param) for param in value], "pk")


def published_events(request=None):
    return Event.objects.public().only("pk", "slug", "title").order_by("-date", "title")


def measure_choices() -> tuple[tuple[str, str], ...]:
    """Return (slug, "name (unit)") of the public measures, by name.

    Kept until the content changes: the explorer's form shows them and the filter
    validates against them, neither with a query of its own once they are kept.
    """

    def read():
        units = {value: str(label) for value, label in KeyFigure.Unit.choices}
        rows = Measure.objects.public().values_list("slug", "name", "unit")
        return tuple(
            (slug, f"{name} ({units.get(unit, unit)})") for slug, name, unit in rows
        )

    return cached_until_content_changes("analysis:measure-choices", read)


class ChoicesReadOnceField(django_filters.fields.MultipleChoiceField):
    """A multiple choice whose (callable) choices are read once per validation,
    not once per value given."""

    def validate(self, value):
        forms.Field.validate(self, value)
        valid = {str(choice) for choice, _label in self.choices}
        for item in value:
            if str(item) not in valid:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )


class ChoicesReadOnceFilter(django_filters.MultipleChoiceFilter):
    field_class = ChoicesReadOnceField


def published_sessions(request=None):
    return Session.objects.public()


class KeyFigureFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("year_from"), cleaned.get("year_to")
        # An empty result would look like "no figures": say what is wrong instead.
        if first is not None and last is not None and first > last:
            self.add_error("year_to", _("”Till år” kan inte vara före ”Från år”."))
        return cleaned


class KeyFigureFilterSet(django_filters.FilterSet):
    measure = ChoicesReadOnceFilter(
        field_name="measure__slug",
        choices=measure_choices,
        error_messages={"invalid_choice": _("Okänt mått: %(value)s.")},
        distinct=False,
        widget=FastSelectMultiple(attrs={"size": 8}),
        label=_("Mått"),
        help_text=_(
            "Ett eller flera; ett mått ger diagram. I API:t anges måttets slug."
        ),
    )
    # A figure has one area, so no DISTINCT (which is slow over 100 000 rows).
    municipality = AreaFilter(
        field_name="municipality__code",
        distinct=False,
        widget=FastSelectMultiple(attrs={"size": 8}),
        help_text=_(
            "Kommunkod, namn (med eller utan ”kommun”) eller 'gr'; "
            "0000 eller 'riket' för hela landet."
        ),
    )
    scope = django_filters.MultipleChoiceFilter(
        choices=KeyFigure.Scope.choices,
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Områdestyp"),
        help_text=_("Kommun, Göteborgsregionen som helhet eller Riket."),
    )
    event = SlugChoiceFilter(
        field_name="event__slug",
        distinct=False,
        queryset=published_events,
        to_field_name="slug",
        widget=FastSelectMultiple(attrs={"size": 8}),
        label=_("Evenemang"),
        help_text=_("Ett eller flera. I API:t anges evenemangets slug."),
    )
    session = IdChoiceFilter(
        queryset=published_sessions,
        distinct=False,
        widget=forms.MultipleHiddenInput,
        label=_("Programpunkt"),
        help_text=_("Programpunktens id."),
    )
    year_from = YearFilter(
        field_name="year",
        lookup_expr="gte",
        label=_("Från år"),
        help_text=_("Till exempel 2018."),
    )
    year_to = YearFilter(
        field_name="year",
        lookup_expr="lte",
        label=_("Till år"),
        help_text=_("Till exempel 2024."),
    )
    unit = django_filters.MultipleChoiceFilter(
        choices=KeyFigure.Unit.choices,
        distinct=False,
        label=_("Enhet"),
        widget=forms.CheckboxSelectMultiple,
    )
    qualifier = django_filters.MultipleChoiceFilter(
        choices=QUALIFIER_CHOICES,
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
        method="filter_qualifier",
        label=_("Precisering"),
        help_text=_("I API:t: exact, just_under, just_over, about, at_least, at_most."),
    )
    review_status = django_filters.MultipleChoiceFilter(
        choices=ReviewStatus.choices,
        distinct=False,
        label=_("Granskning"),
        widget=forms.CheckboxSelectMultiple,
    )
    label = django_filters.CharFilter(
        field_name="label",
        max_length=255,
        label=_("Mått (exakt)"),
        help_text=_("Exakt det som mäts, för jämförelser."),
    )
    q = django_filters.CharFilter(
        field_name="label",
        lookup_expr="icontains",
        max_length=200,
        label=_("Sök i vad som mäts"),
    )
    ordering = StableOrderingFilter(
        fields=ORDERING_FIELDS,
        label=_("Sortering"),
        help_text=_("I API:t: kolumnens namn, med minus före för fallande ordning."),
    )

    class Meta:
        model = KeyFigure
        fields = []
        form = KeyFigureFilterForm

    def get_form_class(self):
        return form_class_of(type(self))

    def filter_qualifier(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            qualifier__in=["" if item == EXACT else item for item in value]
        )


@functools.lru_cache(maxsize=256)
def form_class_of(filterset_class):
    """Return the form class of a FilterSet class, built once per process.

    django-filter builds a new form class, and a new field for each filter, on every
    request. A form deep-copies its class's fields when it is made, as any Django form
    does, so one class serves every request.
    """
    fields = {
        # The field of a copy: a field built by a class's own filter would be stored on
        # it, and deep-copied with it by every FilterSet made afterwards.
        name: copy.deepcopy(filter_).field
        for name, filter_ in filterset_class.base_filters.items()
    }
    # The base form django-filter would use: Meta.form, or Django's Form.
    base = getattr(getattr(filterset_class, "Meta", None), "form", forms.Form)
    return type(f"{filterset_class.__name__}Form", (base,), fields)


def given_filters(filterset_class, params) -> frozenset[str]:
    """Return the names of the filters that the query parameters give a value.

    A filter reads the parameter of its name, or with a multi-part widget (a range)
    parameters that start with its name and "_": those count too. An empty value
    (`?municipality=`, what a form sends for a field left alone) gives nothing.
    """
    given = [param for param in params if any(params.getlist(param))]
    return frozenset(
        name
        for name in filterset_class.base_filters
        if any(param == name or param.startswith(name + "_") for param in given)
    )


@functools.lru_cache(maxsize=256)
def narrowed(filterset_class, names: frozenset[str]):
    """Return a subclass of ``filterset_class`` with just the named filters.

    Made once per combination (and process); the filters keep their order, so errors
    come out in the order the full FilterSet gives them.
    """
    subclass = type(filterset_class.__name__, (filterset_class,), {})
    subclass.base_filters = {
        name: filter_
        for name, filter_ in filterset_class.base_filters.items()
        if name in names
    }
    return subclass


def key_figure_filterset(data, *, queryset, request=None) -> KeyFigureFilterSet:
    """Return a KeyFigureFilterSet of just the filters whose parameters ``data`` gives.

    An absent parameter filters nothing and cannot be invalid (each filter passes an
    empty value through), so copying, building and cleaning its filter is work for
    nothing: for the 13 filters that was a tenth of an explorer page. The result
    filters, validates and reports errors as the full FilterSet does (tests/analysis/
    test_filters.py compares them); the API's filter backend narrows the same way.
    """
    filterset_class = narrowed(
        KeyFigureFilterSet, given_filters(KeyFigureFilterSet, data)
    )
    return filterset_class(data, queryset=queryset, request=request)
