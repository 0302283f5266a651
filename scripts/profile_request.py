"""Time (and optionally profile) requests through the WSGI application, in-process.

No server, no network: the whole middleware stack and the view, as gunicorn's sync
worker calls them, so that before/after figures of one view compare well on a busy
machine. Each path is warmed up, then timed in ROUNDS rounds of N requests; the median
round is printed (the best and worst too, as a measure of the noise), and the median
CPU time of this process per request.

    .venv/bin/python scripts/profile_request.py /api/v1/key-figures/ ...
    .venv/bin/python scripts/profile_request.py -n 300 --rounds 5 /api/v1/key-figures/
    .venv/bin/python scripts/profile_request.py --profile tottime /api/v1/key-figures/

The environment chooses the database and settings (DATABASE_URL, PAGE_CACHE=0, ...),
exactly as for the server.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conference.settings")


def environ(path: str, accept: str | None) -> dict:
    path_info, _, query = path.partition("?")
    env = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8105",
        "HTTP_HOST": "127.0.0.1:8105",
        "SERVER_PROTOCOL": "HTTP/1.1",
        # As behind the TLS-terminating proxy (no redirect to HTTPS).
        "HTTP_X_FORWARDED_PROTO": "https",
        "wsgi.url_scheme": "https",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
    }
    if accept:
        env["HTTP_ACCEPT"] = accept
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("-n", type=int, default=200, help="requests per round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--accept", help="Accept header to send")
    parser.add_argument(
        "--profile",
        choices=["tottime", "cumulative"],
        help="profile one round of the last path and print the top functions",
    )
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()

    from conference.wsgi import application

    statuses = []

    def start_response(status, headers, exc_info=None):
        statuses.append(status)

    def call(path: str) -> bytes:
        body = application(environ(path, args.accept), start_response)
        content = b"".join(body)
        if hasattr(body, "close"):
            body.close()
        return content

    for path in args.paths:
        for _ in range(20):
            content = call(path)
        rounds, cpu_rounds = [], []
        for _ in range(args.rounds):
            start, cpu_start = time.perf_counter(), time.process_time()
            for _ in range(args.n):
                call(path)
            rounds.append((time.perf_counter() - start) / args.n * 1000)
            cpu_rounds.append((time.process_time() - cpu_start) / args.n * 1000)
        # CPU time of this process alone: steadier than wall time when others share
        # the machine, but without the database server's share of the work.
        print(
            f"{statistics.median(rounds):6.2f} ms/request "
            f"(best {min(rounds):.2f}, worst {max(rounds):.2f}; "
            f"Python CPU {statistics.median(cpu_rounds):.2f}) "
            f"{statuses[-1]}, {len(content)} bytes  {path}"
        )

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.n):
            call(args.paths[-1])
        profiler.disable()
        stats = pstats.Stats(profiler)
        stats.sort_stats(args.profile).print_stats(args.top)


if __name__ == "__main__":
    main()
