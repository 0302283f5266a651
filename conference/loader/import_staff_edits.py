"""Keeping staff edits: what the loader last wrote, compared with what is there now.

Every loaded record remembers in ``loaded_values`` what the loader last wrote, relations
too (under keys that start with "__"). A value that differs from it now was edited in the
admin: a reload keeps it and says so.
"""

import datetime
from decimal import Decimal


def plain(value):
    """Return ``value`` as it is stored in loaded_values (JSON)."""
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [plain(item) for item in value]
    return value


def sync(obj, values: dict, kept: list[str], label: str) -> bool:
    """Apply ``values`` to ``obj`` unless staff changed a field; return if changed.

    A kept field is added to ``kept`` when the document now says something else.
    """
    is_new = obj.pk is None
    loaded = dict(obj.loaded_values or {})
    changed = False
    for name, new in values.items():
        wanted = plain(new)
        current = plain(getattr(obj, name))
        if not is_new and name in loaded and current != loaded[name]:
            if current != wanted:
                kept.append(f"{label}: fältet {name}")
        elif current != wanted:
            setattr(obj, name, new)
            changed = True
        loaded[name] = wanted
    if loaded != obj.loaded_values:
        obj.loaded_values = loaded
        changed = True
    return changed


def relation(obj, key: str, current, wanted, kept: list[str], label: str) -> str:
    """Decide for a remembered relation: "replace", "keep" (edited) or "same"."""
    loaded = (obj.loaded_values or {}).get(key)
    current, wanted = plain(current), plain(wanted)
    obj.loaded_values[key] = wanted
    if loaded is not None and current != loaded and current != wanted:
        kept.append(f"{label}: {key.strip('_')}")
        return "keep"
    return "same" if current == wanted else "replace"


def remember(obj, stored: dict) -> None:
    """Store what the loader wrote to relations; bookkeeping, so no history row."""
    if obj.loaded_values != stored:
        type(obj).objects.filter(pk=obj.pk).update(loaded_values=obj.loaded_values)


def edited_fields(obj) -> list[str]:
    """Return the fields of ``obj`` staff changed since the loader last wrote them."""
    loaded = obj.loaded_values or {}
    return [
        name
        for name, value in loaded.items()
        if not name.startswith("__") and plain(getattr(obj, name, value)) != value
    ]
