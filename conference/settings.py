"""Settings for the GR conference documentation site.

One module for every environment: production differs only by environment variables
(README.md, "Configuration", lists them all).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable as a list of non-empty items."""
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
# Earlier keys, still accepted for signatures. Keep the old key here when changing
# SECRET_KEY: erased people are recognised by a hash keyed with it (speakers_app.services).
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    # Only for local development (DEBUG on): never used in production.
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105  # nosec B105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    # Swagger UI's files, served as our own static files (the interactive API page).
    "drf_spectacular_sidecar",
    "simple_history",
    "conference.login_throttling.LoginThrottlingConfig",  # django-axes
    "conference",
    "sessions_app",
    "speakers_app",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session: a cached public page skips sessions, auth and the database.
    # Before CSP too: a page is stored with the policy it was sent with, which names a
    # nonce when the page used one, and such a page is never stored.
    "conference.middleware.PublicPageCacheMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: turns a locked-out login into a 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "conference.urls"

TEMPLATES = [
    # The public site and analyst pages (templates/jinja2/): see conference/templating.py.
    {
        "BACKEND": "conference.templating.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "conference.templating.environment"},
    },
    # The admin, simple-history's pages and Django's own forms.
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # `csp_nonce` for the admin's few inline tags; our own templates need none.
                "django.template.context_processors.csp",
            ],
        },
    },
]

WSGI_APPLICATION = "conference.wsgi.application"
ASGI_APPLICATION = "conference.asgi.application"

# SQLite in var/ is the embedded default; DATABASE_URL selects PostgreSQL (psycopg 3).
DEFAULT_SQLITE_PATH = VAR_DIR / "db.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE_PATH}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and immediate transactions make concurrent writers wait instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

# Connection pooling (psycopg_pool, Django >= 5.1) for PostgreSQL when DB_POOL is on:
# each process keeps DB_POOL_MIN_SIZE..DB_POOL_MAX_SIZE connections open instead of
# connecting per request. A pool and CONN_MAX_AGE > 0 exclude each other.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DB_POOL", False
):
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": int(os.environ.get("DB_POOL_MIN_SIZE", "1")),
        "max_size": int(os.environ.get("DB_POOL_MAX_SIZE", "4")),
        "timeout": int(os.environ.get("DB_POOL_TIMEOUT", "10")),
    }

# Prepared statements on PostgreSQL (DB_PREPARE_THRESHOLD, default 5): with server-side
# parameter binding, psycopg prepares a statement it has run that many times on a
# connection, and the server then skips parsing and planning it (docs/production.md,
# "Figures"). Pooled connections keep them. Set
# DB_PREPARE_THRESHOLD=off behind a pooler in transaction mode (PgBouncer), which cannot
# keep a prepared statement with its connection.
PREPARE_THRESHOLD = os.environ.get("DB_PREPARE_THRESHOLD", "5").strip().lower()
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and (
    PREPARE_THRESHOLD not in {"", "off", "none", "0", "false", "no"}
):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=int(PREPARE_THRESHOLD)
    )

