"""gunicorn settings for `make serve` (and `make bench`), read from the environment.

gunicorn loads ./gunicorn.conf.py by itself when started from the repository root.
"""

import multiprocessing
import os

# Behind the reverse proxy on the same machine: listen on loopback only.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: the pages are short CPU-bound renders; the proxy buffers slow clients.
workers = int(
    os.environ.get("WEB_CONCURRENCY", str(multiprocessing.cpu_count() * 2 + 1))
)
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Restart each worker after a while, so a slow leak never grows without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
# The proxies whose X-Forwarded-Proto gunicorn believes (it then marks the request https).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Access log off by default (the proxy logs requests); GUNICORN_ACCESS_LOG=- for stdout.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Preload: the master imports Django once and each worker is a fork of it, so starting
# or recycling a worker (max_requests) costs a fork, not a second of imports. Safe
# because nothing opens a connection at import time: each worker opens its own
# database pool and Redis client on its first request.
preload_app = True
# No control socket: it lives at one fixed path per user, so two servers would collide;
# systemd (or the shell) starts and stops the server.
control_socket_disable = True
