"""URLs for many rows at once: an export's 100 000 links to key-figure pages.

`reverse()` for each of 100 000 rows would be a large part of an export; a view's URL
with one id argument always has the same shape, so it is reversed once per process, with
a placeholder, and each row's id is put in its place. Everything else (the models' `get_absolute_url`) calls `reverse()`, which
also refuses an argument the URL pattern does not accept.
"""

from functools import lru_cache

from django.urls import get_script_prefix, reverse

# Digits pass every path converter (str, slug, int), so reverse() accepts them.
PLACEHOLDER = "9090909090"


def link_around(view_name: str, name: str) -> tuple[str, str]:
    """The URL before and after its one argument `name`, for building many at once.

    `prefix + str(value) + suffix` equals `reverse(view_name, kwargs={name: value})` for
    values that need no quoting (ids), without a function call per URL.
    """
    return _around(view_name, name, get_script_prefix())


@lru_cache(maxsize=64)
def _around(view_name: str, name: str, script_prefix: str) -> tuple[str, str]:
    prefix, _, suffix = reverse(view_name, kwargs={name: PLACEHOLDER}).partition(
        PLACEHOLDER
    )
    return prefix, suffix
