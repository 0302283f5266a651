"""Publish and unpublish events and sessions: the only writes of the publishing flags.

Records are saved one by one, not with ``QuerySet.update()``, so that each change
gets a history entry naming who published it.
"""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from conference.models import Event
from sessions_app.models import Session

Publishable = Event | Session


def mark_published(record: Publishable, *, published: bool) -> None:
    """Set the publishing fields of ``record`` in memory, without saving it."""
    record.is_published = published
    record.published_at = timezone.now() if published else None
    record._change_reason = (
        gettext("Publicerad") if published else gettext("Avpublicerad")
    )


@transaction.atomic
def set_published(
    *,
    records: Iterable[Publishable],
    published: bool,
    user: AbstractBaseUser | None = None,
) -> int:
    """Publish or unpublish ``records``; return how many changed state."""
    changed = 0
    for record in records:
        if record.is_published == published:
            continue
        mark_published(record, published=published)
        if user is not None:
            record._history_user = user
        record.full_clean()
        record.save()
        changed += 1
    return changed


def publish(
    *, records: Iterable[Publishable], user: AbstractBaseUser | None = None
) -> int:
    """Publish ``records`` (events or sessions); return how many were drafts."""
    return set_published(records=records, published=True, user=user)


def unpublish(
    *, records: Iterable[Publishable], user: AbstractBaseUser | None = None
) -> int:
    """Turn published ``records`` back into drafts; return how many changed."""
    return set_published(records=records, published=False, user=user)
