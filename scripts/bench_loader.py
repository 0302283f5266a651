"""Benchmark the conference loader and print figures (not a test; nothing is asserted).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gr_loader_bench \
        .venv/bin/python scripts/bench_loader.py [--documents 500]

Runs in a throw-away test database (test_<name>), created and dropped here.
Targets from the issue: seed parse < 50 ms, seed import < 0.5 s,
500 generated documents at >= 50 documents a second on PostgreSQL.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conference.test_settings")
SEED = ROOT / "conference" / "data" / "seed" / "motesplats-arbetsmarknad-2024.txt"

FIRST = ["Anna", "Bo", "Cecilia", "David", "Eva", "Fredrik", "Greta", "Hugo", "Ines",
         "Jonas", "Karin", "Lars", "Maja", "Nils", "Olivia", "Per", "Rut", "Sven",
         "Tove", "Ulf", "Vera", "Yusuf", "Zara", "Amir", "Leila"]  # fmt: skip
LAST = ["Lindgren", "Åkesson", "Berglund", "Nyberg", "Holmqvist", "Sundin", "Falk",
        "Ahmadi", "Björk", "Dahl", "Engström", "Forsberg", "Granath", "Hedlund",
        "Isaksson", "Jakobsson", "Kaya", "Lundin", "Moberg", "Nordin"]  # fmt: skip
TOPICS = ["Skola", "Hälsa", "Integration", "Arbete", "Klimat", "Kultur", "Bostad"]
MUNICIPALITIES = ["Lerums kommun", "Mölndals stad", "Partille kommun", "Ale kommun"]
TITLES = ["Processledare", "Utvecklare", "Enhetschef", "Samordnare", "Handläggare"]
MONTHS = ["januari", "mars", "april", "september", "oktober", "november"]


def generated_document(number: int, rng: random.Random) -> str:
    """Return a plausible documentation page, different for every number."""

    def person() -> str:
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}"

    def employer(name: str) -> str:
        # A person keeps their employer and title from one document to the next.
        return MUNICIPALITIES[sum(map(ord, name)) % len(MUNICIPALITIES)]

    def title(name: str) -> str:
        return TITLES[len(name) % len(TITLES)]

    topic = rng.choice(TOPICS)
    year = rng.randint(2015, 2023)
    lines = [
        "Dokumentation",
        f"Temadag {topic} {number}",
        f"Den {rng.randint(1, 28)} {rng.choice(MONTHS)} {year} arrangerade GR en "
        f"temadag om {topic.lower()}.",
        f"Moderator för dagen var {person()}.",
    ]
    for session in range(3):
        speaker = person()
        municipality = employer(speaker)
        lines += [
            f"Del {session + 1} om {topic.lower()} – {speaker}",
            f"{speaker.split()[0]} berättade om arbetet i {municipality}.",
            f"Under {year - 1} fick {rng.randint(20, 900)} personer stöd och "
            f"{rng.randint(5, 95)} procent gick vidare. Kostnaden var knappt "
            f"{rng.randint(2, 60)} miljoner kronor.",
            " • En första lärdom",
            " • En andra lärdom",
            f"– Vi har lärt oss mycket, sa {speaker.split()[0]}.",
            f"{speaker}, {title(speaker).lower()} på {municipality}",
        ]
    voice, contact = person(), person()
    lines += [
        "Röster från deltagarna",
        f"{voice}, {employer(voice)}",
        "– En bra dag med mycket att ta med sig hem.",
        "Kontakt",
        contact,
        title(contact),
        f"031-{rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
    ]
    return "\n\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=30)
    options = parser.parse_args()

    import django

    django.setup()
    from django.db import connection

    from conference.loader.extract import extract
    from conference.loader.importer import import_event
    from conference.loader.parse import parse_text
    from conference.loader.read import parse_source, read_source

    source = read_source(SEED)
    parse_source(source)  # warm the municipality patterns and regex caches
    parse_times = []
    for _ in range(options.repeat):
        start = time.perf_counter()
        parse_source(source)
        parse_times.append(time.perf_counter() - start)

    # Hostile shapes: a parser that backtracks shows up here as seconds, not ms.
    from conference.loader.extract import NoEventFound

    heading = "Titel\n\nDen 1 maj 2020.\n\nRubrik – Anna Berg\n\n"
    hostile = {
        "5 000 numbers in one sentence": heading + "12 345 " * 5000,
        "15 000 capitalised words": heading + "Aaa Bbb Ccc " * 5000 + "från X",
        "100 kB quote": heading + "– " + "ord, " * 20000 + "sa",
    }
    hostile_times = {}
    for name, text in hostile.items():
        start = time.perf_counter()
        try:
            extract(parse_text(text))
        except NoEventFound:
            pass
        hostile_times[name] = time.perf_counter() - start

    vendor = connection.vendor
    old_name = connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        parsed = parse_source(source)
        start = time.perf_counter()
        import_event(parsed=parsed, source_name=source.name, checksum=source.checksum)
        first_import = time.perf_counter() - start
        start = time.perf_counter()
        import_event(parsed=parsed, source_name=source.name, checksum=source.checksum)
        reload_import = time.perf_counter() - start

        rng = random.Random(20240514)  # noqa: S311 (test data, not secrets)
        documents = [generated_document(n, rng) for n in range(options.documents)]
        start = time.perf_counter()
        for number, text in enumerate(documents):
            event = extract(parse_text(text))
            import_event(
                parsed=event, source_name=f"gen-{number}.txt", checksum=str(number)
            )
        bulk_seconds = time.perf_counter() - start
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    print(
        f"database: {vendor}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    print(
        f"seed parse: median {statistics.median(parse_times) * 1000:.1f} ms, "
        f"max {max(parse_times) * 1000:.1f} ms over {options.repeat} runs (target < 50 ms)"
    )
    print(f"seed import, first load: {first_import:.3f} s (target < 0.5 s)")
    for name, seconds in hostile_times.items():
        print(f"hostile input, {name}: {seconds * 1000:.0f} ms")
    print(f"seed import, unchanged reload: {reload_import:.3f} s")
    print(
        f"{options.documents} generated documents: {bulk_seconds:.2f} s, "
        f"{options.documents / bulk_seconds:.0f} documents/s ({bulk_seconds / options.documents:.3f} s each; goal: well under 1 s per document)"
    )


if __name__ == "__main__":
    main()
