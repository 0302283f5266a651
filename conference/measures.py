"""Measures: which key figures measure the same thing (conference.models.Measure).

A figure's measure is found by its label, normalised by one generic rule (measure_key),
and its unit. The loader and the data migration that assigned the first measures both
use MeasureFinder; staff merge measures in the admin with merge_measures.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

# Words that say how exact, where or when a figure is, not what it measures.
QUALIFIER_WORDS = frozenset(
    "knappt drygt cirka ca omkring ungefär nästan runt minst högst över".split()
)
AREA_WORDS = frozenset(
    "kommun kommunen kommuns kommunens riket rikets landet sverige sveriges".split()
)
# Small words left dangling at either end once an area or a year is taken out.
DANGLING_WORDS = frozenset("i på för av under inom år året hela och".split())
YEAR = re.compile(r"^(19|20)\d\d(/\d\d)?$")
WORD = re.compile(r"\w+(?:[-/]\w+)*")
SLUG_LENGTH = 80


@lru_cache(maxsize=8)
def area_pattern(area_names: frozenset[str]):
    """Return a regex of the names (genitive too), longest first: "Lilla Edet".

    Case-sensitive: a name is a proper noun, and some are words too ("Mark", "Vara").
    """
    names = sorted((re.escape(name) for name in area_names if name), key=len)
    if not names:
        return None
    return re.compile(r"\b(?:" + "|".join(reversed(names)) + r")s?\b")


def normalised_label(label: str, area_names: frozenset[str] = frozenset()) -> str:
    """Return what a label says is measured: lowercase words, without qualifiers,
    area names or years ("Knappt 39 procent i Kungsbacka 2023" → "39 procent").

    ``area_names`` are the names of municipalities (reference data), as written.
    """
    pattern = area_pattern(area_names)
    text = (pattern.sub(" ", label) if pattern is not None else label).casefold()
    words = [
        word
        for word in WORD.findall(text)
        if word not in QUALIFIER_WORDS
        and word not in AREA_WORDS
        and not YEAR.match(word)
    ]
    while words and words[-1] in DANGLING_WORDS:
        words.pop()
    while words and words[0] in DANGLING_WORDS:
        words.pop(0)
    return " ".join(words) or " ".join(WORD.findall(label.casefold()))


def measure_key(label: str, unit: str, area_names: frozenset[str] = frozenset()) -> str:
    """Return the key of a label's measure: its unit and normalised label."""
    return f"{unit}|{normalised_label(label, area_names)}"


def unique_slug(name: str, taken: set[str]) -> str:
    """Return a slug of ``name`` not in ``taken`` ("personer-i-arbete-2")."""
    base = slugify(name)[:SLUG_LENGTH].strip("-") or "matt"
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


class MeasureFinder:
    """Find the measure of a label and unit, creating it when none has its key.

    Reads the measures (few, against many figures) and the municipality names once.
    Takes the model classes so that a migration can pass its historical ones.
    """

    def __init__(self, measure_model, municipality_model):
        self.model = measure_model
        self.area_names = frozenset(
            municipality_model.objects.values_list("name", flat=True)
        )
        self.by_key: dict[str, int] = {}
        self.slugs: set[str] = set()
        for pk, slug, keys in measure_model.objects.values_list("pk", "slug", "keys"):
            self.slugs.add(slug)
            for key in keys or []:
                self.by_key.setdefault(key, pk)

    def measure_id(self, label: str, unit: str) -> int:
        key = measure_key(label, unit, self.area_names)
        if key not in self.by_key:
            slug = unique_slug(label, self.slugs)
            measure = self.model.objects.create(
                name=label[:255], slug=slug, unit=unit, keys=[key]
            )
            self.slugs.add(slug)
            self.by_key[key] = measure.pk
        return self.by_key[key]


class MergeError(ValueError):
    """The measures cannot be merged; the message says why, in Swedish."""


def merge_measures(*, target, others: Iterable) -> int:
    """Move the figures of ``others`` to ``target``, which takes over their keys,
    and delete them; return how many figures moved.

    The figures are saved one by one, so that each keeps a history record and the
    cached pages are replaced; a figure's loaded value still names the old measure,
    so the next load sees the move as a staff edit and keeps it.
    """
    others = [measure for measure in others if measure.pk != target.pk]
    if any(measure.unit != target.unit for measure in others):
        raise MergeError(_("Mått med olika enheter kan inte slås ihop."))
    moved = 0
    with transaction.atomic():
        keys = list(target.keys or [])
        for measure in others:
            for figure in measure.key_figures.all():
                figure.measure = target
                figure.save(update_fields=["measure", "updated_at"])
                moved += 1
            keys += [key for key in measure.keys or [] if key not in keys]
            measure.delete()
        target.keys = keys
        target.save(update_fields=["keys"])
    return moved
