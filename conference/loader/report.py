"""What one load did, counted per kind of record, in words staff can read."""

from collections import Counter
from dataclasses import dataclass, field

NOUNS = {
    "event": "evenemang",
    "session": "programpunkter",
    "person": "personer",
    "key_figure": "nyckeltal",
    "quote": "citat",
    "block": "innehållsblock",
    "link": "kopplingar",
}


@dataclass
class LoadReport:
    source: str = ""
    dry_run: bool = False
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    deleted: Counter = field(default_factory=Counter)
    skipped_erased: int = 0  # people in the document whose data was erased on request
    kept: list[str] = field(default_factory=list)
    flagged: list[str] = field(default_factory=list)

    def count(self, outcome: str, kind: str, number: int = 1) -> None:
        getattr(self, outcome)[kind] += number

    @property
    def changed_anything(self) -> bool:
        return bool(sum(self.created.values()) + sum(self.updated.values()) +
                    sum(self.deleted.values()))  # fmt: skip

    def lines(self, verbose: bool = False) -> list[str]:
        """Return the report as lines of Swedish text."""
        head = "Provkörning (inget sparades)" if self.dry_run else "Inläsning klar"
        lines = [f"{head}: {self.source}"]
        for outcome, word in (
            ("created", "skapade"),
            ("updated", "uppdaterade"),
            ("unchanged", "oförändrade"),
            ("deleted", "borttagna"),
        ):
            counts = getattr(self, outcome)
            parts = [f"{counts[k]} {NOUNS[k]}" for k in NOUNS if counts[k]]
            lines.append(f"  {word}: {', '.join(parts) if parts else '0'}")
        if self.skipped_erased:
            noun = (
                "borttagen person" if self.skipped_erased == 1 else "borttagna personer"
            )
            lines.append(
                f"  hoppade över {noun}: {self.skipped_erased} "
                "(personuppgifterna är borttagna på begäran och läses inte in igen)"
            )
        lines.append(f"  behållna eftersom de ändrats i admin: {len(self.kept)}")
        lines += [f"    - {item}" for item in self.kept]
        lines.append(f"  flaggade för granskning: {len(self.flagged)}")
        shown = self.flagged if verbose else self.flagged[:20]
        lines += [f"    - {item}" for item in shown]
        if len(shown) < len(self.flagged):
            lines.append(
                f"    … och {len(self.flagged) - len(shown)} till (-v 2 visar alla)"
            )
        return lines
