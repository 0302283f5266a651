"""Load benchmark: gunicorn (2 workers) on PostgreSQL, driven by wrk over loopback.

Run with `make bench`. For each data set (the seed document, then the generated large set
with 100 000 key figures) the site is served twice, with the page cache on and off; each
time wrk measures a static file (the baseline, same server, same run) and four pages.
The table gives requests per second, p50 and p99 latency, errors and the ratio to the
static file (the mean of its two measurements, before and after the pages). Figures, not pass/fail: this is a benchmark, not a test.

Environment: BENCH_DURATION (seconds per measurement, default 30), BENCH_CONNECTIONS
(default 50), BENCH_THREADS (default 2), BENCH_WORKERS (default 2), BENCH_PORT (default
8105), BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/gr_bench_load),
BENCH_LARGE=0 to skip the large data set.
"""

import json
import os
import platform
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = str(REPO / ".venv" / "bin" / "python")
GUNICORN = str(REPO / ".venv" / "bin" / "gunicorn")
SEED = REPO / "conference" / "data" / "seed" / "motesplats-arbetsmarknad-2024.txt"
WRK = shutil.which("wrk") or "/usr/bin/wrk"

DURATION = int(os.environ.get("BENCH_DURATION", "30"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "50"))
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
PORT = int(os.environ.get("BENCH_PORT", "8105"))
REDIS_PORT = int(os.environ.get("BENCH_REDIS_PORT", "6395"))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/gr_bench_load"
)
BASE = f"http://127.0.0.1:{PORT}"


@dataclass
class Result:
    data_set: str
    cache: str
    name: str
    path: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int


def server_env(*, page_cache: bool, redis_url: str) -> dict[str, str]:
    """Return the production environment the server and the commands run with."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECURE_SSL_REDIRECT", "SECURE_COOKIES", "REDIS_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="conference.settings",
        DATABASE_URL=DATABASE_URL,
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DB_POOL="1",
        PAGE_CACHE="1" if page_cache else "0",
        GUNICORN_BIND=f"127.0.0.1:{PORT}",
        WEB_CONCURRENCY=str(WORKERS),
        GUNICORN_LOG_LEVEL="warning",
        LOG_LEVEL="ERROR",
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


SECRET_KEY = secrets.token_urlsafe(50)
CLEAR_CACHE = "from django.core.cache import cache; cache.clear()"


def manage(*args: str, env: dict[str, str]) -> str:
    result = subprocess.run(  # noqa: S603 (fixed commands of this script)
        [PYTHON, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(
            f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
        )
    return result.stdout


def recreate_database() -> None:
    import psycopg

    name = DATABASE_URL.rsplit("/", 1)[1]
    admin_url = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def start_redis(*options: str) -> subprocess.Popen | None:
    """Start a Redis of our own (no persistence); ``options`` go to redis-server."""
    if not shutil.which("redis-server"):
        return None
    process = subprocess.Popen(  # noqa: S603
        [
            shutil.which("redis-server"),
            "--port",
            str(REDIS_PORT),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            *options,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(0.5)
    return process


def get(path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(  # noqa: S310 (loopback URL of this script)
        BASE + path, headers={"X-Forwarded-Proto": "https", **headers}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def start_server(env: dict[str, str]) -> subprocess.Popen:
    process = subprocess.Popen(  # noqa: S603
        [GUNICORN, "conference.wsgi:application", "--config", "gunicorn.conf.py"],
        cwd=REPO,
        env=env,
        start_new_session=True,
    )
    for _ in range(100):
        time.sleep(0.2)
        try:
            if get("/healthz/")[0] == 200:
                return process
        except OSError:
            continue
    stop_server(process)
    sys.exit("gunicorn did not answer /healthz/ within 20 s")


def stop_server(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def page_paths(env: dict[str, str]) -> list[tuple[str, str]]:
    """Return (name, path) of the measured URLs, looked up in the database."""
    script = """
