"""Benchmark the public search on the current database and print figures.

Prints timings, asserts nothing. Uses the database DATABASE_URL points at; when it holds
fewer than 100 000 published key figures, generated demo data are written there first
(`generate_demo_data --replace --all-published`, once).

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
KEY_FIGURES = 100_000
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


def configure() -> None:
    os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    os.environ.setdefault("PAGE_CACHE", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conference.settings")


def prepare() -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.db import connection

    from conference.models import KeyFigure

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # the page's links
    if KeyFigure.objects.public().count() < KEY_FIGURES:
        print(f"Generating {KEY_FIGURES} published key figures (once)...", flush=True)
        started = time.perf_counter()
        call_command(
            "generate_demo_data",
            replace=True,
            key_figures=KEY_FIGURES,
            all_published=True,
        )
        print(f"  took {time.perf_counter() - started:.1f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


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
    configure()
    prepare()
    run(args.requests)


if __name__ == "__main__":
    main()
