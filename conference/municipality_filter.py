"""The municipality filter every list shares: by code, name or slug, several at once.

"gr" stands for all of GR's member municipalities, "0000" (or "riket") for the whole country.
Unknown values make the form invalid with a message naming them, never an error page.

The municipalities are reference data: one query reads what the filter needs (choices,
spellings, members, ids), kept in the shared cache until the content changes (any save,
a Municipality's too) when the query cache is on. A filter's field reads it once to turn
what was asked for into codes and ids (ChosenAreas), which the filter then applies.
"""

import re
from dataclasses import dataclass
from functools import partial

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _

from conference.content_version import cached_until_content_changes
from conference.models import NATIONAL_CODE, Municipality

GR_MEMBERS = "gr"
# "Kungsbacka kommun" is Kungsbacka: the official name with its suffix, as people write it.
NAME_SUFFIX = " kommun"
# "Kungsbacka (1384)": a choice's label, as the explorer's picker offers it.
LABEL_WITH_CODE = re.compile(r".*\(([0-9]{4})\)")


def spelling_key(text: str) -> str:
    """Return how a typed municipality is looked up: any case, spaces collapsed."""
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class MunicipalityIndex:
    """What the filter knows of the municipalities, as plain (picklable) data."""

    choices: tuple[tuple[str, str], ...]  # (code, label), members first, then by name
    lookup: dict[str, str]  # every accepted spelling (code, slug, name) -> code
    member_codes: frozenset[str]
    ids: dict[str, int]  # code -> primary key

    @classmethod
    def read(cls) -> "MunicipalityIndex":
        rows = Municipality.objects.order_by("-gr_member", "name").values_list(
            "pk", "code", "name", "slug", "level", "gr_member"
        )
        choices, lookup, members, ids = [], {}, set(), {}
        for pk, code, name, slug, level, gr_member in rows:
            choices.append(
                (code, f"{name} ({code})" if level == "municipality" else name)
            )
            lookup[code] = code
            lookup[slug] = code
            lookup[spelling_key(name)] = code
            if gr_member:
                members.add(code)
            ids[code] = pk
        return cls(tuple(choices), lookup, frozenset(members), ids)

    def code_for(self, text: str) -> str | None:
        """Return the code a typed value names, or None: a code, slug or name, with or
        without " kommun", or a choice's label ("Kungsbacka (1384)").

        "gr" is not a municipality and names none; "riket" names the country.
        """
        spelling = spelling_key(text)
        code = self.lookup.get(spelling)
        labelled = LABEL_WITH_CODE.fullmatch(spelling)
        if code is None and labelled:
            code = labelled[1]
        if code is None and spelling.endswith(NAME_SUFFIX):
            code = self.lookup.get(spelling.removesuffix(NAME_SUFFIX))
        if code is None and spelling == "riket":
            code = NATIONAL_CODE
        return code if code in self.ids else None


def municipality_index() -> MunicipalityIndex:
    return cached_until_content_changes("municipality-index", MunicipalityIndex.read)


@dataclass(frozen=True)
class ChosenAreas:
    """A municipality filter's cleaned value: the municipalities asked for.

    Truthy even when "gr" stands for no member: something was asked for, so the filter
    must keep only what matches it.
    """

    codes: frozenset[str]
    ids: tuple[int, ...]  # of the municipalities in codes, ascending


def municipality_choices() -> list[tuple[str, str]]:
    """Return (value, label) pairs: GR as a group, the country, then every municipality."""
    return [(GR_MEMBERS, _("GR:s medlemskommuner")), *municipality_index().choices]


CODE = re.compile(r"[0-9]{4}")
# At most this many chosen codes are kept in the form's choices (the filter itself
# refuses unknown values with a message).
MAX_CHOSEN = 20


# Swedish alphabetical order: å, ä and ö come after z, in that order.
SWEDISH_LETTERS = str.maketrans({"å": "z{", "ä": "z|", "ö": "z}"})


def swedish_order(name: str) -> str:
    return name.casefold().translate(SWEDISH_LETTERS)


def counted_choices(
    rows: QuerySet, relation: str, chosen: tuple[str, ...]
) -> list[tuple[str, str]]:
    """Return the choices of a list's municipality filter: only the municipalities
    that some of ``rows`` concern, each with how many ("Kungälv (3)"), GR's members
    first, and the chosen ones even without any.

    One query grouping the rows by municipality (``relation`` leads from a row to its
    municipalities), and one for the chosen municipalities when some are.
    """

    def read() -> list[tuple[str, str, bool, int]]:
        return list(
            rows.order_by()
            .prefetch_related(None)
            .filter(**{f"{relation}__isnull": False})
            .values_list(
                f"{relation}__code", f"{relation}__name", f"{relation}__gr_member"
            )
            .annotate(count=Count("pk", distinct=True))
        )

    found = {
        code: (name, member, count)
        for code, name, member, count in cached_until_content_changes(
            f"municipality-counts:{relation}", read
        )
    }
    if chosen:
        for code, name, member in Municipality.objects.filter(
            code__in=chosen
        ).values_list("code", "name", "gr_member"):
            found.setdefault(code, (name, member, 0))
    ordered = sorted(
        found.items(), key=lambda item: (not item[1][1], swedish_order(item[1][0]))
    )
    members_with_rows = any(member and count for _name, member, count in found.values())
    group = (
        [(GR_MEMBERS, _("GR:s medlemskommuner"))]
        if members_with_rows or GR_MEMBERS in chosen
        else []
    )
    return group + [(code, f"{name} ({count})") for code, (name, _m, count) in ordered]


def offer_municipalities_with_rows(filterset, name: str, relation: str) -> None:
    """Make a public list's municipality select offer only what the list can show.

    The choices are read when the form is drawn; what the filter accepts is unchanged
    (MunicipalityField validates against every municipality).
    """
    data = filterset.data
    given = data.getlist(name) if hasattr(data, "getlist") else []
    chosen = tuple(
        sorted(
            {value for value in given if CODE.fullmatch(value) or value == GR_MEMBERS}
        )
    )[:MAX_CHOSEN]
    # The filter is this filterset's own copy; the field's choices are only read
    # when the form is drawn.
    filterset.filters[name].field.choices = partial(
        counted_choices, filterset.queryset, relation, chosen
    )


class MunicipalityField(forms.MultipleChoiceField):
    """A multiple choice of municipalities that also accepts names and slugs as input.

    Cleans to ChosenAreas (or an empty list when nothing was given), reading the
    municipalities once.
    """

    default_error_messages = {
        "invalid_choice": _(
            "Okänd kommun: %(value)s. Ange kommunkod, namn (med eller utan "
            "”kommun”) eller 'gr'."
        ),
    }

    def to_python(self, value):
        if isinstance(value, str):
            value = [value]
        # An empty value is nothing asked for: the picker's box left empty beside chips.
        values = [item for item in super().to_python(value) if item.strip()]
        if not values:
            return values
        index = municipality_index()
        codes = set()
        for item in values:
            code = index.code_for(item)
            if spelling_key(item) == GR_MEMBERS:
                codes |= index.member_codes
            elif code is not None:
                codes.add(code)
            else:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        return ChosenAreas(
            frozenset(codes), tuple(sorted(index.ids[code] for code in codes))
        )

    def validate(self, value):
        # to_python has refused every unknown value; the choices need not be read.
        forms.Field.validate(self, value)


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
        qs = qs.filter(**{f"{self.field_name}__in": value.codes})
        return qs.distinct() if self.distinct else qs
