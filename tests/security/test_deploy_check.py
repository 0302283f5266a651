"""`manage.py check --deploy` with the production settings, as a separate process."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "conference.settings",
    "SECRET_KEY": "x7Qv-9mLk2_Zr4tWb8yNc3Hs6Jd1Fg5Pa0Ue7Io2Rl4Sk9Mn3Bv6Cx8Zq1Wy5Tt",
    "ALLOWED_HOSTS": "konferens.goteborgsregionen.se",
    "DATABASE_URL": "sqlite:////tmp/gr-deploy-check.sqlite3",
}


def run_deploy_check(**extra_env: str) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        # The browser tests' conftest sets DJANGO_ALLOW_ASYNC_UNSAFE in this process.
        if key
        not in {
            "DEBUG",
            "SECURE_SSL_REDIRECT",
            "SECURE_COOKIES",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update(PRODUCTION_ENV, **extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_deploy_check_passes_with_production_environment():
    result = run_deploy_check()
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (1 silenced)." in result.stdout


def test_deploy_check_fails_when_cookies_are_not_secure():
    result = run_deploy_check(SECURE_COOKIES="0")
    assert result.returncode == 1
    assert "security.W012" in result.stderr
    assert "security.W016" in result.stderr
