"""Load a document from the admin: preview it (a dry run), load it, keep a record.

The admin's pages (``views``) hand over what staff gave. This module reads it with the
loader's own limits (``read``), runs the importer (rolled back for the preview) and
keeps each load as a DocumentLoad: a copy of the text, who, when and the report.
"""

import datetime
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone

from conference.models import DocumentLoad

from .importer import LoadError, import_event
from .read import MAX_BYTES, Source, SourceError, parse_source, read_bytes, read_url
from .records import ParsedEvent
from .report import LoadReport

PASTED_NAME = "inklistrad text"
OUTCOMES = ("created", "updated", "unchanged", "deleted")
# What staff may give when the document lacks it: form field -> DocumentLoad field.
GIVEN_FIELDS = ("title", "event_date", "organizer")


def read_upload(upload) -> Source:
    """Return the uploaded file's document; never read more than the loader's limit."""
    name = Path(upload.name or "").name[:255] or "fil"
    return read_bytes(upload.read(MAX_BYTES + 1), name)


def read_pasted(text: str) -> Source:
    return read_bytes(text.encode("utf-8"), PASTED_NAME)


def read_address(url: str) -> Source:
    return read_url(url.strip())


def preview(*, kind: str, source: Source, user) -> DocumentLoad:
    """Dry-run ``source`` and keep it with its report; nothing else is written.

    A document the loader refuses (SourceError, LoadError) leaves no record.
    """
    record = DocumentLoad(
        kind=kind,
        source_name=source.name,
        text_format=source.kind,
        checksum=source.checksum,
        user=user,
    )
    record.report = _run(record, source, dry_run=True)
    suffix = ".html" if source.kind == "html" else ".txt"
    record.copy.save(
        f"dokument{suffix}", ContentFile(source.text.encode("utf-8")), save=False
    )
    record.save()
    return record


def update_preview(
    record: DocumentLoad,
    *,
    title: str = "",
    event_date: datetime.date | None = None,
    organizer: str = "",
) -> None:
    """Dry-run the record's copy again with what staff gave for title, date, organiser."""
    record.title, record.event_date, record.organizer = title, event_date, organizer
    record.report = _run(record, stored_source(record), dry_run=True)
    record.save()


def load(
    record: DocumentLoad,
    *,
    user,
    title: str = "",
    event_date: datetime.date | None = None,
    organizer: str = "",
) -> None:
    """Import the record's copy for real; a refused import marks the record failed."""
    record.title, record.event_date, record.organizer = title, event_date, organizer
    source = stored_source(record)
    record.user = user
    try:
        record.report = _run(record, source, dry_run=False)
    except LoadError as error:
        record.status = DocumentLoad.Status.FAILED
        record.report = {**record.report, "error": str(error)}
        record.save()
        raise
    record.status = DocumentLoad.Status.LOADED
    record.loaded_at = timezone.now()
    record.save()


def load_again(record: DocumentLoad, *, user) -> DocumentLoad:
    """Return a new preview of the same copy, with the same title, date and organiser."""
    again = DocumentLoad(
        kind=record.kind,
        source_name=record.source_name,
        text_format=record.text_format,
        copy=record.copy.name,
        checksum=record.checksum,
        title=record.title,
        event_date=record.event_date,
        organizer=record.organizer,
        user=user,
    )
    again.report = _run(again, stored_source(record), dry_run=True)
    again.save()
    return again


def stored_source(record: DocumentLoad) -> Source:
    """Return the document of the record's copy, as the loader first read it."""
    try:
        with record.copy.open("rb") as file:
            text = file.read().decode("utf-8")
    except (OSError, ValueError) as error:
        raise SourceError(
            "Kopian av dokumentet finns inte längre; läs in dokumentet på nytt"
        ) from error
    return Source(record.source_name, text, record.text_format, record.checksum)


def missing_metadata(parsed: ParsedEvent) -> list[str]:
    """Return the given fields whose value the loader could not find in the document."""
    codes = {flag.split(":", 1)[0] for flag in parsed.flags}
    missing = {
        "title": "no_event_title" in codes,
        "event_date": parsed.date is None,
        "organizer": not parsed.organizer,
    }
    return [name for name in GIVEN_FIELDS if missing[name]]


def report_data(report: LoadReport, parsed: ParsedEvent) -> dict:
    """Return the report as JSON for the record: counts, lists and the command's lines."""
    return {
        "event": parsed.title,
        "date": parsed.date.isoformat() if parsed.date else "",
        "counts": {
            outcome: {k: n for k, n in getattr(report, outcome).items() if n}
            for outcome in OUTCOMES
        },
        "kept": report.kept,
        "flagged": report.flagged,
        "skipped_erased": report.skipped_erased,
        "missing": missing_metadata(parsed),
        "lines": report.lines(verbose=True),
    }


def _run(record: DocumentLoad, source: Source, *, dry_run: bool) -> dict:
    parsed = parse_source(source, title=record.title, date=record.event_date)
    if record.organizer:
        parsed.organizer = record.organizer
    report = import_event(
        parsed=parsed,
        source_name=source.name,
        checksum=record.checksum,
        dry_run=dry_run,
    )
    return report_data(report, parsed)
