"""The history rows a load writes: one per created or changed record, with its values."""

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from simple_history.models import HistoricalRecords

from conference.models import Event, KeyFigure
from sessions_app.models import Session
from speakers_app.models import Person

from .conftest import FIXTURES, SEED
from .test_import import MODELS, load

pytestmark = pytest.mark.django_db

REASON = f"Inläsning från {SEED.name}"


def tracked_values(obj, record) -> tuple[dict, dict]:
    names = [field.attname for field in type(record).tracked_fields]
    return (
        {name: getattr(obj, name) for name in names},
        {name: getattr(record, name) for name in names},
    )


def test_every_created_record_has_one_history_row_with_its_values():
    load(SEED)

    for model in MODELS:
        for obj in model.objects.all():
            record = obj.history.get()
            live, copied = tracked_values(obj, record)
            assert copied == live, model.__name__
            assert (
                record.history_type,
                record.history_change_reason,
                record.history_user,
            ) == ("+", REASON, None)


def test_changed_records_get_a_change_row_with_the_new_values(tmp_path):
    source = FIXTURES / "temadag-halsa-2023.txt"
    load(source)
    edited = tmp_path / source.name
    edited.write_text(
        source.read_text(encoding="utf-8").replace("412 personer", "420 personer"),
        encoding="utf-8",
    )

    report = load(edited)

    assert report.updated["key_figure"] >= 1
    changed = KeyFigure.objects.get(value=420)
    latest, first = changed.history.order_by("-history_id")[:2]
    assert (first.history_type, latest.history_type) == ("+", "~")
    assert "412 personer" in first.source_text
    live, copied = tracked_values(changed, latest)
    assert copied == live
    event = Event.objects.get()
    assert event.history.latest("history_id").source_checksum == event.source_checksum


def test_new_and_changed_people_in_one_load_get_their_own_history_types(tmp_path):
    load(SEED)
    edited = tmp_path / SEED.name
    text = SEED.read_text(encoding="utf-8")
    edited.write_text(
        text.replace(
            "professor i ekonomisk geografi", "professor i kulturgeografi"
        ).replace(
            "Kontakt\n",
            "Ny del – Vera Holmqvist\n\n"
            "Vera Holmqvist, samordnare på Lerums kommun, berättade.\n\nKontakt\n",
        ),
        encoding="utf-8",
    )

    load(edited)

    henning = Person.objects.get(name="Martin Henning")
    new = Person.objects.get(name="Vera Holmqvist")
    second_role = "och programledare för Swedish Mobility Lab"
    assert list(
        henning.history.order_by("history_id").values_list("history_type", "title")
    ) == [
        ("+", f"professor i ekonomisk geografi {second_role}"),
        ("~", f"professor i kulturgeografi {second_role}"),
    ]
    assert list(new.history.values_list("history_type", flat=True)) == ["+"]


def test_new_sessions_history_rows_hold_their_municipalities():
    load(SEED)

    for session in Session.objects.prefetch_related("municipalities"):
        record = session.history.get()
        assert {m.municipality_id for m in record.municipalities.all()} == {
            m.pk for m in session.municipalities.all()
        }


def test_history_names_the_user_of_the_request_that_loads():
    user = get_user_model().objects.create_user(username="redaktor", password="pw")
    request = RequestFactory().get("/")
    request.user = user
    HistoricalRecords.context.request = request
    try:
        load(SEED)
    finally:
        del HistoricalRecords.context.request

    assert {p.history.get().history_user for p in Person.objects.all()} == {user}
