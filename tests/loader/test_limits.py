"""What one document may hold: over a limit it is refused in one line, nothing written."""

import os
import threading
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from conference.loader import limits
from conference.loader.read import SourceError, parse_source, read_source
from conference.models import Event, KeyFigure
from sessions_app.models import Session

DATED = "Dokumentation från Nätverksträff för vägledare, 14 maj 2024\n\n"


def source_of(tmp_path, text: str):
    path = tmp_path / "dokument.txt"
    path.write_text(text, encoding="utf-8")
    return read_source(path)


def in_time(call, seconds: float = 10):
    """Run ``call`` in a thread; fail instead of hanging when it does not return."""
    outcome = {}

    def run():
        try:
            outcome["value"] = call()
        except Exception as error:  # noqa: BLE001 - handed to the test
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "did not return"
    return outcome


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_at_once(tmp_path):
    pipe = tmp_path / "dokument.txt"
    os.mkfifo(pipe)
    outcome = in_time(lambda: read_source(pipe))
    assert isinstance(outcome["error"], SourceError)
    assert "ingen vanlig fil" in str(outcome["error"])


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_link_to_a_device_is_refused_at_once(tmp_path):
    link = tmp_path / "dokument.txt"
    link.symlink_to("/dev/zero")
    outcome = in_time(lambda: read_source(link))
    assert "ingen vanlig fil" in str(outcome["error"])


def test_a_paragraph_over_the_limit_is_refused(tmp_path):
    words = "ord " * (limits.MAX_BLOCK_CHARACTERS // 4 + 10)
    with pytest.raises(SourceError, match="ett stycke har") as error:
        parse_source(source_of(tmp_path, DATED + words))
    assert "(högst 20\u00a0000)" in str(error.value)


def test_too_many_sessions_are_refused_naming_the_repetition(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_SESSIONS", 3)
    talk = (
        "Arbete för alla – Sara Lind\n\n"
        "Sara Lind, vägledare på Lerums kommun, berättade om hur eleverna arbetar.\n\n"
    )
    with pytest.raises(SourceError) as error:
        parse_source(source_of(tmp_path, DATED + talk * 6))
    message = str(error.value)
    assert "programpunkter (högst 3)" in message
    assert "upprepar sig: samma stycke förekommer 6 gånger" in message


def test_a_document_within_the_limits_is_not_said_to_repeat(tmp_path):
    talks = "".join(
        f"Tema {n} – Sara Lind\n\nSara Lind från Lerums kommun talade om tema {n}.\n\n"
        for n in range(3)
    )
    assert parse_source(source_of(tmp_path, DATED + talks)).sessions


@pytest.mark.django_db
def test_a_refused_document_changes_nothing(tmp_path):
    path = tmp_path / "dokument.txt"
    path.write_text(DATED + "ord " * limits.MAX_BLOCK_CHARACTERS, encoding="utf-8")
    with pytest.raises(CommandError, match="ett stycke har"):
        call_command("load_conference", str(path), stdout=StringIO(), stderr=StringIO())
    assert not Event.objects.exists()
    assert not Session.objects.exists()
    assert not KeyFigure.objects.exists()
