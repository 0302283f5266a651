# `make bench-analysis`: the analyst pages, API and CSV export on PostgreSQL with 100 000
# generated key figures (database gr_bench, created and filled on first run). Prints
# median/p95 per request and the export's time and peak memory. See scripts/bench_analysis.py.
# `make demo-data`: the same generated data in the database DATABASE_URL points at.
.PHONY: bench-analysis demo-data

BENCH_ANALYSIS_URL ?= postgres://postgres@127.0.0.1:5432/gr_bench

bench-analysis: venv
	BENCH_DATABASE_URL=$(BENCH_ANALYSIS_URL) $(BIN)/python scripts/bench_analysis.py --explain

demo-data: migrate
	DEBUG=1 $(BIN)/python manage.py generate_demo_data
