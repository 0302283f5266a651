"""Score the loader on the corpus of documents with hand-made gold files.

Prints, per document and in total (summed over documents): speaker precision, recall
and F1, attribute accuracy (title, organisation, municipality of the speakers found),
sessions found (by title, or by most of their speakers when the titles differ), speakers placed in the right session, key-figure recall and precision,
garbage people (people found who are not in the gold at all), and whether the title and
date are right. A benchmark: it prints figures and asserts nothing.

    python scripts/loader_score.py [FOLDER …]   (default: corpus and holdout)
"""

import json
import os
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conference.test_settings")
CORPUS = ROOT / "tests" / "fixtures" / "loader"
FOLDERS = [CORPUS / "corpus", CORPUS / "holdout"]
SPEAKING_ROLES = {"speaker", "moderator"}


def norm(text: str | None) -> str:
    text = (text or "").casefold().replace(".", " ")
    return re.sub(r"\s+", " ", text).strip(" ,;:–-")


def words(text: str) -> set[str]:
    return set(re.findall(r"\w{3,}", norm(text)))


def same_title(gold: str, found: str) -> bool:
    gold_words, found_words = words(gold), words(found)
    if norm(gold) == norm(found):
        return True
    if not gold_words or not found_words:
        return False
    overlap = len(gold_words & found_words) / len(gold_words | found_words)
    return overlap >= 0.5 or (len(gold_words) >= 2 and gold_words <= found_words)


def same_speakers(gold_session: dict, found) -> bool:
    """Return whether a session is the gold one by who gave it.

    Pages written as prose name no talk, so their gold titles are a reader's words:
    such a talk is found when most of its speakers are.
    """
    gold = {norm(n) for n in gold_session["speakers"]}
    names = {norm(n) for n, _ in found.speakers}
    return bool(gold) and len(gold & names) * 2 > len(gold | names)


@dataclass
class Score:
    loaded: int = 0
    documents: int = 0
    title_right: int = 0
    date_right: int = 0
    speakers_gold: int = 0
    speakers_found: int = 0
    speakers_right: int = 0
    attributes: int = 0
    attributes_right: int = 0
    sessions_gold: int = 0
    sessions_found: int = 0
    placed_gold: int = 0
    placed_right: int = 0
    figures_gold: int = 0
    figures_found: int = 0
    figures_right: int = 0
    garbage: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, other: "Score") -> None:
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def f1(score: Score) -> float | None:
    precision = ratio(score.speakers_right, score.speakers_found)
    recall = ratio(score.speakers_right, score.speakers_gold)
    if not precision or not recall:
        return 0.0 if score.speakers_gold else None
    return 2 * precision * recall / (precision + recall)


def score_document(path: Path) -> tuple[Score, str]:
    from conference.loader.read import SourceError, parse_source, read_source

    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text("utf-8"))
    score = Score(documents=1)
    gold_people = {norm(p["name"]): p for p in gold["people"]}
    gold_speakers = {
        name for name, p in gold_people.items() if p["role"] in SPEAKING_ROLES
    }
    score.speakers_gold = len(gold_speakers)
    score.sessions_gold = len(gold["sessions"])
    score.figures_gold = len(gold["figures"])
    score.placed_gold = sum(len(s["speakers"]) for s in gold["sessions"])
    started = time.perf_counter()
    try:
        event = parse_source(read_source(path))
    except SourceError as error:
        return score, f"REFUSED: {error}"
    score.seconds = time.perf_counter() - started
    score.loaded = 1
    score.title_right = int(same_title(gold["event"]["title"], event.title))
    gold_date = gold["event"]["date"]
    score.date_right = int(
        (event.date.isoformat() if event.date else None) == gold_date
    )

    people = {norm(p.name): p for p in event.people}
    documented = [s for s in event.sessions if s.documented]
    found_speakers = {norm(n) for s in documented for n, _ in s.speakers}
    found_speakers |= {norm(n) for n in event.moderators}
    score.speakers_found = len(found_speakers)
    right = found_speakers & gold_speakers
    score.speakers_right = len(right)
    for name in right:
        expected, person = gold_people[name], people.get(name)
        for attribute in ("title", "organization", "municipality"):
            score.attributes += 1
            found = getattr(person, attribute, "") if person else ""
            score.attributes_right += int(norm(found) == norm(expected[attribute]))
    score.garbage = sorted(p.name for n, p in people.items() if n not in gold_people)

    unmatched = list(documented)
    for gold_session in gold["sessions"]:
        match = next(
            (s for s in unmatched if same_title(gold_session["title"], s.title)), None
        ) or next((s for s in unmatched if same_speakers(gold_session, s)), None)
        if match is None:
            continue
        unmatched.remove(match)
        score.sessions_found += 1
        names = {norm(n) for n, _ in match.speakers}
        score.placed_right += sum(norm(n) in names for n in gold_session["speakers"])

    expected = Counter(
        (Decimal(str(f["value"])).normalize(), f["unit"]) for f in gold["figures"]
    )
    found = Counter((f.value.normalize(), f.unit) for f in event.figures)
    score.figures_found = sum(found.values())
    score.figures_right = sum((expected & found).values())
    return score, ""


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def row(name: str, score: Score, note: str = "") -> str:
    cells = [
        name[:38].ljust(38),
        f"{score.loaded}/{score.documents}",
        f"{score.title_right}/{score.documents}",
        f"{score.date_right}/{score.documents}",
        percent(ratio(score.speakers_right, score.speakers_found)),
        percent(ratio(score.speakers_right, score.speakers_gold)),
        percent(f1(score)),
        percent(ratio(score.attributes_right, score.attributes)),
        f"{score.sessions_found}/{score.sessions_gold}",
        f"{score.placed_right}/{score.placed_gold}",
        percent(ratio(score.figures_right, score.figures_gold)),
        percent(ratio(score.figures_right, score.figures_found)),
        str(len(score.garbage)),
    ]
    return " ".join(c.rjust(7) if i else c for i, c in enumerate(cells)) + note


COLUMNS = "loaded title date spk_P spk_R spk_F1 attr sess placed fig_R fig_P garbage"
HEADER = "document".ljust(38) + " ".join(c.rjust(7) for c in COLUMNS.split())


def main(folders: list[Path]) -> int:
    import django

    django.setup()
    show_garbage = "--garbage" in sys.argv
    for folder in folders:
        documents = sorted(
            p
            for p in folder.iterdir()
            if p.suffix in (".txt", ".html") and p.with_suffix(".gold.json").exists()
        )
        if not documents:
            continue
        total = Score()
        print(f"\n{folder.relative_to(ROOT)} ({len(documents)} documents)")
        print(HEADER)
        for path in documents:
            score, note = score_document(path)
            total.add(score)
            print(row(path.name, score, f"  {note}" if note else ""))
            if show_garbage and score.garbage:
                print("    garbage:", ", ".join(score.garbage))
        print(row("TOTAL", total))
        print(f"parse time: {total.seconds * 1000:.0f} ms for {total.loaded} documents")
    return 0


if __name__ == "__main__":
    arguments = [Path(a).resolve() for a in sys.argv[1:] if not a.startswith("--")]
    sys.exit(main(arguments or FOLDERS))
