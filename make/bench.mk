# `make bench`: load benchmark (gunicorn + PostgreSQL + wrk), prints a table of figures.
# About 12 minutes; BENCH_DURATION=5 make bench for a quick trial. See scripts/bench_load.py.
.PHONY: bench

bench: venv
	@command -v wrk >/dev/null 2>&1 || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
	$(BIN)/python scripts/bench_load.py

# `make soak`: minutes of steady load (cached and uncached pages, the API, unique query
# strings) while the loader writes; prints errors, p50/p99 and Redis memory before and
# after. SOAK_DURATION=30 make soak for a quick trial. See scripts/soak.py.
.PHONY: soak

soak: venv
	@command -v wrk >/dev/null 2>&1 || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
	$(BIN)/python scripts/soak.py
