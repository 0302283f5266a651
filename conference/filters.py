"""The municipality filter every list shares: by code, name or slug, several at once.

"gr" stands for all of GR's member municipalities, "0000" (or "riket") for the whole country.
Unknown values make the form invalid with a message naming them, never an error page.

The municipalities are reference data: one query reads what the filter needs (choices,
spellings, members, ids), kept for the rest of the request and, with the query cache on,
in the shared cache until the content version changes (any save, a Municipality's too).
"""

import threading
from dataclasses import dataclass

import django_filters
from django import forms
from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from conference.models import NATIONAL_CODE, Municipality
from conference.page_cache import content_cached

GR_MEMBERS = "gr"

_request = threading.local()


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
            lookup[name.casefold()] = code
            if gr_member:
                members.add(code)
            ids[code] = pk
        return cls(tuple(choices), lookup, frozenset(members), ids)


def municipality_index() -> MunicipalityIndex:
    """Return the index, read at most once per request (and cached by content version)."""
    memo = getattr(_request, "memo", None)
    if memo is not None and "index" in memo:
        return memo["index"]
    index = content_cached("municipality-index", MunicipalityIndex.read)
    if memo is not None:
        memo["index"] = index
    return index


def _start_request_memo(**kwargs) -> None:
    _request.memo = {}


def _end_request_memo(**kwargs) -> None:
    _request.memo = None


def _forget_request_memo(**kwargs) -> None:
    memo = getattr(_request, "memo", None)
    if memo is not None:
        memo.clear()


# Only between the start and the end of a request: outside one (shell, tests calling a
# FilterSet directly) every call reads afresh. A saved or deleted municipality is seen at
# once, even by a caller whose request never signalled its end (a WSGI client that does
# not close the response).
request_started.connect(_start_request_memo, dispatch_uid="municipality_index_start")
request_finished.connect(_end_request_memo, dispatch_uid="municipality_index_end")
post_save.connect(
    _forget_request_memo, sender=Municipality, dispatch_uid="municipality_index_save"
)
post_delete.connect(
    _forget_request_memo, sender=Municipality, dispatch_uid="municipality_index_delete"
)


def municipality_choices() -> list[tuple[str, str]]:
    """Return (value, label) pairs: GR as a group, the country, then every municipality."""
    return [(GR_MEMBERS, _("GR:s medlemskommuner")), *municipality_index().choices]


def code_lookup() -> dict[str, str]:
    """Map every accepted spelling (code, slug, lower-case name) to a value of the filter."""
    return {
        GR_MEMBERS: GR_MEMBERS,
        "riket": NATIONAL_CODE,
        **municipality_index().lookup,
    }


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
        if not values:
            return values
        lookup = code_lookup()
        return [lookup.get(str(item).strip().casefold(), item) for item in values]

    def valid_value(self, value):
        # The same answer as looking through the choices, without building them.
        text = str(value)
        return text == GR_MEMBERS or text in municipality_index().ids


def codes_for(values: list[str]) -> set[str]:
    """Expand the filter's values into municipality codes ("gr" → the member codes)."""
    codes = {value for value in values if value != GR_MEMBERS}
    if GR_MEMBERS in values:
        codes |= municipality_index().member_codes
    return codes


def ids_for(values: list[str]) -> list[int]:
    """Return the primary keys of the municipalities the filter's values stand for."""
    ids = municipality_index().ids
    return sorted(ids[code] for code in codes_for(values) if code in ids)


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
