import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_health_answers_ok_when_database_answers(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response.headers["Cache-Control"]


def test_health_answers_503_when_database_is_down():
    # A separate process whose database is a port where nothing listens.
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz/');"
        "print(r.status_code, r.content.decode())"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "conference.settings",
        "DEBUG": "1",
        "ALLOWED_HOSTS": "testserver",
        "LOG_LEVEL": "CRITICAL",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:9/none?connect_timeout=2",
    }
    result = subprocess.run(  # noqa: S603 (a fixed script of this test)
        [sys.executable, "-c", script],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.strip() == '503 {"status": "error", "database": "unavailable"}'
