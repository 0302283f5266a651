"""The PostgreSQL connection settings take effect; SQLite gets none of them."""

import pytest
from django.db import connection

from sessions_app.models import ContentBlock
from tests.factories.sessions import SessionFactory

pytestmark = pytest.mark.django_db


def test_repeated_queries_are_prepared_on_postgresql_only():
    session = SessionFactory()
    for _ in range(6):  # DB_PREPARE_THRESHOLD is 5
        list(ContentBlock.objects.filter(session_id=session.pk).values_list("pk"))
    options = connection.settings_dict.get("OPTIONS", {})
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
                ['%FROM "sessions_app_contentblock"%'],
            )
            assert cursor.fetchone()[0] == 1
    else:
        assert "prepare_threshold" not in options


def test_postgresql_connections_plan_with_a_low_random_page_cost():
    options = connection.settings_dict.get("OPTIONS", {})
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW random_page_cost")
            assert float(cursor.fetchone()[0]) == 1.1
    else:
        assert "options" not in options
