"""Pagination whose count is cached per filter and content version.

Counting 100 000 published key figures costs tens of milliseconds on every page of the
explorer and the API, while the answer changes only when content does. The count is kept
in the shared cache under the SQL of the counted query (so each filter has its own) and
the content version (conference/page_cache.py), which every save changes.
"""

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from conference.page_cache import content_cached


def cached_count(queryset: QuerySet) -> int:
    """Return ``queryset.count()``, cached for the current content version."""
    unordered = queryset.order_by()
    try:
        sql, params = unordered.query.get_compiler(using=unordered.db).as_sql()
    except EmptyResultSet:
        return 0
    return content_cached(f"count:{unordered.db}:{sql}:{params!r}", unordered.count)


class CountCachingPaginator(Paginator):
    """Django's paginator, counting querysets through cached_count."""

    @cached_property
    def count(self) -> int:
        if isinstance(self.object_list, QuerySet):
            return cached_count(self.object_list)
        return super().count
