"""Benchmark the public search on the current database and print figures.

Prints timings, asserts nothing. Uses the database DATABASE_URL points at, filled once with
100 000 generated published key figures as `make bench-analysis` fills its own
(scripts/bench_analysis.py, `prepare`).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gr_search_bench \
        .venv/bin/python scripts/bench_search.py [--requests 30]

For each query: how many figures the words match, the median and p95 of `search()` and
of the whole page (`/sok/?q=…` through Django's test client), and the page's queries.
Target from issue 18: a common word over 35 000 figures answers in < 50 ms.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bench_analysis  # noqa: E402 (scripts/ is on the path when run as a script)

QUERIES = [
    ("common word, 35 000 figures", "antal"),
    ("word of every figure", "genererad"),
    ("two common words", "ekonomiskt bistånd"),
    ("rare word", "feriejobb"),
    ("without accents", "vantetid"),
    ("misspelled", "handläggningstd"),
    ("municipality", "Kungsbacka"),
    ("municipality and word", "Kungsbacka bistånd"),
    ("person's name", "Fatima Nilsson"),
    ("no hit", "zebrorna"),
]


def prepare() -> None:
    """The database as bench_analysis fills it, and the static files the page links."""
    bench_analysis.configure(os.environ.get("DATABASE_URL", ""))
    bench_analysis.prepare()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def timed(function, count: int) -> list[float]:
    function()  # warm-up: connection, templates
    timings = []
    for _ in range(count):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def p95(timings: list[float]) -> float:
    return statistics.quantiles(timings, n=20)[-1]


def figures_matching(text: str) -> int:
    """Return how many public figures contain every word (case and accents ignored)."""
    from django.db.models import Q

    from conference.models import KeyFigure

    condition = Q()
    for word in text.split():
        condition &= Q(label__icontains=word) | Q(source_text__icontains=word)
    return KeyFigure.objects.public().filter(condition).count()


def run(count: int) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from conference.search import search

    client = Client()
    print(
        f"database: {connection.vendor} {connection.settings_dict['NAME']}, "
        f"n={count} per query; milliseconds"
    )
    print(
        f"\n{'query':<44} {'figures':>8} {'search med.':>12} {'p95':>8}"
        f" {'page med.':>10} {'p95':>8} {'queries':>8} {'hits':>5}"
    )
    for name, text in QUERIES:
        url = f"/sok/?q={text}"
        search_times = timed(lambda text=text: search(text), count)
        page_times = timed(lambda url=url: client.get(url), count)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        results = response.context["results"]
        print(
            f"{name + ': ' + text:<44} {figures_matching(text):>8}"
            f" {statistics.median(search_times):12.1f} {p95(search_times):8.1f}"
            f" {statistics.median(page_times):10.1f} {p95(page_times):8.1f}"
            f" {len(queries):>8} {results.total if results else 0:>5}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30, help="runs per query")
    args = parser.parse_args()
    prepare()
    run(args.requests)


if __name__ == "__main__":
    main()
