"""`export_conference` writes record by record: the same JSON in bounded memory."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.conference import EventFactory, KeyFigureFactory
from tests.factories.sessions import SessionFactory

pytestmark = pytest.mark.django_db


def export(*arguments) -> tuple[str, list[str]]:
    out = StringIO()
    with CaptureQueriesContext(connection) as queries:
        call_command("export_conference", *arguments, stdout=out)
    return out.getvalue(), [query["sql"] for query in queries]


def event_with_figures(count: int):
    event = EventFactory()
    session = SessionFactory(event=event, loaded_values={"text": "x" * 1000})
    KeyFigureFactory.create_batch(count, event=event, session=session)
    return event


def test_compact_and_indented_exports_hold_the_same_data():
    event_with_figures(3)
    indented, _ = export()
    compact, _ = export("--indent", "0")
    assert "\n" not in compact.strip()
    assert json.loads(compact) == json.loads(indented)
    assert len(json.loads(compact)["key_figures"]) == 3


def test_an_empty_database_exports_empty_lists():
    text, _ = export()
    assert json.loads(text) == {"events": [], "people": [], "key_figures": []}


def test_key_figures_are_read_without_their_sessions_bookkeeping():
    event_with_figures(5)
    _, queries = export()
    figure_queries = [sql for sql in queries if "keyfigure" in sql.lower()]
    assert figure_queries
    assert not any("loaded_values" in sql for sql in figure_queries)


def test_the_number_of_queries_does_not_grow_with_the_key_figures():
    event_with_figures(1)
    _, few = export()
    KeyFigureFactory.create_batch(40, event=EventFactory())
    _, many = export()
    # One more event: its own few queries, none per key figure.
    assert len(many) - len(few) < 10
