"""Benchmark the analyst pages on PostgreSQL with 100 000 generated key figures.

Prints figures, asserts nothing: the explorer and the API list (median and p95 over N
requests through Django's test client, the whole middleware stack included), and a CSV
export of every row (time, peak memory of a separate process). With --explain it also
prints the query plans of the filtered list.

    make bench-analysis            # or: .venv/bin/python scripts/bench_analysis.py
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/gr_bench  (the default)

Targets from the issue: pages and API under 100 ms median and 250 ms p95; the full CSV
export under 5 s and 200 MB peak memory.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/gr_bench"
KEY_FIGURES = 100_000
# The first ten measures of conference/demo_data.py, as the comparison table asks.
COMPARED = [
    f"measure=genererad-{slug}"
    for slug in (
        "andel-forvarvsarbetande-2064-ar",
        "andel-oppet-arbetslosa-1664-ar",
        "andel-unga-1624-ar-som-varken-arbetar-eller-studerar",
        "andel-deltagare-i-arbete-eller-studier-efter-insats",
        "andel-elever-med-gymnasieexamen-inom-fyra-ar",
        "antal-deltagare-i-kommunala-arbetsmarknadsinsatser",
        "antal-langtidsarbetslosa",
        "antal-nyanlanda-i-etableringsuppdraget",
        "antal-hushall-med-ekonomiskt-bistand",
        "kostnad-for-arbetsmarknadsatgarder",
    )
]
REQUESTS = [
    # A trivial view, for scale: the machine's own speed and load in this run.
    ("baseline: /healthz/", "/healthz/"),
    (
        "explorer, GR members, 2018–, percent",
        "/nyckeltal/?municipality=gr&year_from=2018&unit=percent",
    ),
    (
        "explorer, one municipality, by value",
        "/nyckeltal/?municipality=1384&ordering=-value",
    ),
    ("explorer, text search", "/nyckeltal/?q=v%C3%A4ntetid&municipality=1480"),
    ("explorer, unfiltered, page 40", "/nyckeltal/?page=40"),
    (
        "explorer, one measure with charts",
        "/nyckeltal/?label=Antal+l%C3%A5ngtidsarbetsl%C3%B6sa&municipality=gr",
    ),
    (
        "explorer, a measure from the list, with charts",
        "/nyckeltal/?measure=genererad-antal-langtidsarbetslosa&municipality=gr",
    ),
    (
        "comparison table, 3 measures, GR and Riket",
        "/nyckeltal/jamfor/?"
        + "&".join([*COMPARED[:3], "municipality=gr", "municipality=riket"]),
    ),
    (
        "comparison table, 10 measures, default areas",
        "/nyckeltal/jamfor/?" + "&".join(COMPARED),
    ),
    (
        "API key figures, two municipalities",
        "/api/v1/key-figures/?municipality=1384&municipality=1480",
    ),
    ("API key figures, unfiltered", "/api/v1/key-figures/"),
    (
        "API key figures, 500 per page",
        "/api/v1/key-figures/?year_from=2020&page_size=500",
    ),
    ("API sessions, one municipality", "/api/v1/sessions/?municipality=1480"),
]


def configure(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    os.environ.setdefault("PAGE_CACHE", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conference.settings")


def ensure_database(database_url: str) -> None:
    """Create the benchmark database if it does not exist yet."""
    import psycopg

    parsed = urlparse(database_url)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
            print(f"Created database {name}.")


def prepare() -> None:
    """Migrate and, once, fill the database with the generated key figures.

    scripts/bench_search.py uses it too.
    """
    import django
    from django.core.management import call_command

    django.setup()
    from django.db import connection

    from conference.models import KeyFigure

    call_command("migrate", verbosity=0)
    # Generated before measures existed: generate again, with them.
    with_measures = KeyFigure.objects.public().filter(
        measure__slug__startswith="genererad-"
    )
    if with_measures.count() != KEY_FIGURES:
        print(f"Generating {KEY_FIGURES} published key figures (once)...", flush=True)
        started = time.perf_counter()
        call_command(
            "generate_demo_data",
            replace=True,
            key_figures=KEY_FIGURES,
            all_published=True,
        )
        print(f"  took {time.perf_counter() - started:.1f} s")
    # What autovacuum does soon after a bulk load: statistics for the planner and the
    # visibility map that lets counts use index-only scans.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def measure(client, url: str, count: int) -> tuple[list[float], list[float]]:
    """Return wall-clock and this process's CPU milliseconds of each request."""
    client.get(url)  # warm-up: template and choice caches, connection
    timings, cpu = [], []
    for _ in range(count):
        started, cpu_started = time.perf_counter(), time.process_time()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return timings, cpu


def p95(timings: list[float]) -> float:
    return statistics.quantiles(timings, n=20)[-1]


def run_requests(count: int) -> None:
    from django.test import Client

    client = Client()
    print(
        f"\n{'request':<42} {'median':>9} {'p95':>9} {'CPU med.':>9}"
        f"   (ms, n={count}; CPU = Python in this process, without PostgreSQL)"
    )
    for name, url in REQUESTS:
        timings, cpu = measure(client, url, count)
        print(
            f"{name:<42} {statistics.median(timings):9.1f} {p95(timings):9.1f}"
            f" {statistics.median(cpu):9.1f}"
        )


def peak_memory_mb() -> float:
    """Return this process's peak resident memory (VmHWM, reset by exec unlike
    ru_maxrss, which a child inherits from the parent that started it)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def export_in_this_process(export_format: str) -> None:
    """Stream one whole export and print time, bytes and peak memory (RSS)."""
    import django

    django.setup()
    from django.test import Client

    before = peak_memory_mb()
    started, cpu_started = time.perf_counter(), time.process_time()
    response = Client().get(f"/nyckeltal/export/{export_format}/")
    size = 0
    for chunk in response.streaming_content:
        size += len(chunk)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    peak = peak_memory_mb()
    print(
        f"{export_format:>9} export: {size / 1e6:5.1f} MB in {elapsed:5.2f} s "
        f"(Python CPU {cpu:5.2f} s); "
        f"peak memory {peak:.0f} MB (process before export {before:.0f} MB)"
    )


def run_export(flavour: str) -> None:
    """Measure the export in a fresh process, so its peak memory is the export's own."""
    subprocess.run(  # noqa: S603 (our own script with fixed arguments)
        [sys.executable, __file__, "--export-only", flavour],
        check=True,
        env=os.environ.copy(),
    )


def explain() -> None:
    from django.db import connection
    from django.http import QueryDict

    from conference.analysis.key_figure_filters import KeyFigureFilterSet
    from conference.analysis.selectors import key_figures_for_listing

    for name, url in REQUESTS[1:4]:
        query = QueryDict(urlparse(url).query)
        filterset = KeyFigureFilterSet(query, queryset=key_figures_for_listing())
        assert filterset.is_valid(), filterset.errors
        print(f"\n--- {name}\n{filterset.qs[:50].explain(analyze=True)}")
    print(f"\n(database: {connection.settings_dict['NAME']})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50, help="requests per URL")
    parser.add_argument("--explain", action="store_true", help="print query plans")
    parser.add_argument("--export-only", metavar="FORMAT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    configure(database_url)
    if args.export_only:
        export_in_this_process(args.export_only)
        return
    ensure_database(database_url)
    prepare()
    run_requests(args.requests)
    print("\nExports of every published figure, each in a fresh process:")
    for export_format in ("csv", "excel-csv", "json", "xlsx"):
        run_export(export_format)
    if args.explain:
        explain()


if __name__ == "__main__":
    main()
