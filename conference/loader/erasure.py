"""Forget what the loader remembered about a person whose data is erased (GDPR).

The loader keeps in ``loaded_values`` the relations it wrote, by the slug of each
person's name: ``__speakers`` and ``__blocks`` on sessions, ``__people`` on events.
That slug is the name, so erasing a person removes it there too, in the records and in
their history rows. The relations themselves are gone by then (links deleted, blocks
unlinked), so the loader's next comparison finds nothing edited.
"""

from conference.models import Event
from sessions_app.models import Session


def forget_loaded_person(slug: str, *, sessions: set[int], events: set[int]) -> None:
    """Remove ``slug`` from the remembered relations of these sessions and events."""
    for model, ids in ((Session, sessions), (Event, events)):
        if not ids:
            continue
        for rows in (
            model.objects.filter(pk__in=ids),
            model.history.filter(id__in=ids),
        ):
            for row in rows.only("pk", "loaded_values"):
                forgotten = _without(row.loaded_values or {}, slug)
                if forgotten != row.loaded_values:
                    type(row)._base_manager.filter(pk=row.pk).update(
                        loaded_values=forgotten
                    )


def _without(loaded: dict, slug: str) -> dict:
    result = dict(loaded)
    for key in ("__speakers", "__people"):  # [[slug, role], ...]
        if key in result:
            result[key] = [item for item in result[key] if item[0] != slug]
    if "__blocks" in result:  # [[kind, text, items, slug or ""], ...]
        result["__blocks"] = [
            [*block[:3], "" if block[3] == slug else block[3]]
            for block in result["__blocks"]
        ]
    return result
