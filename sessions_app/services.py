"""Writes on sessions beyond a form's save: reverting a session's parts."""

from datetime import datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction
from django.utils import timezone

from conference.models import KeyFigure
from sessions_app.models import ContentBlock, Quote, Session, SessionSpeaker

# The parts a revert brings back with the session: its text, who took part, and the
# figures and quotes told in it.
RESTORED_PARTS = (ContentBlock, SessionSpeaker, KeyFigure, Quote)


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
    """Make ``session``'s blocks, speakers, key figures and quotes what they were in
    ``version``.

    Parts added since are deleted, changed ones get their old values back, deleted ones
    come back; each write is recorded in the history with ``user`` and ``reason``.
    A part that names a row deleted since (an erased person, a merged measure) loses
    that link where it may be empty and stays out where it may not. Return how many
    parts changed.
    """
    as_of = version_end(version)
    changed = 0
    for model in RESTORED_PARTS:
        past = {
            part.pk: part for part in model.history.as_of(as_of).filter(session=session)
        }
        arrived = list(model.objects.filter(session=session).exclude(pk__in=list(past)))
        # A part that was elsewhere in the version (a figure moved here since) goes back
        # there; one that did not exist yet is deleted.
        elsewhere = {
            part.pk: part
            for part in model.history.as_of(as_of).filter(
                pk__in=[current.pk for current in arrived]
            )
        }
        for current in arrived:
            if current.pk in elsewhere:
                past[current.pk] = elsewhere[current.pk]
                continue
            _record(current, user, reason)
            current.delete()
            changed += 1
        current_values = {
            part.pk: _values(part) for part in model.objects.filter(pk__in=list(past))
        }
        for part in past.values():
            if not _references_exist(part):
                continue
            if current_values.get(part.pk) == _values(part):
                continue
            _record(part, user, reason)
            part.save()
            changed += 1
    return changed


def _references_exist(part: models.Model) -> bool:
    """Return whether ``part`` can be saved as it was: each row it links to still exists.

    A link to a row deleted since is emptied where the field allows it; otherwise the
    part cannot come back (False).
    """
    for field in part._meta.concrete_fields:
        if not field.is_relation:
            continue
        linked_id = getattr(part, field.attname)
        if linked_id is None:
            continue
        if field.related_model.objects.filter(pk=linked_id).exists():
            continue
        if not field.null:
            return False
        setattr(part, field.attname, None)
    return True


def _record(part: models.Model, user: AbstractBaseUser, reason: str) -> None:
    """Tell simple-history who made the next write of ``part`` and why."""
    part._history_user = user
    part._change_reason = reason
