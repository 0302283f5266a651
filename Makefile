# The two commands a newcomer needs: `make run` and `make test`. See README.md.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
SEED := conference/data/seed/motesplats-arbetsmarknad-2024.txt
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/gr_conference

# The first interpreter that is Python 3.12 or newer (pyenv shims that cannot run are skipped).
PYTHON := $(shell for p in python3.13 python3.12 python3.14 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { echo $$p; break; }; done)

.PHONY: run test venv lint check-python migrate seed test-postgres browser-deps

check-python:
	@if [ -z "$(PYTHON)" ]; then \
		echo "Python 3.12 or newer is needed (Django 6). Tried python3.13, python3.12, python3.14, python3."; \
		echo "Install one (for example 'pyenv install 3.13') and run make again."; \
		exit 1; fi

$(BIN)/.installed: requirements.txt requirements-dev.txt | check-python
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

venv: $(BIN)/.installed

migrate: venv
	DEBUG=1 $(BIN)/python manage.py migrate --noinput

seed: migrate
	@if DEBUG=1 $(BIN)/python manage.py help load_conference >/dev/null 2>&1; then \
		DEBUG=1 $(BIN)/python manage.py load_conference $(SEED) --publish; \
	else echo "(no loader yet: skipping the seed document)"; fi

run: seed
	@DEBUG=1 $(BIN)/python manage.py ensure_admin
	@echo "Webbplatsen:  http://$(HOST):$(PORT)/"
	@echo "Admin:        http://$(HOST):$(PORT)/admin/"
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: venv browser-deps
	$(BIN)/pytest

test-postgres: venv browser-deps
	DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest

# Browser tests drive Debian's Chromium (Playwright cannot download its own browser here).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing Debian's chromium for the browser tests..."; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "The browser tests need Chromium: run 'sudo apt-get install -y chromium'."; exit 1; \
		fi; }
	@test -d node_modules/axe-core || npm ci --no-audit --no-fund --silent

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=conference.test_settings $(BIN)/python manage.py makemigrations --check --dry-run

# Further targets (benchmarks, screenshots, serving) live in make/*.mk, one file per topic.
-include make/*.mk
