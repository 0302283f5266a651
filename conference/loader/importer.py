"""Write a parsed event to the database in one transaction, keeping staff edits.

This module runs the transaction: one load at a time, the writes in order, a dry run
rolled back, a refusal turned into a LoadError. The jobs are the modules beside it:
``import_state`` (what one load knows, and its writes with history),
``import_staff_edits`` (keeping what staff changed in the admin), ``import_people``,
``import_events``, ``import_sessions``, ``import_figures`` and ``import_quotes`` (each
kind of record) and ``erasure`` (people whose data was erased stay erased).
"""

from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction

from conference.models import Municipality

from .import_events import stamp_source, write_event, write_event_people
from .import_figures import write_figures
from .import_people import write_people
from .import_quotes import write_quotes
from .import_sessions import write_sessions
from .import_state import Load
from .records import ParsedEvent
from .report import LoadReport

LOADER_LOCK = 7_302_014  # any fixed number; names the loader's advisory lock


class LoadError(Exception):
    """The document could not be imported; nothing was written."""


class _DryRun(Exception):
    pass


def import_event(
    *,
    parsed: ParsedEvent,
    source_name: str,
    checksum: str,
    publish: bool = False,
    dry_run: bool = False,
) -> LoadReport:
    """Create or update everything ``parsed`` describes; return what changed.

    With ``dry_run`` the same work is done and rolled back, so the report is exact.
    Every save and delete sends Django's signals, which invalidate the cached public
    pages once the transaction commits; a load that changes nothing sends none.
    """
    report = LoadReport(source=source_name, dry_run=dry_run)
    try:
        with transaction.atomic():
            _wait_for_other_loads()
            load = Load(
                parsed=parsed,
                source_name=source_name,
                checksum=checksum,
                publish=publish,
                report=report,
                municipalities=_municipalities(parsed),
            )
            _write(load)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    except ValidationError as error:
        raise LoadError(
            f"Inläsningen avbröts och inget sparades: {_message(error)}"
        ) from error
    except DatabaseError as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
        raise LoadError(
            f"Databasen avvisade inläsningen och inget sparades: {first_line}"
        ) from error
    return report


def _write(load: Load) -> None:
    write_people(load)
    event, is_new = write_event(load)
    write_event_people(load, event, is_new)
    stale_sessions = write_sessions(load, event)
    write_figures(load, event)
    write_quotes(load, event)
    # Last, so that figures and quotes of a removed session went first and did not
    # lose their session to SET_NULL (which would look like a staff edit).
    for session in stale_sessions:
        load.remove(session, "session", f"Programpunkt {session.slug}")
    if not is_new and (
        load.report.changed_anything or event.source_checksum != load.checksum
    ):
        stamp_source(load, event)
        load.save(event)


def _wait_for_other_loads() -> None:
    """Let one load at a time write: a second one waits, then sees the first's result.

    PostgreSQL: a lock held until this transaction ends. SQLite needs none: its
    transactions are immediate (settings), so a second writer waits at the start.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOADER_LOCK])


def _municipalities(parsed: ParsedEvent) -> dict[str, int]:
    """Return the primary keys of the municipalities the document uses, by code."""
    codes = {person.municipality for person in parsed.people}
    codes.update(code for session in parsed.sessions for code in session.municipalities)
    codes.update(figure.municipality for figure in parsed.figures)
    codes.update(quote.municipality for quote in parsed.quotes)
    codes.discard("")
    rows = Municipality.objects.filter(code__in=codes).values_list("code", "pk")
    return dict(rows)


def _message(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
    return " ".join(error.messages)
