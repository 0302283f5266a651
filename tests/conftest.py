import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Keep uploaded files of a test in its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
