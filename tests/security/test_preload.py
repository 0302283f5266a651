"""gunicorn preloads the application in its master process (gunicorn.conf.py).

A connection or pool opened while the application loads would be inherited by every
forked worker, which would then share one socket with each other; so loading the WSGI
application must open none. Checked in a separate process, as the master does it.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

LOAD_LIKE_THE_MASTER = """
import json
from conference.wsgi import application
from django.db import connections

print(json.dumps({
    "connections": [a for a in connections if connections[a].connection is not None],
    "pools": sorted(getattr(type(connections["default"]), "_connection_pools", {})),
}))
"""


def test_loading_the_application_opens_no_database_connection():
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="conference.settings",
        SECRET_KEY="x7Qv-9mLk2_Zr4tWb8yNc3Hs6Jd1Fg5Pa0Ue7Io2Rl4Sk9Mn3Bv6Cx8Zq1Wy5Tt",
        ALLOWED_HOSTS="127.0.0.1",
        DB_POOL="1",
    )
    # On PostgreSQL runs of the suite DATABASE_URL is set, so the pool is psycopg's.
    env.setdefault("DATABASE_URL", "sqlite:////tmp/gr-preload-check.sqlite3")
    result = subprocess.run(  # noqa: S603 (fixed command of this test)
        [sys.executable, "-c", LOAD_LIKE_THE_MASTER],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == {
        "connections": [],
        "pools": [],
    }
