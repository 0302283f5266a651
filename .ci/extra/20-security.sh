#!/usr/bin/env bash
# Security checks: pip-audit over the installed dependencies, `check --deploy` with
# production settings (tests/security/ runs it too), the headers of `make serve` on real
# responses, and bandit over the code.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=.venv/bin

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

echo "-- make serve in production mode: security headers and static files on real responses"
PORT=8106
DB_FILE="$(mktemp -d)/serve-check.sqlite3"
SECRET_KEY="$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    DATABASE_URL="sqlite:///$DB_FILE" GUNICORN_BIND="127.0.0.1:$PORT" WEB_CONCURRENCY=2 \
    ALLOWED_HOSTS=127.0.0.1 setsid scripts/serve.sh >/tmp/gr-serve-check.log 2>&1 &
SERVER=$!
trap 'kill -- -"$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
    curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz/" 2>/dev/null && break
    sleep 0.5
done
fail() { echo "FAILED: $*"; cat /tmp/gr-serve-check.log; exit 1; }
headers() { curl -sS -o /dev/null -D - "$@" | tr -d '\r'; }
https=(-H "X-Forwarded-Proto: https")

plain="$(headers "http://127.0.0.1:$PORT/kommuner/")"
grep -q '^HTTP/1.1 301' <<<"$plain" || fail "plain HTTP is not redirected"
grep -qi '^location: https://127.0.0.1:8106/kommuner/' <<<"$plain" || fail "redirect target"
grep -q '^HTTP/1.1 200' <<<"$(headers "http://127.0.0.1:$PORT/healthz/")" \
    || fail "the health probe over plain HTTP must not be redirected"

page="$(headers "${https[@]}" "http://127.0.0.1:$PORT/kommuner/")"
for expected in \
    '^HTTP/1.1 200' \
    '^strict-transport-security: max-age=31536000; includeSubDomains$' \
    "^content-security-policy: default-src 'self'; script-src 'self'; style-src 'self';" \
    '^x-content-type-options: nosniff$' \
    '^x-frame-options: DENY$' \
    '^referrer-policy: same-origin$' \
    '^cross-origin-opener-policy: same-origin$'; do
    grep -qi -- "$expected" <<<"$page" || fail "public page lacks $expected"
done
grep -qi 'unsafe-inline' <<<"$page" && fail "the CSP allows unsafe-inline"

login="$(headers "${https[@]}" "http://127.0.0.1:$PORT/admin/login/")"
grep -qi '^set-cookie: csrftoken=.*; Secure' <<<"$login" || fail "CSRF cookie is not Secure"
grep -qi '^set-cookie: csrftoken=.*SameSite=Lax' <<<"$login" || fail "CSRF cookie SameSite"

css="$(curl -sS "${https[@]}" "http://127.0.0.1:$PORT/kommuner/" \
    | grep -o '/static/css/site\.[0-9a-f]\{12\}\.css' | head -1)"
[ -n "$css" ] || fail "pages do not link the hashed stylesheet"
static="$(headers "${https[@]}" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PORT$css")"
grep -qi '^content-encoding: gzip$' <<<"$static" || fail "static file is not served compressed"
grep -qi '^cache-control: max-age=315360000, public, immutable$' <<<"$static" \
    || fail "hashed static file is not cached for ever"
echo "make serve: redirect, HSTS, CSP, nosniff, frame, referrer, COOP, secure cookies, gzip and immutable static files: OK"

echo "-- bandit (config: .ci/bandit.yml; a finding is fixed or justified with '# nosec BXXX: reason')"
"$BIN/bandit" -q -c .ci/bandit.yml -r conference sessions_app speakers_app
