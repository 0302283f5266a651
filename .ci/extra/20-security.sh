#!/usr/bin/env bash
# Security checks: bandit over the code, pip-audit over the installed dependencies, and
# `check --deploy` with production settings (tests/security/ runs it too, with the suite).
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=.venv/bin

echo "-- bandit (config: .ci/bandit.yml; a finding is fixed or justified with '# nosec BXXX')"
"$BIN/bandit" -q -c .ci/bandit.yml -r conference sessions_app speakers_app

echo "-- pip-audit"
# pip-audit asks PyPI's JSON API about each installed version. Probe it first: where the
# machine cannot reach it, pip-audit would report "No known vulnerabilities" after
# auditing nothing, so say so plainly instead. PIP_AUDIT_STRICT=1 makes that a failure.
django_pin="$(sed -n 's/^Django==//p' requirements.txt)"
if curl -fsS --max-time 15 -o /dev/null "https://pypi.org/pypi/Django/${django_pin}/json"; then
    # --strict: a dependency that could not be audited fails the step too.
    "$BIN/pip-audit" --strict --progress-spinner off
else
    echo "NOT AUDITED: PyPI's advisory API (https://pypi.org/pypi/<name>/<version>/json) is not"
    echo "reachable from this machine; run pip-audit where it is."
    if [ "${PIP_AUDIT_STRICT:-0}" = 1 ]; then exit 1; fi
fi

echo "-- manage.py check --deploy (production settings)"
SECRET_KEY="$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    ALLOWED_HOSTS=konferens.goteborgsregionen.se DEBUG= DJANGO_SETTINGS_MODULE=conference.settings \
    DATABASE_URL=sqlite:////tmp/gr-deploy-check.sqlite3 \
    "$BIN/python" manage.py check --deploy --fail-level WARNING
