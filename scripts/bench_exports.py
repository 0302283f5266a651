"""Benchmark the key-figure exports: 100 000 rows to CSV and to XLSX.

Prints seconds (and megabytes) per format, asserts nothing. Runs on PostgreSQL with the
generated data of bench_analysis.py (made on first run), each export through Django's
test client in this process, streamed to the end as a browser would read it.

    .venv/bin/python scripts/bench_exports.py [--repeat N]
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/gr_bench  (the default)

Goal from issue 16: XLSX of 100 000 rows in under 5 s.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_analysis  # noqa: E402 (a script beside this one)

FORMATS = ("csv", "excel-csv", "xlsx")


def export_seconds(client, export_format: str) -> tuple[float, int]:
    started = time.perf_counter()
    response = client.get(f"/nyckeltal/export/{export_format}/")
    assert response.status_code == 200, response.status_code
    size = sum(len(chunk) for chunk in response.streaming_content)
    return time.perf_counter() - started, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per format")
    args = parser.parse_args()
    database_url = os.environ.get("BENCH_DATABASE_URL", bench_analysis.DEFAULT_URL)
    bench_analysis.configure(database_url)
    bench_analysis.ensure_database(database_url)
    bench_analysis.prepare()
    from django.test import Client

    from conference.models import KeyFigure

    client = Client()
    rows = KeyFigure.objects.public().count()
    print(
        f"\n{rows} published key figures; seconds per export (median of {args.repeat})"
    )
    for export_format in FORMATS:
        runs = [export_seconds(client, export_format) for _ in range(args.repeat)]
        seconds = statistics.median(elapsed for elapsed, _size in runs)
        print(f"{export_format:>9}: {seconds:6.2f} s  {runs[0][1] / 1e6:6.1f} MB")


if __name__ == "__main__":
    main()
