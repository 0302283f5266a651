#!/usr/bin/env bash
# The loader: no names or numbers of its documents in its code, the seed loads twice
# unchanged, and every corpus document loads in one run of the command.
set -euo pipefail
cd "$(dirname "$0")/../.."
.venv/bin/python scripts/check_loader_independence.py
export DEBUG=1
export DATABASE_URL="sqlite:///$(mktemp -d)/loader-ci.sqlite3"
.venv/bin/python manage.py migrate --noinput -v 0
.venv/bin/python manage.py load_conference conference/data/seed/motesplats-arbetsmarknad-2024.txt --publish -v 0
.venv/bin/python manage.py load_conference conference/data/seed/motesplats-arbetsmarknad-2024.txt --publish \
    | grep -q "^  skapade: 0$"
.venv/bin/python manage.py export_conference --indent 0 | .venv/bin/python -c \
    'import json, sys; data = json.load(sys.stdin); assert data["events"] and data["key_figures"]'
.venv/bin/python manage.py load_conference tests/fixtures/loader/corpus tests/fixtures/loader/holdout -v 0
echo "loader: ok"
