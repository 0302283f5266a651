"""People, found by the slug of their name; erased people are never written again."""

from django.utils.text import slugify

from speakers_app.models import Person

from .erasure import erased_slugs
from .import_staff_edits import sync
from .import_state import Load


def write_people(load: Load) -> None:
    """Create or update the document's people and remember them in ``load.people``."""
    by_slug = {slugify(p.name)[:200]: p for p in load.parsed.people if slugify(p.name)}
    erased = erased_slugs(set(by_slug))
    existing = Person.objects.filter(slug__in=set(by_slug) - erased)
    existing = {person.slug: person for person in existing}
    for slug, parsed in by_slug.items():
        if slug in erased:
            # Personal data removed on request: never create or link them again.
            load.erased.add(parsed.name)
            load.report.skipped_erased += 1
            continue
        person = existing.get(slug) or Person(slug=slug)
        is_new = person.pk is None
        values = {"name": parsed.name[:200]}
        for attribute in ("title", "organization", "phone"):
            if getattr(parsed, attribute):
                values[attribute] = getattr(parsed, attribute)[:255]
        if parsed.municipality in load.municipalities:
            values["municipality_id"] = load.municipalities[parsed.municipality]
        changed = sync(person, values, load.report.kept, f"Person {parsed.name}")
        if is_new or changed:
            load.save(person)
        load.people[parsed.name] = person
        load.outcome("person", is_new, changed)
