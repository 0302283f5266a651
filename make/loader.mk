# The conference loader: benchmark (prints figures; nothing is asserted).
.PHONY: bench-loader
LOADER_BENCH_URL ?= postgres://postgres@127.0.0.1:5432/gr_loader_bench

bench-loader: venv
	DATABASE_URL=$(LOADER_BENCH_URL) $(BIN)/python scripts/bench_loader.py

# The loader's score on the corpus with gold files (prints figures; nothing is asserted).
.PHONY: loader-score
loader-score: venv
	$(BIN)/python scripts/loader_score.py
