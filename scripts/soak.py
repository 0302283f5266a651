"""Soak benchmark: the site under steady load for minutes while the loader writes.

Run with `make soak`. gunicorn (production settings, Redis page cache with the bounded
memory docs/production.md recommends) on PostgreSQL with the seed loaded; then, at the
same time and for SOAK_DURATION seconds:
- wrk on the event page (served from the page cache),
- wrk on the session page with a session cookie (never served from the cache),
- wrk on the API's key-figure list (never cached),
- wrk on the home page with a new `?utm=` value on every request (what an attacker would
  send to fill the cache),
- `load_conference --publish` over the loader's corpus, again and again (each load
  changes the content version, so cached pages are rendered anew).

Prints, per wrk run, requests, errors (non-2xx/3xx and socket errors), p50 and p99, the
loads done and failed, and Redis memory before and after. Figures, not pass/fail.

Environment: SOAK_DURATION (seconds, default 180), SOAK_CONNECTIONS (per wrk run,
default 8), SOAK_REDIS_MAXMEMORY (default 64mb), BENCH_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/gr_soak), BENCH_PORT, BENCH_REDIS_PORT.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

os.environ.setdefault(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/gr_soak"
)
os.environ.setdefault("BENCH_REDIS_PORT", "6396")

import bench_load as bench  # noqa: E402 (reads the environment set above)

DURATION = int(os.environ.get("SOAK_DURATION", "180"))
CONNECTIONS = int(os.environ.get("SOAK_CONNECTIONS", "8"))
MAXMEMORY = os.environ.get("SOAK_REDIS_MAXMEMORY", "64mb")
CORPUS = bench.REPO / "tests" / "fixtures" / "loader" / "corpus"
UNIQUE_QUERY = """
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, "/?utm=" .. counter .. "-" .. math.random(1000000000))
end
"""


def redis_memory() -> str:
    output = subprocess.run(  # noqa: S603
        [shutil.which("redis-cli") or "redis-cli", "-p", str(bench.REDIS_PORT), "info"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    used = re.search(r"used_memory_human:(\S+)", output).group(1)
    keys = re.search(r"db0:keys=(\d+)", output)
    evicted = re.search(r"evicted_keys:(\d+)", output).group(1)
    return f"{used}, {keys.group(1) if keys else 0} keys, {evicted} evicted"


def wrk(path: str, *, script: str = "", cookie: bool = False) -> subprocess.Popen:
    options = ["-H", "Cookie: sessionid=soak"] if cookie else []
    options += ["-s", script] if script else []
    command = bench.wrk_command(
        path, *options, threads=1, connections=CONNECTIONS, duration=DURATION
    )
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True)  # noqa: S603


def table_row(output: str) -> str:
    _rps, p50, p99, errors, requests = bench.wrk_figures(output)
    return f"| {requests:,} | {errors} | {p50:.1f} | {p99:.1f} |".replace(",", " ")


def keep_loading(env: dict, stop: threading.Event, outcome: dict) -> None:
    while not stop.is_set():
        result = subprocess.run(  # noqa: S603
            [bench.PYTHON, "manage.py", "load_conference", str(CORPUS), "--publish"],
            cwd=bench.REPO,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        outcome["done" if result.returncode == 0 else "failed"] += 1
        if result.returncode != 0:
            outcome["last_error"] = result.stderr.strip().splitlines()[-1:]


def main() -> None:
    redis = bench.start_redis(
        "--maxmemory", MAXMEMORY, "--maxmemory-policy", "allkeys-lru"
    )
    if redis is None:
        sys.exit("redis-server is missing")
    redis_url = f"redis://127.0.0.1:{bench.REDIS_PORT}/0"
    started = time.monotonic()
    try:
        print(f"Machine: {bench.machine()}")
        print(
            f"gunicorn {bench.WORKERS} sync workers, 4 × wrk -t1 -c{CONNECTIONS} "
            f"-d{DURATION}s, Redis maxmemory {MAXMEMORY} allkeys-lru, loader looping"
        )
        bench.recreate_database()
        env = bench.server_env(page_cache=True, redis_url=redis_url)
        bench.manage("migrate", "--noinput", env=env)
        bench.manage("collectstatic", "--noinput", env=env)
        bench.manage("load_conference", str(bench.SEED), "--publish", env=env)
        paths = dict(bench.page_paths(env))
        bench.manage("shell", "-v", "0", "-c", bench.CLEAR_CACHE, env=env)
        server = bench.start_server(env)
        before = redis_memory()
        outcome = {"done": 0, "failed": 0}
        stop = threading.Event()
        loader = threading.Thread(target=keep_loading, args=(env, stop, outcome))
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
            script.write(UNIQUE_QUERY)
            script.flush()
            try:
                runs = {
                    "event page (page cache)": wrk(paths["event page"]),
                    "session page (cookie: uncached)": wrk(
                        paths["session page"], cookie=True
                    ),
                    "API key-figure list (uncached)": wrk("/api/v1/key-figures/"),
                    "home page, new ?utm= each request": wrk("/", script=script.name),
                }
                loader.start()
                outputs = {name: run.communicate()[0] for name, run in runs.items()}
            finally:
                stop.set()
                if loader.is_alive():
                    loader.join()
                after = redis_memory()
                bench.stop_server(server)
    finally:
        redis.terminate()
        redis.wait(timeout=10)
    print()
    print("| wrk run | requests | errors | p50 ms | p99 ms |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, output in outputs.items():
        print(f"| {name} {table_row(output)}")
    print()
    print(
        f"Loader runs over {CORPUS.name}/: {outcome['done']} done, "
        f"{outcome['failed']} failed {outcome.get('last_error', '')}"
    )
    print(f"Redis before: {before}")
    print(f"Redis after:  {after}")
    print(f"\nTotal time: {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
