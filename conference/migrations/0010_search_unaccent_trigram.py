"""PostgreSQL only: search that ignores accents, and trigram similarity for typos.

- `unaccent` and `pg_trgm`: the extensions (no-ops on SQLite, which folds accents with
  a function registered on each connection, conference/search.py).
- `swedish_unaccent`: the Swedish text-search configuration with accents removed before
  stemming, so "forsorjningsstod" and "försörjningsstöd" give the same lexeme.
- The key figures' stored search vector (0008) is rebuilt with that configuration.
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

CREATE_CONFIG = [
    "CREATE TEXT SEARCH CONFIGURATION swedish_unaccent (COPY = swedish)",
    "ALTER TEXT SEARCH CONFIGURATION swedish_unaccent "
    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, swedish_stem",
]
DROP_CONFIG = ["DROP TEXT SEARCH CONFIGURATION swedish_unaccent"]


def key_figure_vector(config: str) -> list[str]:
    """Return the statements that rebuild the stored vector with ``config``."""
    return [
        "ALTER TABLE conference_keyfigure DROP COLUMN search_vector",
        f"""
        ALTER TABLE conference_keyfigure ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('{config}'::regconfig, COALESCE(label, '')), 'A')
            || setweight(
                to_tsvector('{config}'::regconfig, COALESCE(source_text, '')), 'B'
            )
        ) STORED
        """,
        "CREATE INDEX key_figure_search ON conference_keyfigure "
        "USING gin (search_vector)",
    ]


def on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("conference", "0009_document_load")]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunPython(on_postgresql(CREATE_CONFIG), on_postgresql(DROP_CONFIG)),
        migrations.RunPython(
            on_postgresql(key_figure_vector("swedish_unaccent")),
            on_postgresql(key_figure_vector("swedish")),
        ),
    ]
