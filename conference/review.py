"""Review of what the loader flagged: the write that closes a review."""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext

from conference.models import LoadedRecord, ReviewStatus


@transaction.atomic
def mark_reviewed(
    *, records: Iterable[LoadedRecord], user: AbstractBaseUser | None = None
) -> int:
    """Mark ``records`` as reviewed; return how many were not reviewed before.

    The flags stay, so the history shows what was reviewed and why it was flagged.
    """
    changed = 0
    for record in records:
        if record.review_status == ReviewStatus.REVIEWED:
            continue
        record.review_status = ReviewStatus.REVIEWED
        record._change_reason = gettext("Granskad")
        if user is not None:
            record._history_user = user
        record.save()
        changed += 1
    return changed
