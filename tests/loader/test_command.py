"""`load_conference` with several documents, folders, web addresses, --date and --title."""

import datetime
import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from conference.models import Event

from .conftest import FIXTURES, SEED
from .http_server import serving

pytestmark = pytest.mark.django_db

HTML = FIXTURES / "skolforum-2025.html"
TEXT = FIXTURES / "temadag-halsa-2023.txt"
UNDATED = (
    "Dokumentation\n\nNätverksträff för studie- och yrkesvägledare\n\n"
    "Vägledare från flera kommuner träffades för att dela erfarenheter.\n\n"
    "Digitala verktyg – Sara Lind\n\n"
    "Sara Lind, vägledare på Lerums kommun, visade hur eleverna använder verktygen.\n"
)


def run(*arguments) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("load_conference", *map(str, arguments), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def failure(*arguments) -> tuple[str, str]:
    err = StringIO()
    with pytest.raises(CommandError) as error:
        call_command(
            "load_conference", *map(str, arguments), stdout=StringIO(), stderr=err
        )
    return str(error.value), err.getvalue()


def titles() -> list[str]:
    return sorted(Event.objects.values_list("title", flat=True))


def test_load_conference_loads_several_files_each_with_its_report():
    out, _ = run(SEED, HTML, TEXT)

    assert (
        out.count("Inläsning klar:"),
        out.splitlines()[-1],
        Event.objects.count(),
    ) == (
        3,
        "3 av 3 dokument lästes in",
        3,
    )


def test_load_conference_loads_the_documents_of_a_folder_in_name_order(tmp_path):
    shutil.copy(TEXT, tmp_path / "b-temadag.txt")
    shutil.copy(HTML, tmp_path / "a-skolforum.HTML")
    (tmp_path / "a-skolforum.gold.json").write_text("{}", encoding="utf-8")

    out, _ = run(tmp_path)

    heads = [line for line in out.splitlines() if line.startswith("Inläsning klar")]
    assert heads == [
        "Inläsning klar: a-skolforum.HTML",
        "Inläsning klar: b-temadag.txt",
    ]


def test_load_conference_loads_the_rest_when_one_document_fails(tmp_path):
    broken = tmp_path / "program.pdf"
    broken.write_bytes(b"%PDF-1.7\n")

    message, err = failure(HTML, broken, TEXT)

    assert (message, err.strip(), Event.objects.count()) == (
        "2 av 3 dokument lästes in, 1 misslyckades: program.pdf",
        "Misslyckades: program.pdf är en PDF-fil; spara den som text eller HTML",
        2,
    )


def test_load_conference_dry_run_summary_says_nothing_was_saved():
    out, _ = run(HTML, TEXT, "--dry-run")

    assert (out.splitlines()[-1], Event.objects.count()) == (
        "2 av 2 dokument provlästes (inget sparades)",
        0,
    )


def test_load_conference_loads_a_web_page():
    with serving() as base:
        out, _ = run(f"{base}/skolforum.html", f"{base}/temadag.txt")

    assert sorted(Event.objects.values_list("source_name", flat=True)) == [
        f"{base}/skolforum.html",
        f"{base}/temadag.txt",
    ]


@pytest.mark.parametrize(
    ("path", "options", "message"),
    [
        ("/program.pdf", [], "/program.pdf är application/pdf"),
        ("/stor.txt", [], "/stor.txt är större än 5 MB"),
        ("/langsam.html", ["--timeout", "0.3"], "svarade inte inom 0.3 sekunder"),
        ("/saknas", [], "Servern svarade 404"),
    ],
)
def test_load_conference_refuses_a_web_address_it_cannot_read(path, options, message):
    with serving() as base:
        error, _ = failure(f"{base}{path}", *options)

    assert (message in error, Event.objects.count()) == (True, 0)


def test_load_conference_date_and_title_from_staff_win():
    run(TEXT, "--date", "2023-10-13", "--title", "Temadagen om hälsa")

    event = Event.objects.get()
    assert (event.title, event.date) == (
        "Temadagen om hälsa",
        datetime.date(2023, 10, 13),
    )


@pytest.mark.parametrize("option", [["--date", "2023-10-13"], ["--title", "Dag"]])
def test_load_conference_date_and_title_need_exactly_one_document(option):
    message, _ = failure(HTML, TEXT, *option)

    assert (message, Event.objects.count()) == (
        "--date och --title gäller ett dokument, men 2 angavs; läs in dem ett i taget",
        0,
    )


@pytest.mark.parametrize("value", ["2023-13-01", "13/10", "2023-10-13T10:00", "igår"])
def test_load_conference_refuses_a_date_that_is_not_a_day(value):
    message, _ = failure(TEXT, "--date", value)

    assert message == (
        f"Ogiltigt datum ”{value}”: skriv det som ÅÅÅÅ-MM-DD, t.ex. 2025-03-18"
    )


def test_load_conference_refuses_a_folder_without_documents(tmp_path):
    (tmp_path / "bild.png").write_bytes(b"\x89PNG")

    message, _ = failure(tmp_path)

    assert (
        message == f"Katalogen {tmp_path} innehåller inga dokument (.txt eller .html)"
    )


def test_load_conference_refuses_too_many_documents(tmp_path):
    for number in range(501):
        (tmp_path / f"dok-{number:03}.txt").write_text("x", encoding="utf-8")

    message, _ = failure(tmp_path)

    assert (message, Event.objects.count()) == (
        "Högst 500 dokument per körning; dela upp inläsningen",
        0,
    )


def test_load_conference_loads_an_undated_document_flagged_for_review(tmp_path):
    path = tmp_path / "natverkstraff.txt"
    path.write_text(UNDATED, encoding="utf-8")

    run(path)

    event = Event.objects.get()
    assert (event.date, [f.split(":")[0] for f in event.flags][:1]) == (
        None,
        ["no_event_date"],
    )


def test_load_conference_undated_document_takes_the_staff_date(tmp_path):
    path = tmp_path / "natverkstraff.txt"
    path.write_text(UNDATED, encoding="utf-8")

    run(path, "--date", "2024-11-05")

    assert Event.objects.get().date == datetime.date(2024, 11, 5)
