import pytest

from tests.factories.site import build_conference


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Keep uploaded files of a test in its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(params=[1, 4], ids=["one", "many"])
def conference(request, db):
    return build_conference(request.param)


@pytest.fixture
def small_conference(db):
    return build_conference(1)
