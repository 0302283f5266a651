"""Set a new content version (conference/content_version.py) when content or code changes."""

import logging

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

from conference.content_version import bump_content_version

CONTENT_APPS = {"conference", "sessions_app", "speakers_app"}

logger = logging.getLogger(__name__)


def content_changed(sender, **kwargs):
    """Set a new content version once the change is committed.

    After the commit, not before: a page rendered meanwhile from the old data would
    otherwise be stored under the new version and stay stale.
    """
    if sender._meta.app_label in CONTENT_APPS and getattr(
        sender, "changes_public_content", True
    ):
        transaction.on_commit(bump_content_version, robust=True)


def m2m_content_changed(sender, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        content_changed(sender, **kwargs)


def migrated(sender, **kwargs):
    """Set a new version after `migrate`, which every deployment runs (`make serve`).

    Pages and counts are kept under the content version alone, not under the code that
    made them: without this, pages made by the previous code (naming its static files)
    and counts by its filters would be served after a deployment until they expire.
    """
    if sender.name != "conference":
        return
    try:
        bump_content_version()
    except Exception:
        # A deployment must not fail because Redis is down; pages then expire by age.
        logger.warning("Could not set a new content version", exc_info=True)


def connect() -> None:
    """Connect the receivers (called once from ConferenceConfig.ready)."""
    post_save.connect(content_changed, dispatch_uid="content_version_post_save")
    post_delete.connect(content_changed, dispatch_uid="content_version_post_delete")
    m2m_changed.connect(m2m_content_changed, dispatch_uid="content_version_m2m_changed")
    post_migrate.connect(migrated, dispatch_uid="content_version_post_migrate")
