"""A load that changes content invalidates the cached public pages; one that does not, not."""

import pytest

from conference.content_version import content_version

from .conftest import FIXTURES
from .test_import import load

pytestmark = pytest.mark.django_db

SOURCE = FIXTURES / "temadag-halsa-2023.txt"


def test_reload_that_changes_a_figure_invalidates_cached_pages(
    tmp_path, django_capture_on_commit_callbacks
):
    load(SOURCE)
    edited = tmp_path / SOURCE.name
    edited.write_text(
        SOURCE.read_text(encoding="utf-8").replace("412 personer", "420 personer"),
        encoding="utf-8",
    )
    before = content_version()

    with django_capture_on_commit_callbacks(execute=True):
        report = load(edited)

    assert report.updated["key_figure"] >= 1
    assert content_version() != before


def test_unchanged_reload_keeps_cached_pages(django_capture_on_commit_callbacks):
    load(SOURCE)
    before = content_version()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        load(SOURCE)

    assert callbacks == []
    assert content_version() == before
