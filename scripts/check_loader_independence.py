"""Fail when the loader's code names people, titles or numbers from its documents.

The loader must work for any documentation page, so nothing the seed or a corpus
document says may be written into conference/loader/. The terms come from the hand-made
gold files of every corpus document (tests/fixtures/loader/*/*.gold.json) and from the
seed read by the loader itself: event and session titles, people's names and their
parts, organisations, and the distinctive numbers of the key figures.
"""

import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conference.test_settings")
SEED = ROOT / "conference" / "data" / "seed" / "motesplats-arbetsmarknad-2024.txt"
CORPUS = ROOT / "tests" / "fixtures" / "loader"
DISTINCTIVE_NUMBER = re.compile(r"\d{1,3}(?: \d{3})+|\d{3,}|\d+,\d+")
YEARS = {str(year) for year in range(1990, 2100)}


def seed_terms() -> set[str]:
    import django

    django.setup()
    from conference.loader.read import parse_source, read_source

    event = parse_source(read_source(SEED))
    terms = {event.title}
    for person in event.people:
        terms |= {person.name, *person.name.split()}
        terms |= {person.organization} if person.organization else set()
    terms |= {session.title for session in event.sessions}
    for figure in event.figures:
        terms |= set(DISTINCTIVE_NUMBER.findall(figure.source_text))
    return terms


def corpus_terms() -> set[str]:
    """Return what is particular to the corpus documents.

    Full names, not their parts (a common first name or surname is Swedish, not the
    document's); organisations of more than one word that are not just a municipality
    ("Lerums kommun" is reference data); titles of more than one word; numbers of
    four digits or with decimals.
    """
    from conference.loader.municipalities import code_of

    terms: set[str] = set()
    for path in sorted(CORPUS.glob("*/*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        terms.add(gold["event"]["title"])
        terms |= {s["title"] for s in gold["sessions"] if len(s["title"].split()) > 1}
        terms |= {person["name"] for person in gold["people"]}
        terms |= {
            org
            for org in (person["organization"] for person in gold["people"])
            if len(org.split()) > 1 and not code_of(org)
        }
        terms |= {name for name in gold["non_people"] if " " in name}
        for figure in gold["figures"]:
            value = str(figure["value"])
            if len(value.split(".")[0]) >= 4 or "." in value:
                terms.add(value)
    return terms


def main() -> int:
    code = {
        path: path.read_text(encoding="utf-8")
        for path in (ROOT / "conference" / "loader").glob("*.py")
    }
    terms = {term for term in seed_terms() | corpus_terms() if len(term) >= 3} - YEARS
    found = [
        f"{path.relative_to(ROOT)}: {term!r}"
        for term in sorted(terms)
        for path, text in code.items()
        if re.search(rf"(?<![\w{{]){re.escape(term)}(?![\w}}])", text)
    ]
    for line in found:
        print(f"document term in loader code: {line}")
    documents = len(list(CORPUS.glob("*/*.gold.json"))) + 1
    print(
        f"checked {len(code)} files against {len(terms)} terms of {documents} "
        f"documents: {'FAILED' if found else 'ok'}"
    )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
