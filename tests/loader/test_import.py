"""The import against the real database (run on SQLite and PostgreSQL)."""

import json
import os
import subprocess
import sys
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conference.loader.importer import LoadError, import_event
from conference.loader.read import parse_source, read_source
from conference.loader.records import (
    ParsedBlock,
    ParsedEvent,
    ParsedPerson,
    ParsedSession,
)
from conference.models import Event, EventPerson, KeyFigure, ReviewStatus
from sessions_app.models import ContentBlock, Quote, Session, SessionSpeaker
from speakers_app.models import Person

from .conftest import FIXTURES, SEED

pytestmark = pytest.mark.django_db

MODELS = [
    Event,
    EventPerson,
    KeyFigure,
    Session,
    SessionSpeaker,
    ContentBlock,
    Quote,
    Person,
]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def history_counts() -> dict[str, int]:
    return {model.__name__: model.history.count() for model in MODELS}


def load(path, **options):
    source = read_source(path)
    return import_event(
        parsed=parse_source(source),
        source_name=source.name,
        checksum=source.checksum,
        **options,
    )


def test_load_seed_creates_the_records():
    report = load(SEED)

    assert counts() == {
        "Event": 1,
        "EventPerson": 4,
        "KeyFigure": 17,
        "Session": 9,
        "SessionSpeaker": 9,
        "ContentBlock": report.created["block"],
        "Quote": 11,
        "Person": 16,
    }
    assert report.created["session"] == 9


def test_load_twice_changes_nothing():
    load(SEED)
    before, history_before = counts(), history_counts()

    report = load(SEED)

    assert counts() == before
    assert history_counts() == history_before
    assert sum(report.created.values()) + sum(report.updated.values()) == 0
    assert report.unchanged["key_figure"] == 17


def test_load_records_history_with_a_change_reason():
    load(SEED)

    reasons = {
        model.__name__: set(
            model.history.values_list("history_change_reason", flat=True)
        )
        for model in (Event, Session, KeyFigure, ContentBlock, Quote, Person)
    }

    assert all(r == {f"Inläsning från {SEED.name}"} for r in reasons.values())


def test_staff_edits_survive_a_reload_and_are_reported():
    load(SEED)
    session = Session.objects.get(slug="kristina-alstam")
    session.title = "Samverkan i utsatta områden"
    session.save()
    figure = KeyFigure.objects.get(value=Decimal("3.1"))
    figure.label = "Dagar till beslut om ekonomiskt bistånd"
    figure.save()
    person = Person.objects.get(name="Martin Henning")
    person.title = "professor"
    person.save()

    report = load(SEED)

    session.refresh_from_db()
    figure.refresh_from_db()
    person.refresh_from_db()
    assert session.title == "Samverkan i utsatta områden"
    assert figure.label == "Dagar till beslut om ekonomiskt bistånd"
    assert person.title == "professor"
    assert sorted(report.kept) == sorted(
        [
            "Programpunkt kristina-alstam: fältet title",
            "Nyckeltal ”Dagar till beslut”: fältet label",
            "Person Martin Henning: fältet title",
        ]
    )


def test_staff_edited_blocks_are_kept_on_reload():
    load(SEED)
    block = ContentBlock.objects.filter(session__slug="kristina-alstam").first()
    block.text = "Omskrivet av redaktören."
    block.save()

    report = load(SEED)

    block.refresh_from_db()
    assert block.text == "Omskrivet av redaktören."
    assert "Programpunkt kristina-alstam: blocks" in report.kept


def test_edited_document_updates_what_changed(tmp_path):
    load(FIXTURES / "temadag-halsa-2023.txt")
    edited = tmp_path / "temadag-halsa-2023.txt"
    text = (FIXTURES / "temadag-halsa-2023.txt").read_text(encoding="utf-8")
    edited.write_text(
        text.replace("412 personer", "420 personer").replace(
            "Handläggningstiden var i genomsnitt 9,5 dagar.", ""
        ),
        encoding="utf-8",
    )

    report = load(edited)

    values = sorted(KeyFigure.objects.values_list("value", flat=True))
    assert Decimal(420) in values and Decimal(412) not in values
    assert Decimal("9.5") not in values
    share = KeyFigure.objects.get(value=37)
    assert "420 personer" in share.source_text  # same figure, its sentence updated
    assert report.updated["key_figure"] == 2
    assert report.deleted["key_figure"] == 1
    assert report.created["key_figure"] == 0


def test_dry_run_writes_nothing_and_reports_the_same():
    before = counts()

    dry = load(SEED, dry_run=True)

    assert counts() == before
    real = load(SEED)
    assert dry.created == real.created
    assert dry.flagged == real.flagged


def test_publish_publishes_event_and_sessions():
    load(SEED, publish=True)

    event = Event.objects.get()
    assert event.is_published is True
    assert event.published_at is not None
    assert Session.objects.filter(is_published=False).count() == 0


