"""The story of a session beyond its own fields: who changed its parts, when and how."""

from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.utils.text import capfirst

from conference.admin_base import SwedishHistoryContextHelper
from conference.models import KeyFigure
from sessions_app.models import ContentBlock, Quote, SessionSpeaker

# The parts whose changes a session's history page lists.
PARTS = (ContentBlock, SessionSpeaker, KeyFigure, Quote)
PART_CHANGES_SHOWN = 100


@dataclass
class PartChange:
    """One saved change of one part of a session, ready to show."""

    date: datetime
    user: object
    kind: str
    part: str
    history_type: str
    reason: str
    changes: list[dict]


def _foreign_keys(model: type[models.Model]) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if f.many_to_one]


def part_changes(session_id: int, limit: int = PART_CHANGES_SHOWN) -> list[PartChange]:
    """Return the ``limit`` latest changes to a session's parts, newest first.

    Each change lists its fields' old and new values against the part's version before
    it. Two queries per kind of part: its latest versions, then all versions of those
    parts up to them (a part has few).
    """
    latest = []
    for model in PARTS:
        history = model.history.select_related("history_user", *_foreign_keys(model))
        records = history.filter(session_id=session_id).order_by("-history_date")
        latest += [(model, record) for record in records[:limit]]
    latest.sort(key=lambda pair: pair[1].history_date, reverse=True)
    latest = latest[:limit]
    previous = {}
    for model in PARTS:
        mine = [record for kind, record in latest if kind is model]
        if mine:
            previous[model] = _previous_versions(model, mine)
    return [
        _part_change(model, record, previous[model].get(record.history_id))
        for model, record in latest
    ]


def _previous_versions(model, records) -> dict:
    """Return, per history id of ``records``, the version of that part before it."""
    versions = (
        model.history.select_related(*_foreign_keys(model))
        .filter(
            id__in={record.id for record in records},
            history_date__lte=max(record.history_date for record in records),
        )
        .order_by("id", "history_date", "history_id")
    )
    versions = list(versions)
    return {
        after.history_id: before
        for before, after in zip(versions, versions[1:], strict=False)
        if before.id == after.id
    }


def _part_change(model, record, before) -> PartChange:
    instance = record.instance
    # The version's related objects are loaded already: its name needs no query.
    for name in _foreign_keys(model):
        setattr(instance, name, getattr(record, name))
    changes = []
    if before is not None and record.history_type == "~":
        delta = record.diff_against(before, foreign_keys_are_objs=True)
        helper = SwedishHistoryContextHelper(model, record)
        changes = helper.context_for_delta_changes(delta)
    return PartChange(
        date=record.history_date,
        user=record.history_user,
        kind=capfirst(model._meta.verbose_name),
        part=getattr(instance, "summary", None) or str(instance),
        history_type=record.history_type,
        reason=record.history_change_reason or "",
        changes=changes,
    )
