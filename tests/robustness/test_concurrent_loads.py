"""Two loads of the same document at the same time end with one consistent result.

Two `load_conference` processes start together against one database (PostgreSQL when
DATABASE_URL names it, else an SQLite file in WAL mode, as in production). Each must
either succeed or stop with a clear message (no traceback), and the database must then
hold exactly what one load gives.
"""

import json
import os
import subprocess
import sys
import uuid
from io import StringIO
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.management import call_command

from tests.robustness.snapshot import snapshot

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "conference/data/seed/motesplats-arbetsmarknad-2024.txt"


@pytest.fixture
def shared_database_url(tmp_path):
    """Return the URL of a fresh, migrated database outside the test database."""
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine == "django.db.backends.postgresql":
        base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
        name = f"gr_concurrent_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        url = f"{base}/{name}"
    else:
        url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    manage(url, "migrate", "--noinput").check_returncode()
    yield url
    if engine == "django.db.backends.postgresql":
        with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def environment(url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "conference.settings",
        "DEBUG": "1",
        "DATABASE_URL": url,
    }


def manage(url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 (fixed commands of this test)
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=environment(url),
        capture_output=True,
        text=True,
        check=False,
    )


def load_twice_at_once(url: str) -> list[tuple[int, str]]:
    command = [sys.executable, "manage.py", "load_conference", str(SEED), "--publish"]
    processes = [
        subprocess.Popen(  # noqa: S603
            command,
            cwd=REPO,
            env=environment(url),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    return [(p.wait(timeout=120), p.communicate()[1]) for p in processes]


def stored_snapshot(url: str) -> dict:
    script = "from tests.robustness.snapshot import print_snapshot; print_snapshot()"
    result = manage(url, "shell", "-v", "0", "-c", script)
    result.check_returncode()
    return json.loads(result.stdout)


@pytest.fixture
def one_load_snapshot(db):
    """What a single load of the seed stores (in the test database)."""
    call_command("load_conference", str(SEED), "--publish", stdout=StringIO())
    return json.loads(json.dumps(snapshot()))


def assert_clean_outcome(outcomes: list[tuple[int, str]]) -> None:
    for returncode, stderr in outcomes:
        assert "Traceback" not in stderr, stderr
        assert returncode == 0 or stderr.startswith("CommandError:"), stderr
    assert any(returncode == 0 for returncode, _ in outcomes)


def test_two_first_loads_at_once_store_one_event(
    shared_database_url, one_load_snapshot
):
    outcomes = load_twice_at_once(shared_database_url)
    assert stored_snapshot(shared_database_url) == one_load_snapshot
    assert_clean_outcome(outcomes)


def test_two_reloads_at_once_change_nothing(shared_database_url, one_load_snapshot):
    manage(shared_database_url, "load_conference", str(SEED), "--publish")
    outcomes = load_twice_at_once(shared_database_url)
    assert stored_snapshot(shared_database_url) == one_load_snapshot
    assert_clean_outcome(outcomes)
