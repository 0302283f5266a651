#!/usr/bin/env bash
# Serve the site the production way: collectstatic, migrate, then gunicorn.
# Every setting comes from the environment (README.md, "Configuration").
#
# With SECRET_KEY set: production mode, every protection on (HTTPS redirect, HSTS, secure
# cookies); run it behind the TLS-terminating reverse proxy.
# Without SECRET_KEY: a local trial run. A key is generated once into var/secret-key and
# kept; HTTPS redirect, HSTS and secure cookies are off so http://127.0.0.1:8000/ works.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

if [ -z "${SECRET_KEY:-}" ]; then
    mkdir -p var
    if [ ! -s var/secret-key ]; then
        (umask 077 && "$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(50))' >var/secret-key)
    fi
    SECRET_KEY="$(cat var/secret-key)"
    export SECRET_KEY
    export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-0}"
    export SECURE_COOKIES="${SECURE_COOKIES:-0}"
    export SECURE_HSTS_SECONDS="${SECURE_HSTS_SECONDS:-0}"
    echo "Trial run: SECRET_KEY from var/secret-key, no HTTPS redirect, no HSTS, cookies not Secure."
    echo "For production set SECRET_KEY (and ALLOWED_HOSTS, DATABASE_URL) in the environment."
fi
unset DEBUG
export DB_POOL="${DB_POOL:-1}"

"$BIN/python" manage.py collectstatic --noinput --verbosity 0
"$BIN/python" manage.py migrate --noinput --verbosity 1
echo "Serving on http://${GUNICORN_BIND:-127.0.0.1:8000}/ (health: /healthz/)"
exec "$BIN/gunicorn" conference.wsgi:application --config gunicorn.conf.py