# The planner's cost of a random page read (DB_RANDOM_PAGE_COST, default 1.1, set on each
# connection). PostgreSQL's default of 4 assumes spinning disks; this database fits in
# memory, and with 4 the event page's speaker query hashed all 1 016 people of the large
# data set instead of reading nine through their index (docs/production.md, "Figures").
# Empty leaves the server's setting.
RANDOM_PAGE_COST = os.environ.get("DB_RANDOM_PAGE_COST", "1.1").strip()
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and (
    RANDOM_PAGE_COST
):
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c random_page_cost={float(RANDOM_PAGE_COST)}"
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The organiser's region, as documents name it; the loader reads "GR" as the whole region.
REGION_NAMES = ("Göteborgsregionen", "GR")
REGION_ABBREVIATIONS = {"GR": "Göteborgsregionen"}

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Svenska"))]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Copies of the documents loaded from the admin, which may hold unpublished text: kept
# out of MEDIA_ROOT, which the web server serves to anyone; only the admin reads them.
DOCUMENTS_ROOT = Path(os.environ.get("DOCUMENTS_ROOT", VAR_DIR / "documents"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "documents": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": DOCUMENTS_ROOT},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

LOGIN_URL = "admin:login"

# --- Cache -------------------------------------------------------------------------------
# Redis when REDIS_URL is set (shared by every process and by management commands), local
# memory otherwise (one cache per process).
REDIS_URL = os.environ.get("REDIS_URL", "")


def redis_cache(url: str) -> dict:
    """The cache settings for the Redis at ``url`` (a function: tests use it too)."""
    return {
        # django-redis, not Django's own Redis backend: Django's builds a new client
        # object (and its table of about 170 reply parsers) for every operation, which
        # was a fifth of a cached page's cost (README, "Dependencies").
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "gr"),
        "OPTIONS": {
            # A Redis that hangs must not hang the site: after this many seconds the
            # cache counts as unavailable and pages are rendered without it.
            "SOCKET_CONNECT_TIMEOUT": float(
                os.environ.get("REDIS_CONNECT_TIMEOUT", "1")
            ),
            "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "1")),
        },
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }

# Whole-page cache for anonymous visitors (conference/middleware.py). On by default only
# with a shared cache: with one local-memory cache per process, a change saved in one
# process would leave the others serving the old page. PAGE_CACHE=1 forces it on (a
# single process); PAGE_CACHE=0 turns it off. docs/production.md, "Caching", lists
# everything that is cached.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", bool(REDIS_URL))
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "3600"))
# Each process serves the pages it served last for this many seconds after it read the
# content version, without asking Redis: a change reaches every visitor at most this
# late. 0 reads Redis on every request (conference/page_cache.py, RecentPages).
PAGE_CACHE_LOCAL_SECONDS = float(os.environ.get("PAGE_CACHE_LOCAL_SECONDS", "1"))
PAGE_CACHE_LOCAL_BYTES = int(os.environ.get("PAGE_CACHE_LOCAL_MB", "32")) * 1024 * 1024
# Counts, the explorer's charts and choice lists, kept until the content changes
# (conference/content_version.py, cached_until_content_changes). Like the page cache,
# on by default only with a shared cache, so that every process sees a change;
# QUERY_CACHE=1/0 forces it.
QUERY_CACHE_ENABLED = env_bool("QUERY_CACHE", bool(REDIS_URL))
QUERY_CACHE_TIMEOUT = int(os.environ.get("QUERY_CACHE_TIMEOUT", "3600"))

# --- Security ----------------------------------------------------------------------------
# Secure by default: with DEBUG off every protection is on; each has a variable to turn it
# off where the deployment does it elsewhere (docs/production.md lists them).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# The load balancer probes the health endpoint over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
# Trust X-Forwarded-Proto only when the proxy in front sets it and strips the client's.
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(
    os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else str(365 * 24 * 3600))
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Staff sessions end after 8 hours (a working day).
SESSION_COOKIE_AGE = 8 * 3600
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (Django's own middleware): everything from this site only, no
# inline script or style. The nonce serves the Django admin, whose templates put it on
# their few inline tags; our templates have no inline code and so render no nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Checks of `manage.py check --deploy` that are silenced on purpose:
SILENCED_SYSTEM_CHECKS = [
    # security.W021 (SECURE_HSTS_PRELOAD): the preload list is a decision for the owner
    # of the whole domain (goteborgsregionen.se), not for one site on a subdomain; set
    # SECURE_HSTS_PRELOAD=1 once the domain is submitted.
    "security.W021",
]

# --- Login throttling (django-axes) ------------------------------------------------------
# After AXES_FAILURE_LIMIT failed logins the pair (user name, address) is locked for
# AXES_COOLOFF_MINUTES: per pair, so a municipality behind one NAT address is not shut out
# by one person's typos, and an attacker cannot lock a colleague out from elsewhere.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Behind TRUSTED_PROXY_COUNT reverse proxies the client's address comes from
# X-Forwarded-For (conference/proxy.py), else from the connection.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "conference.proxy.client_ip_address"

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "GR konferensdokumentation API",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "conference.api.schema.document_answers",
        "conference.api.schema.describe_in_swedish",
    ],
}

# Logs go to stderr (gunicorn and systemd collect them); one line per record with time,
# level and logger, so security events (django.security, axes) can be filtered.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "line"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.security": {"level": "WARNING"},
        "axes": {"level": os.environ.get("AXES_LOG_LEVEL", "WARNING")},
    },
}
