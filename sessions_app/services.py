"""Writes on sessions beyond a form's save: reverting a session's parts."""

from datetime import datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction
from django.utils import timezone

from sessions_app.models import ContentBlock, Session, SessionSpeaker

# The parts a revert brings back with the session: its text and who took part.
RESTORED_PARTS = (ContentBlock, SessionSpeaker)


def version_end(version) -> datetime:
    """Return the last moment ``version`` of a session was current.

    One save of the admin or the loader writes the session first and its parts just
    after it, so a version's parts are those saved before the session's next version.
    """
    later = (
        Session.history.filter(id=version.id, history_date__gt=version.history_date)
        .order_by("history_date")
        .values_list("history_date", flat=True)
        .first()
    )
    if later is None:
        return timezone.now()
    return later - timedelta(microseconds=1)


def _values(instance) -> dict:
    return {
        field.attname: getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
    }


@transaction.atomic
def restore_session_parts(
    *, session: Session, version, user: AbstractBaseUser, reason: str
) -> int:
    """Make ``session``'s blocks and speakers what they were in ``version``.

    Parts added since are deleted, changed ones get their old values back, deleted ones
    come back; each write is recorded in the history with ``user`` and ``reason``.
    A speaker whose person has since been deleted (erased) stays out. Return how many
    parts changed.
    """
    as_of = version_end(version)
    changed = 0
    for model in RESTORED_PARTS:
        past = {
            part.pk: part for part in model.history.as_of(as_of).filter(session=session)
        }
        for current in model.objects.filter(session=session).exclude(pk__in=list(past)):
            _record(current, user, reason)
            current.delete()
            changed += 1
        current_values = {
            part.pk: _values(part) for part in model.objects.filter(pk__in=list(past))
        }
        for part in past.values():
            if not _person_exists(part):
                continue
            if current_values.get(part.pk) == _values(part):
                continue
            _record(part, user, reason)
            part.save()
            changed += 1
    return changed


def _person_exists(part: models.Model) -> bool:
    """Return False for a part naming a person who is gone; a block just loses them."""
    if part.person_id is None:
        return True
    person_model = part._meta.get_field("person").related_model
    if person_model.objects.filter(pk=part.person_id).exists():
        return True
    if isinstance(part, ContentBlock):
        part.person_id = None
        return True
    return False


def _record(part: models.Model, user: AbstractBaseUser, reason: str) -> None:
    """Tell simple-history who made the next write of ``part`` and why."""
    part._history_user = user
    part._change_reason = reason
