"""Fast URLs for the models' `get_absolute_url`.

An event page links to some fifty sessions, people and municipalities, and `reverse()`
costs tens of microseconds each (it matches the arguments against every pattern of the
view). A view's URL with the same argument names always has the same shape, so each shape
is reversed once per process, with placeholders, and later calls only fill them in.
"""

from functools import lru_cache
from urllib.parse import quote

from django.urls import get_script_prefix, reverse

# Digits pass every path converter (str, slug, int), so reverse() accepts them.
_PLACEHOLDER = "9090909090{}"
# The characters reverse() leaves unquoted (django.urls.resolvers, RFC 3986).
_SAFE = "!$&'()*+,;=/~:@"


@lru_cache(maxsize=64)
def _shape(view_name: str, names: tuple[str, ...], script_prefix: str) -> str:
    placeholders = {name: _PLACEHOLDER.format(i) for i, name in enumerate(names)}
    return reverse(view_name, kwargs=placeholders)


def link(view_name: str, **kwargs) -> str:
    """`reverse(view_name, kwargs=kwargs)`, for values that match the URL pattern."""
    url = _shape(view_name, tuple(kwargs), get_script_prefix())
    for i, value in enumerate(kwargs.values()):
        url = url.replace(_PLACEHOLDER.format(i), quote(str(value), safe=_SAFE), 1)
    return url


def link_around(view_name: str, name: str) -> tuple[str, str]:
    """The URL before and after its one argument `name`, for building many at once.

    `prefix + str(value) + suffix` equals `link(view_name, name=value)` for values that
    need no quoting (ids), without a function call per URL.
    """
    url = _shape(view_name, (name,), get_script_prefix())
    prefix, suffix = url.split(_PLACEHOLDER.format(0), 1)
    return prefix, suffix
