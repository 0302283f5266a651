"""`field__any_of=[…]`: membership in a list of ids passed as one SQL parameter.

Django's `__in` writes one placeholder per element, so every list length is a new SQL
text: a compiled query (conference/compiled.py) could not be reused and PostgreSQL could
not keep one prepared plan. Here the list travels as a single parameter:
`col = ANY(%s)` with an array on PostgreSQL, `col IN (SELECT value FROM json_each(%s))`
with a JSON array on SQLite. Both databases then use the column's index.
"""

import json
import sqlite3

from django.db.models import Lookup


class IdList(list):
    """A list of integer ids, bound as one parameter.

    psycopg sends it as an array (it adapts list subclasses like lists); SQLite, which
    has no arrays, gets JSON through the adapter registered below.
    """


sqlite3.register_adapter(IdList, json.dumps)


class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def get_prep_lookup(self):
        return IdList(int(value) for value in self.rhs)

    # `lhs` is the column as Django compiled it; the ids are always a parameter.
    def as_sql(self, compiler, connection):
        # Only SQLite and PostgreSQL are supported; this is SQLite's form.
        lhs, params = self.process_lhs(compiler, connection)
        sql = f"{lhs} IN (SELECT value FROM json_each(%s))"  # noqa: S608  # nosec B608
        return sql, (*params, self.rhs)

    def as_postgresql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", (*params, self.rhs)
