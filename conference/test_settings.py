"""Settings for the test suite: the real settings, made fast and hermetic."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")

from conference.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
