"""Querysets compiled to SQL once per process, then run with new parameters.

Turning a queryset into SQL costs Django more than the database needs to answer it: on
the session page, five small queries took ~6 ms of Python to build and ~0.6 ms to run
(docs/production.md, "Figures"). The public pages ask the same queries with different
slugs and ids, so each is compiled once, from the same queryset code as everywhere else
(the publication rules stay in one place), and later calls only swap the parameters.

Only for querysets whose SQL depends on nothing but their parameters: no `now()`, and
lists only through the `any_of` lookup (conference/lookups.py), whose SQL is the same
for every length; `__in` writes a placeholder per element.
"""

import itertools
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.base import ModelState
from django.db.models.signals import post_init, pre_init

from conference.lookups import IdList

# Placeholders that stand for a parameter while the SQL is compiled: values no real
# query uses, so they can be found again among the compiled parameters.
_sentinel_numbers = itertools.count(-7_349_218_650_000)


class CompiledQuery:
    """A `values_list()` queryset, compiled once per database, run as plain SQL.

    `build(**params)` returns the queryset; `parameters` names each parameter's type
    (`str`, `int`, or `IdList` for a list used with `any_of`). Calling the object
    returns a list of dicts, one per row, keyed by the names given to `values_list()`,
    with Django's usual conversions applied.
    """

    def __init__(self, build: Callable[..., QuerySet], **parameters: type):
        self.build = build
        self.parameters = parameters
        self._compiled: dict[str, tuple] = {}

    def __call__(self, using: str = "default", **params: Any) -> list[dict]:
        sql, template, slots, names, compiler, converters = self._compile(using)
        values = list(template)
        for position, name in slots:
            values[position] = self.parameters[name](params[name])
        with connections[using].cursor() as cursor:
            cursor.execute(sql, values)
            rows = cursor.fetchall()
        if converters:
            rows = compiler.apply_converters(rows, converters)
        return [dict(zip(names, row, strict=True)) for row in rows]

    def _compile(self, using: str) -> tuple:
        # Keyed by vendor too: the test suite runs one process against either database.
        key = f"{using}:{connections[using].vendor}"
        if key not in self._compiled:
            sentinels = {
                name: _sentinel(name, kind) for name, kind in self.parameters.items()
            }
            queryset = self.build(**sentinels)
            names = list(queryset._fields) or [
                field.attname for field in queryset.model._meta.concrete_fields
            ]
            compiler = queryset.query.get_compiler(using=using)
            sql, template = compiler.as_sql()
            slots = [
                (position, name)
                for position, value in enumerate(template)
                for name, sentinel in sentinels.items()
                if value == sentinel and type(value) is type(sentinel)
            ]
            missing = set(sentinels) - {name for _, name in slots}
            if missing:
                raise ValueError(f"Parameters not found in the SQL: {sorted(missing)}")
            fields = [column[0] for column in compiler.select[: compiler.col_count]]
            converters = compiler.get_converters(fields)
            self._compiled[key] = (sql, template, slots, names, compiler, converters)
        return self._compiled[key]


def _sentinel(name: str, kind: type) -> Any:
    if kind is str:
        return f"\x1fparam-{name}\x1f"
    if kind is IdList:
        return IdList([next(_sentinel_numbers)])
    return next(_sentinel_numbers)


def columns(model: type[Model], prefix: str = "", *, skip=()) -> list[str]:
    """The `values_list()` names of a model's columns, reached through `prefix`.

    `columns(Person, "person__", skip=LOADER_FIELDS)` → "person__id", "person__name", …
    """
    return [
        prefix + (field.name if prefix else field.attname)
        for field in model._meta.concrete_fields
        if field.name not in skip
    ]


def instance[M: Model](
    model: type[M], row: dict, prefix: str = "", **related: Model | None
) -> M:
    """Build a model instance from the `prefix`-named columns of a row.

    Fields not in the row are deferred, as with `only()`: reading one would query the
    database, which the query-count tests would notice. `related` gives objects of
    foreign keys whose ids the row holds (`instance(Role, row, person=person)`); they
    are cached as select_related() caches them, without the checks of an assignment.
    """
    attnames, keys = _plan(model, prefix, tuple(row))
    values = [row[key] for key in keys]
    if not _plain(model):
        obj = model.from_db("default", attnames, values)
        for name, value in related.items():
            setattr(obj, name, value)
        return obj
    # What from_db() and Model.__init__ leave behind, without walking every field and
    # sending init signals nobody listens to: 12 → 6 µs an instance (timeit).
    obj = model.__new__(model)
    obj.__dict__.update(zip(attnames, values, strict=True))
    obj._state = ModelState()
    obj._state.adding = False
    obj._state.db = "default"
    if related:
        obj._state.fields_cache.update(related)
    return obj


@lru_cache(maxsize=64)
def _plain(model: type[Model]) -> bool:
    """Whether `instance()` may skip `from_db()` and `__init__` for this model.

    Decided on first use, after the apps are ready and their signals connected.
    """
    return (
        model.from_db.__func__ is Model.from_db.__func__
        and model.__init__ is Model.__init__
        and not pre_init.has_listeners(model)
        and not post_init.has_listeners(model)
    )


@lru_cache(maxsize=256)
def _plan(model: type[Model], prefix: str, row_keys: tuple[str, ...]) -> tuple:
    """Which row keys fill which fields, worked out once per query and model."""
    attnames, keys = [], []
    for field in model._meta.concrete_fields:
        key = prefix + (field.name if prefix else field.attname)
        if key in row_keys:
            attnames.append(field.attname)
            keys.append(key)
    return attnames, keys
