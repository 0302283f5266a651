"""The API against its own OpenAPI schema: generated requests, no 500, conforming answers.

Schemathesis generates requests from the schema (valid ones and invalid ones) and calls
the WSGI app in-process; every answer must be no server error and must match the schema
(status code, content type, body). Hypothesis keeps each operation to a bounded number of
examples so the whole file stays well under a minute.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from conference.models import KeyFigure, Municipality
from conference.wsgi import application
from tests.factories.conference import KeyFigureFactory
from tests.factories.sessions import SessionSpeakerFactory

pytestmark = pytest.mark.django_db

RESOURCES = ["events", "sessions", "people", "municipalities", "key-figures"]
LOOKUPS = {
    "events": "{slug}",
    "sessions": "{id}",
    "people": "{slug}",
    "municipalities": "{code}",
    "key-figures": "{id}",
}
LISTS = [f"/api/v1/{name}/" for name in RESOURCES]
DETAILS = [f"/api/v1/{name}/{LOOKUPS[name]}/" for name in RESOURCES]
CASES = [
    (path, mode)
    for path in LISTS + DETAILS
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
]
EXAMPLES = 30


@pytest.fixture
def keep_test_connection():
    """Keep the test's database connection open across in-process WSGI calls.

    Django closes connections at the end of each request; the test client switches
    that off, and so must we when schemathesis calls the WSGI app directly.
    """
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def api_schema(db, keep_test_connection):
    """Some published data of every kind, then the schema as the API serves it."""
    figure = KeyFigureFactory(municipality=Municipality.objects.get(code="1384"))
    KeyFigureFactory(
        event=figure.event,
        session=figure.session,
        municipality=None,
        scope=KeyFigure.Scope.REGION,
    )
    figure.session.municipalities.add(figure.municipality)
    SessionSpeakerFactory(session=figure.session)
    return schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)


@pytest.mark.parametrize(("path", "mode"), CASES)
def test_api_operation_conforms_to_its_schema(api_schema, path, mode):
    operation = api_schema[path]["GET"]

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def call(case):
        # Whether an event slug or session id exists depends on the data, not on the
        # schema: an unknown one is a 400 by design, so "schema-valid request accepted"
        # cannot hold. Every other check (no 500, status codes, content types, bodies,
        # invalid input rejected) runs.
        case.call_and_validate(excluded_checks=[positive_data_acceptance])

    call()
