import pytest

from tests.factories.site import build_conference


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Keep uploaded files and loaded documents of a test in its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "documents"},
        },
    }


@pytest.fixture(params=[1, 4], ids=["one", "many"])
def conference(request, db):
    return build_conference(request.param)


@pytest.fixture
def small_conference(db):
    return build_conference(1)