def test_publish_reload_keeps_staff_unpublishing():
    load(SEED, publish=True)
    Event.objects.update(is_published=False)

    load(SEED, publish=True)

    assert Event.objects.get().is_published is False


def test_anomalies_mark_records_for_review():
    load(SEED)

    figure = KeyFigure.objects.get(value=154)
    assert figure.review_status == ReviewStatus.NEEDS_REVIEW
    assert figure.flags[0].startswith("future_period: Perioden 2024")
    assert Session.objects.filter(review_status=ReviewStatus.NEEDS_REVIEW).count() == 7


def test_key_figure_areas_use_the_country_row_and_municipalities():
    load(SEED)

    national = KeyFigure.objects.get(value=197760)
    local = KeyFigure.objects.get(value=39_000_000)
    assert (national.scope, national.municipality.code, national.year) == (
        "country",
        "0000",
        2022,
    )
    assert (local.scope, local.municipality.code, local.qualifier) == (
        "municipality",
        "1384",
        "just_under",
    )


def test_error_half_way_leaves_the_database_unchanged(tmp_path):
    load(SEED)
    before = counts()
    broken = tmp_path / "trasig.txt"
    broken.write_text(
        "Dokumentation\n\nTemadag\n\nDen 4 maj 2021 arrangerade GR en dag.\n\n"
        "Pengar – Anna Berg\n\n"
        "Det kostade 999 999 999 999 999 999 miljarder kronor 2020.\n",
        encoding="utf-8",
    )

    with pytest.raises(LoadError):
        load(broken)

    assert counts() == before


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "saknas.txt", "Filen finns inte"),
        (lambda d: d, "innehåller inga dokument"),
        (lambda d: _write(d / "tom.txt", b"  \n"), "Filen är tom"),
        (lambda d: _write(d / "bild.txt", b"\x89PNG\x00\x00\x01"), "en bild (PNG)"),
        (lambda d: _write(d / "program.pdf", b"%PDF-1.7\n%\xe2\xe3"), "en PDF-fil"),
        (lambda d: _write(d / "data.bin", b"ab\x00cd\x00\x01"), "binärfil"),
    ],
)
def test_bad_input_gives_a_message_and_changes_nothing(tmp_path, make, message):
    load(SEED)
    before = counts()

    with pytest.raises(CommandError) as error:
        call_command("load_conference", str(make(tmp_path)))

    assert message in str(error.value)
    assert "\n" not in str(error.value)
    assert counts() == before


def test_command_prints_report_and_export_matches_the_documented_shape(capsys):
    call_command("load_conference", str(SEED), "--publish")
    report = capsys.readouterr().out
    call_command("export_conference")
    data = json.loads(capsys.readouterr().out)

    assert report.startswith("Inläsning klar: motesplats-arbetsmarknad-2024.txt")
    [event] = data["events"]
    assert set(event) >= {"slug", "title", "date", "organizer", "moderators"}
    assert set(event) >= {"contacts", "sessions", "quotes"}
    assert event["contacts"][0] == {
        "name": "Natalja Lipovskaja Nilsson",
        "title": "Planeringsledare",
        "phone": "031-335 51 92",
    }
    session = event["sessions"][0]
    assert set(session) >= {"slug", "title", "documented", "speakers"}
    assert set(session) >= {"municipalities", "blocks"}
    assert session["speakers"] == [{"name": "Maria Rydell", "role": "speaker"}]
    assert session["blocks"][2] == {
        "type": "bullet_list",
        "items": [
            "Utreda ekonomiska drivkrafter",
            "Översyn av regler inom försörjningsstödet",
            "Regelverkets möjligheter till kompletterande bistånd vid studier",
        ],
    }
    assert set(event["quotes"][0]) >= {"text", "person", "municipality", "session"}
    assert {"name", "title", "organization", "municipality"} <= set(data["people"][0])
    figure = next(f for f in data["key_figures"] if f["value"] == 1.4)
    assert (figure["unit"], figure["period"], figure["municipality"]) == (
        "days",
        "2023",
        "1384",
    )
    assert (
        next(f for f in data["key_figures"] if f["value"] == 197760)["municipality"]
        == "0000"
    )


def test_export_unknown_event_is_a_command_error():
    with pytest.raises(CommandError):
        call_command("export_conference", "--event", "finns-inte")


def test_load_command_dry_run_writes_nothing(capsys):
    call_command("load_conference", str(SEED), "--dry-run")

    assert capsys.readouterr().out.startswith("Provkörning (inget sparades)")
    assert counts() == dict.fromkeys(counts(), 0)


@pytest.mark.parametrize(
    "name",
    ["temadag-halsa-2023.txt", "skolforum-2025.html", "nyhet-integrationsdag-2022.txt"],
)
def test_own_documents_load_twice_with_identical_counts(name):
    load(FIXTURES / name, publish=True)
    before = counts()

    load(FIXTURES / name, publish=True)

    assert counts() == before
    assert before["Event"] == 1


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_cli_bad_path_exits_non_zero_without_traceback(tmp_path):
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/cli.sqlite3"}
    result = subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", "load_conference", str(tmp_path / "nej.txt")],
        capture_output=True,
        text=True,
        cwd=SEED.parents[3],
        env=environment,
        check=False,
    )

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"CommandError: Filen finns inte: {tmp_path / 'nej.txt'}"
    ]