import json
import django
django.setup()
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db.models import Count
from sessions_app.models import Session
session = (
    Session.objects.filter(is_published=True, event__is_published=True)
    .annotate(block_count=Count("blocks"))
    .select_related("event")
    .order_by("-block_count", "pk")
    .first()
)
print(json.dumps({
    "static": staticfiles_storage.url("css/site.css"),
    "event": session.event.get_absolute_url(),
    "session": session.get_absolute_url(),
}))
"""
    found = json.loads(manage("shell", "-v", "0", "-c", script, env=env))
    # The static file first and last: on a shared machine one 30 s sample of it varies
    # by up to a third, so the baseline is the mean of both (each is printed).
    return [
        ("static file", found["static"]),
        ("event page", found["event"]),
        ("session page", found["session"]),
        ("key-figure explorer", "/nyckeltal/"),
        ("API key-figure list", "/api/v1/key-figures/"),
        (STATIC_AGAIN, found["static"]),
    ]


STATIC_AGAIN = "static file (again)"


def parse_duration_ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    factor = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]
    return float(number) * factor


def wrk_command(
    path: str,
    *options: str,
    threads=THREADS,
    connections=CONNECTIONS,
    duration=DURATION,
) -> list[str]:
    """Return the wrk command for ``path``, as the proxy would send it (https)."""
    return [
        WRK,
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--latency",
        "--timeout",
        "10s",
        "-H",
        "X-Forwarded-Proto: https",
        *options,
        BASE + path,
    ]


def run_wrk(path: str) -> tuple[float, float, float, int, int]:
    output = subprocess.run(  # noqa: S603
        wrk_command(path),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return wrk_figures(output)


def wrk_figures(output: str) -> tuple[float, float, float, int, int]:
    """Return requests/s, p50 and p99 (ms), errors and requests of wrk's output."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = parse_duration_ms(re.search(r"\s50%\s+(\S+)", output).group(1))
    p99 = parse_duration_ms(re.search(r"\s99%\s+(\S+)", output).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(match.group(1))
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        errors += sum(int(group) for group in match.groups())
    return rps, p50, p99, errors, requests


def measure(data_set: str, *, page_cache: bool, redis_url: str) -> list[Result]:
    env = server_env(page_cache=page_cache, redis_url=redis_url)
    cache = "cached" if page_cache else "uncached"
    paths = page_paths(env)
    # Start from an empty cache: commands that write in bulk send no signals.
    manage("shell", "-v", "0", "-c", CLEAR_CACHE, env=env)
    server = start_server(env)
    results = []
    try:
        for name, path in paths:
            # Check the page answers 200 (not a redirect or an error page), then warm up.
            for _ in range(3):
                status, headers, _body = get(path)
            if status != 200:
                sys.exit(f"{path} answered {status}, not 200")
            print(f"  {data_set}, {cache}: {name} {path} ...", flush=True)
            rps, p50, p99, errors, requests = run_wrk(path)
            results.append(
                Result(data_set, cache, name, path, rps, p50, p99, errors, requests)
            )
    finally:
        stop_server(server)
    return results


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory_kb = int(
        re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())[1]
    )
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory_kb // 1024 // 1024} GB RAM, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def print_table(results: list[Result]) -> None:
    print()
    print(
        "| data set | page cache | URL | req/s | p50 ms | p99 ms | errors | vs static |"
    )
    print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for result in results:
        baseline = statistics.mean(
            r.requests_per_second
            for r in results
            if r.data_set == result.data_set
            and r.cache == result.cache
            and r.name in {"static file", STATIC_AGAIN}
        )
        ratio = result.requests_per_second / baseline
        print(
            f"| {result.data_set} | {result.cache} | {result.name} "
            f"| {result.requests_per_second:,.0f} | {result.p50_ms:.1f} "
            f"| {result.p99_ms:.1f} | {result.errors} | {ratio:.1%} |".replace(",", " ")
        )


def main() -> None:
    if not Path(WRK).exists():
        sys.exit("wrk is missing: apt-get install -y wrk")
    started = time.monotonic()
    redis = start_redis()
    redis_url = f"redis://127.0.0.1:{REDIS_PORT}/0" if redis else ""
    results: list[Result] = []
    try:
        print(f"Machine: {machine()}")
        print(
            f"gunicorn {WORKERS} sync workers, wrk -t{THREADS} -c{CONNECTIONS} "
            f"-d{DURATION}s --timeout 10s over loopback, PostgreSQL with pooling, cache: "
            f"{'Redis' if redis else 'local memory per process'}"
        )
        recreate_database()
        env = server_env(page_cache=True, redis_url=redis_url)
        manage("migrate", "--noinput", env=env)
        manage("collectstatic", "--noinput", env=env)
        manage("load_conference", str(SEED), "--publish", env=env)
        for page_cache in (True, False):
            results += measure("seed", page_cache=page_cache, redis_url=redis_url)
        if os.environ.get("BENCH_LARGE", "1") != "0":
            print("  generating the large data set ...", flush=True)
            manage("generate_demo_data", env=env)
            for page_cache in (True, False):
                results += measure("large", page_cache=page_cache, redis_url=redis_url)
    finally:
        if redis:
            redis.terminate()
            redis.wait(timeout=10)
    print_table(results)
    print(f"\nTotal time: {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
