"""Counts of filtered lists, and the explorer's charts, kept until the content changes.

Counting 100 000 published key figures is most of an unfiltered explorer page or API
list (docs/production.md, "Caching"), and the charts of a measure quoted 5 000 times read
its 400 newest figures, while the answers change only when content does. Each answer is kept by
cached_until_content_changes (conference/content_version.py) under what decides the
rows: the list that asks (which names its base queryset) and the query parameters its
FilterSet reads, so each filter has its own entry whatever the page or order.
"""

from collections.abc import Callable

import django_filters
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django.utils.http import urlencode

from conference.analysis.key_figure_filters import given_filters
from conference.content_version import cached_until_content_changes


def filter_key(filterset_class, params) -> str:
    """Return the query parameters that decide which rows ``filterset_class`` keeps.

    As a query string: the parameters its filters read (those given_filters names, as
    the FilterSet built for the request does), sorted by name, each with its values in
    the order given, since a single-valued filter reads the last of repeated values.
    Sorting parameters are left out: they do not change which rows match. Valid
    parameters that give the same text filter the same rows.
    """
    names = {
        name
        for name in given_filters(filterset_class, params)
        if not isinstance(
            filterset_class.base_filters[name], django_filters.OrderingFilter
        )
    }
    read = sorted(
        param
        for param in params
        if any(param == name or param.startswith(name + "_") for name in names)
    )
    return urlencode(
        [(param, value) for param in read for value in params.getlist(param)]
    )


class ListAnswers:
    """Answers about the rows of a filtered list, kept per content version under ``key``.

    ``key`` names the rows: who lists them (which decides the base queryset) and
    filter_key() of the request. None keeps nothing: for a queryset that may hold what
    the key does not say (an invalid filter's empty one).
    """

    def __init__(self, queryset: QuerySet, *, key: str | None):
        self.queryset = queryset
        self.key = key

    def get[T](self, kind: str, build: Callable[[], T]) -> T:
        if self.key is None:
            return build()
        return cached_until_content_changes(f"{kind}:{self.key}", build)

    def count(self) -> int:
        return self.get("count", self.queryset.count)


class CountCachingPaginator(Paginator):
    """Django's paginator, taking its count from ``answers`` (when given)."""

    def __init__(self, object_list, per_page, *args, answers=None, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.answers = answers

    @cached_property
    def count(self) -> int:
        if self.answers is not None:
            return self.answers.count()
        return super().count
