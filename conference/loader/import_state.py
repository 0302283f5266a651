"""The state of one load and the writes every kind of record shares."""

import hashlib
from dataclasses import dataclass, field

from conference.models import ReviewStatus
from sessions_app.models import Session
from speakers_app.models import Person

from .import_staff_edits import edited_fields
from .records import ParsedEvent
from .report import LoadReport


@dataclass
class Load:
    parsed: ParsedEvent
    source_name: str
    checksum: str
    publish: bool
    report: LoadReport
    municipalities: dict[str, int]  # primary key by code, of those the document names
    people: dict[str, Person] = field(default_factory=dict)  # by name, as written
    erased: set[str] = field(default_factory=set)  # names of erased people (GDPR)
    sessions: dict[str, Session] = field(default_factory=dict)  # by slug, as written

    @property
    def reason(self) -> str:
        """The change reason of every history row this load writes."""
        return f"Inläsning från {self.source_name}"[:100]

    def save(self, obj) -> None:
        """Validate and save ``obj``; simple-history writes its history row."""
        clean(obj)
        obj._change_reason = self.reason  # simple-history's documented change reason
        obj.save()

    def create(self, obj, kind: str) -> None:
        self.save(obj)
        self.report.count("created", kind)

    def delete(self, obj, kind: str) -> None:
        obj._change_reason = self.reason
        obj.delete()
        self.report.count("deleted", kind)

    def remove(self, obj, kind: str, label: str) -> None:
        """Delete a record the document no longer has, unless staff edited it."""
        if edited_fields(obj):
            self.report.kept.append(
                f"{label}: finns inte längre i dokumentet men är ändrad i admin"
            )
            return
        self.delete(obj, kind)

    def outcome(self, kind: str, is_new: bool, changed: bool) -> None:
        outcome = "created" if is_new else "updated" if changed else "unchanged"
        self.report.count(outcome, kind)

    def flag(self, label: str, flags: list[str]) -> None:
        self.report.flagged += [f"{label}: {flag}" for flag in flags]


def review_status(flags: list[str]) -> str:
    return ReviewStatus.NEEDS_REVIEW if flags else ReviewStatus.UNREVIEWED


def natural_key(*parts: object) -> str:
    """Return a key that finds the same record on reload, from what identifies it."""
    text = "\x1f".join(" ".join(str(part).split()).lower() for part in parts)
    return hashlib.sha256(text.encode()).hexdigest()[:40]


def clean(obj) -> None:
    """Validate the plain fields (lengths, digits, choices) without database queries."""
    skip = [
        f.name
        for f in obj._meta.fields
        if f.is_relation or f.get_internal_type() == "JSONField"
    ]
    obj.clean_fields(exclude=skip)
