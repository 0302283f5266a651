"""Invalidate the public page cache when any content changes."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from conference.page_cache import bump_content_version

CONTENT_APPS = {"conference", "sessions_app", "speakers_app"}


def content_changed(sender, **kwargs):
    """Set a new content version once the change is committed.

    After the commit, not before: a page rendered meanwhile from the old data would
    otherwise be stored under the new version and stay stale.
    """
    if sender._meta.app_label in CONTENT_APPS:
        transaction.on_commit(bump_content_version, robust=True)


def m2m_content_changed(sender, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        content_changed(sender, **kwargs)


def connect() -> None:
    """Connect the receivers (called once from ConferenceConfig.ready)."""
    post_save.connect(content_changed, dispatch_uid="page_cache_post_save")
    post_delete.connect(content_changed, dispatch_uid="page_cache_post_delete")
    m2m_changed.connect(m2m_content_changed, dispatch_uid="page_cache_m2m_changed")
