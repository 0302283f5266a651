"""The loader's side of erasure (GDPR): a person whose data was erased stays erased.

``speakers_app.services`` owns the rule (the keys an erased person and their quotes
get); the loader only asks it. The loader never creates, updates or links an erased
person again, saves their quotes as anonymous and flags texts that may name them.
"""

from django.db.models import Q

from speakers_app.models import Person
from speakers_app.services import (
    ANONYMOUS_ATTRIBUTION,
    NAME_IN_TEXT_FLAG,
    erased_keys,
    erased_quote_keys,
)

__all__ = ["ANONYMOUS_ATTRIBUTION", "erased_slugs", "flag_erased_names", "quote_key"]


def erased_slugs(slugs: set[str]) -> set[str]:
    """Return those of ``slugs`` (slugs of names) whose person's data was erased.

    An erased person's slug is a key derived from the old one (see erase_person). If
    staff made a new person with the old slug, the erasure still wins.
    """
    keys = {key: slug for slug in slugs for key in erased_keys(slug)}
    found = Person.objects.filter(
        Q(slug__in=keys) | Q(slug__in=slugs, erased_at__isnull=False)
    ).values_list("slug", flat=True)
    return {keys.get(slug, slug) for slug in found}


def quote_key(key: str, existing: set[str]) -> str:
    """Return the key of an erased person's quote: erase_person re-keyed it.

    A key that hashes the name would let anyone with the text test names against it.
    The key under an older SECRET_KEY is used while the quote still has it.
    """
    candidates = erased_quote_keys(key)
    return next((k for k in candidates if k in existing), candidates[0])


def flag_erased_names(flags: list[str], erased: set[str], *texts: str) -> list[str]:
    """Add a review flag when a text names a person whose data was erased."""
    if any(name in text for name in erased for text in texts):
        return [*flags, NAME_IN_TEXT_FLAG]
    return flags