def test_session_removed_from_document_is_deleted_unless_edited(tmp_path):
    load(FIXTURES / "nyhet-integrationsdag-2022.txt")
    Session.objects.filter(slug="spraket-forst").update(title="Redigerad titel")
    text = (FIXTURES / "nyhet-integrationsdag-2022.txt").read_text(encoding="utf-8")
    shorter = tmp_path / "nyhet-integrationsdag-2022.txt"
    start = text.index("Språket först")
    end = text.index("Praktik på hemmaplan")
    without = text[:start] + text[end:]
    shorter.write_text(without[: without.index("Många deltagare")], encoding="utf-8")

    report = load(shorter)

    assert Session.objects.filter(slug="spraket-forst").exists()
    assert report.kept == [
        "Programpunkt spraket-forst: finns inte längre i dokumentet men är ändrad i admin"
    ]
    assert not Session.objects.filter(documented=False).exists()
    assert report.deleted["session"] == 1


def test_new_sessions_record_their_municipalities_in_history():
    load(SEED)

    session = Session.objects.get(slug="kristina-alstam")
    record = session.history.get()
    assert sorted(m.municipality.code for m in record.municipalities.all()) == sorted(
        ["0127", "1480", "0780", "0181"]
    )


def test_corrected_title_updates_the_same_event(tmp_path):
    load(FIXTURES / "temadag-halsa-2023.txt")
    text = (FIXTURES / "temadag-halsa-2023.txt").read_text(encoding="utf-8")
    corrected = tmp_path / "temadag-halsa-2023.txt"
    corrected.write_text(
        text.replace("Temadag Hälsa och arbete", "Temadag Hälsa, arbete och vård"),
        encoding="utf-8",
    )

    load(corrected)

    event = Event.objects.get()
    assert (event.title, event.slug) == (
        "Temadag Hälsa, arbete och vård",
        "temadag-halsa-och-arbete-2023-10-12",
    )


def test_unchanged_reload_writes_nothing():
    load(FIXTURES / "skolforum-2025.html")
    load(SEED)

    with CaptureQueriesContext(connection) as reload:
        load(SEED)

    statements = [query["sql"].split()[0].upper() for query in reload.captured_queries]
    assert [s for s in statements if s in {"INSERT", "UPDATE", "DELETE"}] == []


def test_undated_event_loads_and_reloads_as_the_same_event():
    parsed = ParsedEvent(
        title="Temadag om arbete",
        slug="temadag-om-arbete",
        date=None,
        flags=["no_event_date: Inget datum för evenemanget i texten."],
        people=[ParsedPerson(name="Anna Lindgren")],
        sessions=[
            ParsedSession(
                title="Arbete i kommunen",
                slug="arbete-i-kommunen",
                speakers=[("Anna Lindgren", "speaker")],
                blocks=[ParsedBlock(kind="paragraph", text="Anna berättade.")],
            )
        ],
    )
    first = import_event(parsed=parsed, source_name="temadag.txt", checksum="a")

    again = import_event(parsed=parsed, source_name="temadag.txt", checksum="a")

    event = Event.objects.get()
    assert (event.slug, event.date) == ("temadag-om-arbete", None)
    assert (first.created["event"], again.unchanged["event"]) == (1, 1)
    assert sum(again.created.values()) + sum(again.updated.values()) == 0
    assert Session.objects.get().event == event


def test_undated_event_with_a_corrected_title_updates_the_same_event():
    parsed = ParsedEvent(title="Temadag om arbete", slug="temadag-om-arbete")
    import_event(parsed=parsed, source_name="temadag.txt", checksum="a")
    corrected = ParsedEvent(
        title="Temadag om arbete och hälsa", slug="temadag-om-a-o-h"
    )

    import_event(parsed=corrected, source_name="temadag.txt", checksum="b")

    event = Event.objects.get()
    assert (event.title, event.slug, event.date) == (
        "Temadag om arbete och hälsa",
        "temadag-om-arbete",
        None,
    )


def test_document_that_names_no_municipality_loads(tmp_path):
    source = tmp_path / "kort.txt"
    source.write_text(
        "Dokumentation\n\nTemadag om arbete\n\n"
        "Den 3 mars 2023 arrangerade GR en temadag om arbete.\n\n"
        "Del ett om arbete – Anna Lindgren\n\n"
        "Anna berättade om arbetet.\n",
        encoding="utf-8",
    )

    report = load(source)

    assert report.created["event"] == 1
    person = Person.objects.get(name="Anna Lindgren")
    assert person.municipality is None
    assert not Session.objects.get().municipalities.exists()
