"""Fail when the loader's code names people, titles or numbers from the seed document.

The loader must work for any documentation page, so nothing the seed says may be
written into conference/loader/. This reads the seed with the loader itself and looks
for its people, organisations, session titles and distinctive numbers in the code.
"""

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conference.test_settings")
SEED = ROOT / "conference" / "data" / "seed" / "motesplats-arbetsmarknad-2024.txt"


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
        terms |= set(
            re.findall(r"\d{1,3}(?: \d{3})+|\d{3,}|\d+,\d+", figure.source_text)
        )
    years = {str(year) for year in range(1990, 2100)}
    return {t for t in terms if len(t) >= 3 and t not in years}


def main() -> int:
    code = {
        path: path.read_text(encoding="utf-8")
        for path in (ROOT / "conference" / "loader").glob("*.py")
    }
    found = [
        f"{path.relative_to(ROOT)}: {term!r}"
        for term in sorted(seed_terms())
        for path, text in code.items()
        if re.search(rf"(?<![\w{{]){re.escape(term)}(?![\w}}])", text)
    ]
    for line in found:
        print(f"seed term in loader code: {line}")
    print(f"checked {len(code)} files: {'FAILED' if found else 'ok'}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
