"""Settings for the test suite: the real settings, made fast and hermetic."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")

from conference.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The test client and the live server speak plain HTTP; every other protection stays on.
SECURE_SSL_REDIRECT = False
# django-axes rejects client.login()/force_login(); tests/security/test_throttling.py
# turns it on for the throttling tests.
AXES_ENABLED = False
# Pages are rendered afresh (query-count tests); tests/security/test_page_cache.py turns
# the page cache on.
PAGE_CACHE_ENABLED = False
# Every lookup asks the cache, so a change is seen at once; tests/security/
# test_page_cache.py tests the pages a process keeps for a second (RecentPages).
PAGE_CACHE_LOCAL_SECONDS = 0
# Counts and the municipality list are read afresh too (a locmem cache outlives a test's
# rolled-back data); tests/analysis/test_counts.py and tests/conference/
# test_content_version.py turn the query cache on.
QUERY_CACHE_ENABLED = False
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
