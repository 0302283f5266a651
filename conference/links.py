"""Fast URLs for the models' `get_absolute_url`.

An event page links to some fifty sessions, people and municipalities, and `reverse()`
costs tens of microseconds each (it matches the arguments against every pattern of the
view). A view's URL with the same argument names always has the same shape, so each shape
is reversed once per process, with placeholders, and later calls only fill them in.
"""

import re
from functools import lru_cache
from urllib.parse import quote

from django.urls import get_script_prefix, reverse

# Digits pass every path converter (str, slug, int), so reverse() accepts them.
_PLACEHOLDER = "9090909090{}"
# One digit after it: at most ten arguments, and a literal digit after an argument in
# the URL stays literal.
_PLACEHOLDER_RE = re.compile("9090909090([0-9])")
# The characters reverse() leaves unquoted (django.urls.resolvers, RFC 3986).
_SAFE = "!$&'()*+,;=/~:@"


@lru_cache(maxsize=64)
def _shape(view_name: str, names: tuple[str, ...], script_prefix: str) -> str:
    placeholders = {name: _PLACEHOLDER.format(i) for i, name in enumerate(names)}
    return reverse(view_name, kwargs=placeholders)


@lru_cache(maxsize=64)
def _pieces(view_name: str, names: tuple[str, ...], script_prefix: str) -> tuple:
    """The URL's text around its arguments: ("/a/", 0, "/b/", 1, "/") for names 0, 1.

    The numbers say which argument goes there, in the URL's order (not always the
    order the arguments were given in).
    """
    parts = _PLACEHOLDER_RE.split(_shape(view_name, names, script_prefix))
    return tuple(int(part) if i % 2 else part for i, part in enumerate(parts))


@lru_cache(maxsize=4096)
def _quoted(value: str) -> str:
    return quote(value, safe=_SAFE)


def link(view_name: str, **kwargs) -> str:
    """`reverse(view_name, kwargs=kwargs)`, for values that match the URL pattern."""
    pieces = _pieces(view_name, tuple(kwargs), get_script_prefix())
    values = [_quoted(str(value)) for value in kwargs.values()]
    url = pieces[0]
    for i in range(1, len(pieces), 2):
        url += values[pieces[i]] + pieces[i + 1]
    return url


def link_around(view_name: str, name: str) -> tuple[str, str]:
    """The URL before and after its one argument `name`, for building many at once.

    `prefix + str(value) + suffix` equals `link(view_name, name=value)` for values that
    need no quoting (ids), without a function call per URL.
    """
    prefix, _, suffix = _pieces(view_name, (name,), get_script_prefix())
    return prefix, suffix
