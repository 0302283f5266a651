"""Write a parsed event to the database in one transaction, keeping staff edits.

Every record remembers in ``loaded_values`` what the loader last wrote. A field whose
current value differs from that was edited in the admin: a reload keeps it and says so.
Relations (speakers, municipalities, content blocks, event people) are remembered the
same way, under keys that start with "__".
"""

import datetime
import hashlib
import re
from decimal import Decimal
from functools import cache

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.db.models import Q
from django.db.models.sql import InsertQuery
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import get_history_manager_for_model

from conference.models import Event, EventPerson, KeyFigure, Municipality, ReviewStatus
from conference.page_cache import bump_content_version
from sessions_app.models import ContentBlock, Quote, Session, SessionSpeaker
from speakers_app.models import Person
from speakers_app.services import (
    ANONYMOUS_ATTRIBUTION,
    NAME_IN_TEXT_FLAG,
    erased_keys,
    erased_quote_keys,
)

from .records import ParsedEvent
from .report import LoadReport

LOADER_LOCK = 7_302_014  # any fixed number; names the loader's advisory lock
DIGITS = re.compile(r"\d[\d\s\u00a0,.]*")


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
    """
    report = LoadReport(source=source_name, dry_run=dry_run)
    try:
        with transaction.atomic():
            municipalities = _lock_and_find_municipalities(_municipality_codes(parsed))
            importer = _Importer(
                parsed, source_name, checksum, publish, report, municipalities
            )
            importer.run()
            if dry_run:
                raise _DryRun
            if report.changed_anything or importer.wrote:
                # Bulk writes send no post_save signal, which would do this.
                transaction.on_commit(bump_content_version, robust=True)
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


def _lock_and_find_municipalities(codes: set[str]) -> dict[str, int]:
    """Let one load at a time write: a second one waits, then sees the first's result.

    PostgreSQL: a transaction-scoped advisory lock. SQLite already serialises writers
    (immediate transactions in settings). Return the primary keys of the municipalities
    with ``codes``, read in the same query (loads never write municipalities, so the
    snapshot taken before the lock is current for them).
    """
    if connection.vendor != "postgresql":
        rows = Municipality.objects.filter(code__in=codes).values_list("code", "pk")
        return dict(rows) if codes else {}
    table = connection.ops.quote_name(Municipality._meta.db_table)
    match = f"m.code IN ({_marks(codes)})" if codes else "false"
    with connection.cursor() as cursor:
        # The document is the source of truth and a load can always be repeated:
        # not waiting for the WAL flush at commit is safe (never inconsistent) here.
        # Table and column names come from model metadata; values travel as parameters.
        cursor.execute(
            "SELECT m.code, m.id FROM (SELECT pg_advisory_xact_lock(%s), "  # noqa: S608  # nosec B608
            "set_config('synchronous_commit', 'off', true)) AS lock "
            f"LEFT JOIN {table} m ON {match}",
            [LOADER_LOCK, *codes],
        )
        return {code: pk for code, pk in cursor.fetchall() if code is not None}


def natural_key(*parts: object) -> str:
    text = "\x1f".join(" ".join(str(part).split()).lower() for part in parts)
    return hashlib.sha256(text.encode()).hexdigest()[:40]


def _message(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
    return " ".join(error.messages)


def _plain(value):
    """Return ``value`` as it is stored in loaded_values (JSON)."""
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


class _Importer:
    def __init__(self, parsed, source_name, checksum, publish, report, municipalities):
        self.parsed = parsed
        self.source_name = source_name
        self.checksum = checksum
        self.publish = publish
        self.report = report
        self.reason = f"Inläsning från {source_name}"[:100]
        self.municipalities: dict[str, int] = municipalities
        self.people: dict[str, Person] = {}
        self.erased_names: set[str] = set()
        self.sessions: dict[str, Session] = {}
        self.event_is_new = False
        self.stale_sessions: list[Session] = []
        self.wrote = False  # whether _write changed any row

    def run(self) -> None:
        self._people()
        event = self._event()
        self._event_people(event)
        self._sessions(event)
        self._figures(event)
        self._quotes(event)
        # Last, so that figures and quotes of a removed session went first and did not
        # lose their session to SET_NULL (which would look like a staff edit).
        for session in self.stale_sessions:
            self._remove(session, "session", f"Programpunkt {session.slug}")
        if self.event_is_new:
            return
        if self.report.changed_anything or event.source_checksum != self.checksum:
            self._stamp_source(event)
            _clean(event)
            self._write(Event, [], [event])

    # Generic field sync -------------------------------------------------------------

    def _sync(self, obj, values: dict, kind: str, label: str) -> bool:
        """Apply ``values`` to ``obj`` unless staff changed a field; return if changed."""
        is_new = obj.pk is None
        loaded = dict(obj.loaded_values or {})
        changed = False
        for name, new in values.items():
            wanted = _plain(new)
            current = _plain(getattr(obj, name))
            if not is_new and name in loaded and current != loaded[name]:
                if current != wanted:
                    self.report.kept.append(f"{label}: fältet {name}")
            elif current != wanted:
                setattr(obj, name, new)
                changed = True
            loaded[name] = wanted
        if loaded != obj.loaded_values:
            obj.loaded_values = loaded
            changed = True
        return changed

    def _relation(self, obj, key: str, current, wanted, label: str) -> str:
        """Decide for a remembered relation: "replace", "keep" (edited) or "same"."""
        loaded = (obj.loaded_values or {}).get(key)
        current, wanted = _plain(current), _plain(wanted)
        if loaded is not None and current != loaded and current != wanted:
            self.report.kept.append(f"{label}: {key.strip('_')}")
            obj.loaded_values[key] = wanted
            return "keep"
        obj.loaded_values[key] = wanted
        return "same" if current == wanted else "replace"

    def _save(self, obj) -> None:
        _clean(obj)
        obj._change_reason = self.reason
        obj.save()

    def _remember(self, obj, stored: dict) -> None:
        """Store what the loader wrote to relations; bookkeeping, so no history entry."""
        if obj.loaded_values != stored:
            type(obj).objects.filter(pk=obj.pk).update(loaded_values=obj.loaded_values)

    def _outcome(self, kind: str, is_new: bool, changed: bool) -> None:
        outcome = "created" if is_new else "updated" if changed else "unchanged"
        self.report.count(outcome, kind)

    def _review(self, flags: list[str]) -> str:
        return ReviewStatus.NEEDS_REVIEW if flags else ReviewStatus.UNREVIEWED

    def _flag(self, label: str, flags: list[str]) -> None:
        self.report.flagged += [f"{label}: {flag}" for flag in flags]

    # Records --------------------------------------------------------------------------

    def _event(self) -> Event:
        parsed = self.parsed
        # A corrected title changes the slug: the same file and date is the same event.
        candidates = Event.objects.filter(
            Q(slug=parsed.slug)
            | Q(source_name=self.source_name[:255], date=parsed.date)
        ).order_by("pk")
        event = min(
            candidates,
            key=lambda found: found.slug != parsed.slug,
            default=Event(slug=parsed.slug),
        )
        is_new = event.pk is None
        flags = self._flags(parsed.flags, parsed.title, parsed.description)
        values = {
            "title": parsed.title[:200],
            "date": parsed.date,
            "organizer": parsed.organizer[:200],
            "description": parsed.description,
            "flags": flags,
            "review_status": self._review(flags),
        }
        if self.publish:
            values["is_published"] = True
        changed = self._sync(event, values, "event", f"Evenemang {parsed.slug}")
        if event.is_published and event.published_at is None:
            event.published_at = timezone.now()
            changed = True
        if is_new:
            self._stamp_source(event)
            event.loaded_values["__people"] = self._wanted_event_people()[1]
        if changed:
            _clean(event)
            self._write(Event, [event] if is_new else [], [] if is_new else [event])
        self.event_is_new = is_new
        self._outcome("event", is_new, changed)
        self._flag(f"Evenemang {parsed.title}", flags)
        return event

    def _stamp_source(self, event: Event) -> None:
        event.source_name = self.source_name[:255]
        event.source_checksum = self.checksum
        event.source_loaded_at = timezone.now()

    def _people(self) -> None:
        slugs = {
            slugify(p.name)[:200]: p for p in self.parsed.people if slugify(p.name)
        }
        # An erased person's slug is a key derived from the old one (see erase_person).
        # If staff made a new person with the old slug, the erasure still wins.
        keys = {key: slug for slug in slugs for key in erased_keys(slug)}
        existing = {}
        erased = set()
        for person in Person.objects.filter(slug__in=[*slugs, *keys]):
            if person.slug in keys or person.erased_at is not None:
                erased.add(keys.get(person.slug, person.slug))
            else:
                existing[person.slug] = person
        fresh, updated = [], []
        for slug, parsed in slugs.items():
            if slug in erased:
                # Personal data removed on request: never create or link them again.
                self.erased_names.add(parsed.name)
                self.report.skipped_erased += 1
                continue
            person = existing.get(slug) or Person(slug=slug)
            is_new = person.pk is None
            self.people[parsed.name] = person
            values = {"name": parsed.name[:200]}
            for attribute in ("title", "organization", "phone"):
                if getattr(parsed, attribute):
                    values[attribute] = getattr(parsed, attribute)[:255]
            if parsed.municipality in self.municipalities:
                values["municipality_id"] = self.municipalities[parsed.municipality]
            changed = self._sync(person, values, "person", f"Person {parsed.name}")
            if is_new or changed:
                _clean(person)
                (fresh if is_new else updated).append(person)
            self._outcome("person", is_new, changed)
        self._write(Person, fresh, updated)

    def _flags(self, flags: list[str], *texts: str) -> list[str]:
        """Add a review flag when the text names a person whose data was erased."""
        if any(name in text for name in self.erased_names for text in texts):
            return [*flags, NAME_IN_TEXT_FLAG]
        return flags

    def _wanted_event_people(self) -> tuple[list, list]:
        wanted = [(name, EventPerson.Role.MODERATOR) for name in self.parsed.moderators]
        wanted += [(name, EventPerson.Role.CONTACT) for name in self.parsed.contacts]
        wanted = [(n, r) for n, r in dict.fromkeys(wanted) if n in self.people]
        target = _plain(sorted((self.people[n].slug, str(r)) for n, r in wanted))
        return wanted, target

    def _event_people(self, event: Event) -> None:
        wanted, target = self._wanted_event_people()
        rows = (
            []
            if self.event_is_new
            else list(event.event_people.select_related("person"))
        )
        current = sorted((row.person.slug, row.role) for row in rows)
        stored = dict(event.loaded_values)
        label = f"Evenemang {event.slug}"
        decision = (
            "replace"
            if self.event_is_new
            else self._relation(event, "__people", current, target, label)
        )
        self._remember(event, stored)
        if decision != "replace":
            self.report.count("unchanged", "link", len(rows))
            return
        have = {(row.person.slug, row.role): row for row in rows}
        fresh = [
            EventPerson(event=event, person=self.people[name], role=role, order=order)
            for order, (name, role) in enumerate(wanted)
            if (self.people[name].slug, role) not in have
        ]
        self._create(fresh, EventPerson, "link")
        wanted_keys = {(self.people[n].slug, r) for n, r in wanted}
        for key, row in have.items():
            if key not in wanted_keys:
                self._delete(row, "link")

    def _sessions(self, event: Event) -> None:
        existing = (
            {} if self.event_is_new else {s.slug: s for s in event.sessions.all()}
        )
        current = _Current(existing.values())
        pending = []
        fresh = []
        for order, parsed in enumerate(self.parsed.sessions):
            session = existing.get(parsed.slug) or Session(
                event=event, slug=parsed.slug
            )
            is_new = session.pk is None
            flags = parsed.flags
            if self.erased_names:
                texts = [b.text for b in parsed.blocks] + [
                    item for b in parsed.blocks for item in b.items
                ]
                flags = self._flags(flags, parsed.title, *texts)
            values = {
                "title": parsed.title[:255],
                "kind": parsed.kind,
                "order": order,
                "documented": parsed.documented,
                "flags": flags,
                "review_status": self._review(flags),
            }
            if self.publish:
                values["is_published"] = True
            label = f"Programpunkt {parsed.slug}"
            changed = self._sync(session, values, "session", label)
            if session.is_published and session.published_at is None:
                session.published_at = timezone.now()
                changed = True
            wanted = self._wanted_relations(parsed)
            if is_new:
                # Remember the relations up front, so the one history row is complete.
                session.loaded_values.update(wanted)
                _clean(session)
                fresh.append(session)
            elif changed:
                self._save(session)
            self.sessions[parsed.slug] = session
            pending.append((session, parsed, wanted, is_new, changed))
            self._flag(f"Programpunkt {parsed.title}", flags)
        self._create_sessions(fresh, pending)
        links, blocks = [], []
        for session, parsed, wanted, is_new, changed in pending:
            if is_new:
                links += self._speaker_rows(session, parsed)
                blocks += self._block_rows(session, parsed)
                self._outcome("session", True, True)
                continue
            stored = dict(session.loaded_values)
            changed |= self._speakers(session, parsed, wanted, current, links)
            changed |= self._municipalities(session, wanted, current)
            changed |= self._blocks(session, parsed, wanted, current, blocks)
            self._remember(session, stored)
            self._outcome("session", False, changed)
        self._create(links, SessionSpeaker, "link")
        self._create(blocks, ContentBlock, "block")
        seen = {parsed.slug for parsed in self.parsed.sessions}
        self.stale_sessions = [
            session
            for slug, session in existing.items()
            if slug not in seen and session.loaded_values
        ]

    def _wanted_relations(self, parsed) -> dict:
        speakers = [
            (self.people[name].slug, role)
            for name, role in parsed.speakers
            if name in self.people
        ]
        return {
            "__speakers": _plain(sorted(dict.fromkeys(speakers))),
            "__municipalities": sorted(
                code
                for code in set(parsed.municipalities)
                if code in self.municipalities
            ),
            "__blocks": [
                _block_value(b.kind, b.text, b.items, self.people.get(b.person))
                for b in parsed.blocks
            ],
        }

    def _create_sessions(self, fresh: list[Session], pending) -> None:
        """Insert new sessions, their municipalities and the history of both in bulk."""
        if not fresh:
            return
        Session.objects.bulk_create(fresh)
        through = Session.municipalities.through
        rows = [
            through(session_id=session.pk, municipality_id=self.municipalities[code])
            for session in fresh
            for code in session.loaded_values["__municipalities"]
        ]
        through.objects.bulk_create(rows)
        date = _copy_to_history(Session, fresh, [], self.reason)
        if rows and date:
            _copy_session_municipalities_to_history(fresh, date)

    def _speaker_rows(self, session, parsed) -> list[SessionSpeaker]:
        by_slug = {p.slug: p for p in self.people.values()}
        wanted = [
            (self.people[n].slug, role)
            for n, role in parsed.speakers
            if n in self.people
        ]
        return [
            SessionSpeaker(
                session=session, person=by_slug[slug], role=role, order=order
            )
            for order, (slug, role) in enumerate(dict.fromkeys(wanted))
        ]

    def _block_rows(self, session, parsed) -> list[ContentBlock]:
        return [
            ContentBlock(
                session=session,
                order=order,
                kind=b.kind,
                text=b.text,
                items=b.items,
                person=self.people.get(b.person),
            )
            for order, b in enumerate(parsed.blocks)
        ]

    def _speakers(self, session, parsed, wanted, current, links) -> bool:
        rows = current.speakers.get(session.pk, [])
        now = _plain(sorted((row.person.slug, row.role) for row in rows))
        label = f"Programpunkt {parsed.slug}"
        target = wanted["__speakers"]
        if self._relation(session, "__speakers", now, target, label) != "replace":
            self.report.count("unchanged", "link", len(rows))
            return False
        have = {(row.person.slug, row.role): row for row in rows}
        for row in self._speaker_rows(session, parsed):
            if (row.person.slug, row.role) not in have:
                links.append(row)
        keep = {tuple(item) for item in target}
        for key, row in have.items():
            if key not in keep:
                self._delete(row, "link")
        return True

    def _municipalities(self, session, wanted, current) -> bool:
        now = sorted(current.municipalities.get(session.pk, []))
        target = wanted["__municipalities"]
        label = f"Programpunkt {session.slug}"
        if self._relation(session, "__municipalities", now, target, label) != "replace":
            return False
        session._change_reason = self.reason
        session.municipalities.set([self.municipalities[code] for code in target])
        return True

    def _blocks(self, session, parsed, wanted, current, blocks) -> bool:
        rows = current.blocks.get(session.pk, [])
        now = [_block_value(row.kind, row.text, row.items, row.person) for row in rows]
        label = f"Programpunkt {parsed.slug}"
        if (
            self._relation(session, "__blocks", now, wanted["__blocks"], label)
            != "replace"
        ):
            self.report.count("unchanged", "block", len(rows))
            return False
        for row in rows:
            self._delete(row, "block")
        blocks += self._block_rows(session, parsed)
        return True

    def _create(self, rows: list, model, kind: str | None = None) -> None:
        """Insert new rows the import does not refer to again, and their history.

        Rows with text from the document were validated when they were built; links
        and content blocks hold only values the loader chose from fixed choices.
        """
        if not rows:
            return
        _insert_with_history(model, rows, self.reason)
        if kind:
            self.report.count("created", kind, len(rows))

    def _write(self, model, created: list, updated: list, keep_pks=True) -> None:
        """Insert ``created``, update ``updated`` and write the history of both.

        One insert, one update per changed row, and one insert of the history of all
        ("+" for created, "~" for updated, as save() would write them). Without
        ``keep_pks`` the created rows do not learn their primary keys, which lets
        PostgreSQL insert them and their history in one statement. The rows were
        validated when they were built.
        """
        if not created and not updated:
            return
        self.wrote = True
        if created and not keep_pks:
            _insert_with_history(model, created, self.reason)
            created = []
        elif created:
            model.objects.bulk_create(created)
        now = timezone.now()
        for obj in updated:
            # One plain UPDATE each, as save() writes: bulk_update's CASE per column
            # costs more than it saves at the few rows a load changes.
            obj.updated_at = now
            values = {name: getattr(obj, name) for name in _updatable_fields(model)}
            model.objects.filter(pk=obj.pk).update(**values)
        _copy_to_history(model, created, updated, self.reason)

    def _delete(self, row, kind: str) -> None:
        row._change_reason = self.reason
        row.delete()
        self.report.count("deleted", kind)

    def _figures(self, event: Event) -> None:
        existing = (
            {}
            if self.event_is_new
            else {f.natural_key: f for f in event.key_figures.all()}
        )
        seen: dict[str, int] = {}
        keys: set[str] = set()
        fresh, updated = [], []
        for order, parsed in enumerate(self.parsed.figures):
            # The sentence with its numbers masked, and the place in it: a corrected
            # number updates the same figure instead of replacing it.
            base = natural_key(parsed.session, DIGITS.sub("#", parsed.source_text))
            seen[base] = seen.get(base, 0) + 1
            key = natural_key(base, seen[base])
            keys.add(key)
            figure = existing.get(key) or KeyFigure(event=event, natural_key=key)
            is_new = figure.pk is None
            session = self.sessions.get(parsed.session)
            values = {
                "label": parsed.label[:255],
                "value": parsed.value,
                "unit": parsed.unit,
                "period": parsed.period,
                "year": int(parsed.period) if parsed.period.isdigit() else None,
                "scope": parsed.scope,
                "municipality_id": self.municipalities.get(parsed.municipality),
                "qualifier": parsed.qualifier,
                "source_text": parsed.source_text,
                "order": order,
                "session_id": session.pk if session else None,
                "flags": parsed.flags,
                "review_status": self._review(parsed.flags),
            }
            changed = self._sync(
                figure, values, "key_figure", f"Nyckeltal ”{parsed.label}”"
            )
            self._flag(
                f"Nyckeltal {parsed.label} ({parsed.value} {parsed.unit})", parsed.flags
            )
            if is_new or changed:
                _clean(figure)
                (fresh if is_new else updated).append(figure)
            self._outcome("key_figure", is_new, changed)
        self._write(KeyFigure, fresh, updated, keep_pks=False)
        for key, figure in existing.items():
            if key not in keys and figure.loaded_values:
                self._remove(figure, "key_figure", f"Nyckeltal ”{figure.label}”")

    def _quotes(self, event: Event) -> None:
        existing = (
            {} if self.event_is_new else {q.natural_key: q for q in event.quotes.all()}
        )
        keys = set()
        fresh, updated = [], []
        for order, parsed in enumerate(self.parsed.quotes):
            key = natural_key(parsed.session, parsed.person, parsed.text, order)
            if parsed.person in self.erased_names:
                # erase_person re-keyed their quotes, so that no key hashes the name.
                candidates = erased_quote_keys(key)
                key = next((k for k in candidates if k in existing), candidates[0])
            keys.add(key)
            quote = existing.get(key) or Quote(event=event, natural_key=key)
            is_new = quote.pk is None
            person = self.people.get(parsed.person)
            session = self.sessions.get(parsed.session)
            attribution = parsed.attribution[:255]
            if parsed.person in self.erased_names:
                attribution = ANONYMOUS_ATTRIBUTION  # as erase_person left their quotes
            values = {
                "text": parsed.text,
                "person_id": person.pk if person else None,
                "attribution": attribution,
                "municipality_id": self.municipalities.get(parsed.municipality),
                "session_id": session.pk if session else None,
                "order": order,
            }
            changed = self._sync(quote, values, "quote", f"Citat ”{parsed.text[:40]}”")
            if is_new or changed:
                _clean(quote)
                (fresh if is_new else updated).append(quote)
            self._outcome("quote", is_new, changed)
        self._write(Quote, fresh, updated, keep_pks=False)
        for key, quote in existing.items():
            if key not in keys and quote.loaded_values:
                self._remove(quote, "quote", f"Citat ”{quote.text[:40]}”")

    def _remove(self, obj, kind: str, label: str) -> None:
        """Delete a record the document no longer has, unless staff edited it."""
        loaded = obj.loaded_values or {}
        edited = [
            name
            for name, value in loaded.items()
            if not name.startswith("__") and _plain(getattr(obj, name, value)) != value
        ]
        if edited:
            self.report.kept.append(
                f"{label}: finns inte längre i dokumentet men är ändrad i admin"
            )
            return
        obj._change_reason = self.reason
        obj.delete()
        self.report.count("deleted", kind)


def _municipality_codes(parsed: ParsedEvent) -> set[str]:
    """Return every municipality code the document uses, to read only those rows."""
    codes = {person.municipality for person in parsed.people}
    codes.update(code for session in parsed.sessions for code in session.municipalities)
    codes.update(figure.municipality for figure in parsed.figures)
    codes.update(quote.municipality for quote in parsed.quotes)
    codes.discard("")
    return codes


def _block_value(kind, text, items, person) -> list:
    return [kind, text, list(items or []), person.slug if person else ""]


def _clean(obj) -> None:
    """Validate the plain fields (lengths, digits, choices) without database queries."""
    skip = [
        f.name
        for f in obj._meta.fields
        if f.is_relation or f.get_internal_type() == "JSONField"
    ]
    obj.clean_fields(exclude=skip)


class _Current:
    """The relations of existing sessions, read in three queries."""

    def __init__(self, sessions):
        ids = [session.pk for session in sessions]
        self.speakers: dict[int, list] = {}
        self.municipalities: dict[int, list] = {}
        self.blocks: dict[int, list] = {}
        if not ids:
            return
        links = SessionSpeaker.objects.filter(session_id__in=ids).select_related(
            "person"
        )
        for row in links:
            self.speakers.setdefault(row.session_id, []).append(row)
        through = Session.municipalities.through.objects.filter(session_id__in=ids)
        for session_id, code in through.values_list("session_id", "municipality__code"):
            self.municipalities.setdefault(session_id, []).append(code)
        blocks = ContentBlock.objects.filter(session_id__in=ids).select_related(
            "person"
        )
        for row in blocks.order_by("session_id", "order", "pk"):
            self.blocks.setdefault(row.session_id, []).append(row)


def _copy_to_history(model, created: list, updated: list, reason: str):
    """Write the history rows of rows just written, in one query; return their date.

    These are the rows simple-history's save() or bulk_history_create() would write
    ("+" for created, "~" for updated, the loader's change reason, the user of the
    request if any), but the database copies the values from the rows themselves
    instead of the loader building and sending a second model instance per row.
    Identifiers come from the models' metadata; every value is a parameter. A model
    whose history also tracks m2m fields needs those copied too (see Session).
    """
    objs = [*created, *updated]
    if not objs or not _history_enabled():
        return None
    history = _history(model).model
    q = connection.ops.quote_name
    date = timezone.now()
    user = history.get_default_history_user(objs[0])
    columns = ", ".join(q(field.column) for field in history.tracked_fields)
    pk = q(model._meta.pk.column)
    kind = "%s"
    kind_params = ["+" if created else "~"]
    if created and updated:
        kind = f"CASE WHEN {pk} IN ({_marks(created)}) THEN '+' ELSE '~' END"
        kind_params = [obj.pk for obj in created]
    # Table and column names come from model metadata; values travel as parameters.
    sql = (
        f"INSERT INTO {q(history._meta.db_table)} ({columns}, history_date, "  # noqa: S608  # nosec B608
        "history_change_reason, history_type, history_user_id) "
        f"SELECT {columns}, %s, %s, {kind}, %s FROM {q(model._meta.db_table)} "
        f"WHERE {pk} IN ({_marks(objs)}) ORDER BY {pk}"
    )
    params = [
        connection.ops.adapt_datetimefield_value(date),
        reason,
        *kind_params,
        user.pk if user else None,
        *(obj.pk for obj in objs),
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
    return date


def _insert_with_history(model, objs: list, reason: str) -> None:
    """Insert ``objs`` and write their history rows; the objects get no primary key.

    On PostgreSQL one statement: Django's own bulk INSERT, in a WITH whose RETURNING
    rows are copied to the history table (the rows _copy_to_history writes). Elsewhere
    bulk_create, then _copy_to_history.
    """
    if connection.vendor != "postgresql" or not _history_enabled():
        model.objects.bulk_create(objs)
        _copy_to_history(model, objs, [], reason)
        return
    fields = [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key and not field.generated
    ]
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
    query = InsertQuery(model)
    query.insert_values(fields, objs)
    [(insert, params)] = query.get_compiler(connection=connection).as_sql()
    history = _history(model).model
    q = connection.ops.quote_name
    columns = ", ".join(q(field.column) for field in history.tracked_fields)
    user = history.get_default_history_user(objs[0])
    # Table and column names come from model metadata; values travel as parameters.
    sql = (
        f"WITH new AS ({insert} RETURNING {columns}) "  # noqa: S608  # nosec B608
        f"INSERT INTO {q(history._meta.db_table)} ({columns}, history_date, "
        "history_change_reason, history_type, history_user_id) "
        f"SELECT {columns}, %s, %s, '+', %s FROM new "
        f"ORDER BY {q(model._meta.pk.column)}"
    )
    date = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, date, reason, user.pk if user else None])


def _history_enabled() -> bool:
    return getattr(settings, "SIMPLE_HISTORY_ENABLED", True)


def _copy_session_municipalities_to_history(sessions: list, date) -> None:
    """Copy new sessions' municipality links to their history rows written at ``date``.

    simple-history keeps them per history row (Session tracks this m2m field).
    """
    history = _history(Session).model
    table = apps.get_model("sessions_app", "HistoricalSession_municipalities")
    through = Session.municipalities.through
    q = connection.ops.quote_name
    # Table and column names come from model metadata; values travel as parameters.
    sql = (
        f"INSERT INTO {q(table._meta.db_table)} "  # noqa: S608  # nosec B608
        "(id, session_id, municipality_id, history_id) "
        "SELECT t.id, t.session_id, t.municipality_id, h.history_id "
        f"FROM {q(through._meta.db_table)} t "
        f"JOIN {q(history._meta.db_table)} h ON h.id = t.session_id "
        f"WHERE t.session_id IN ({_marks(sessions)}) AND h.history_date = %s "
        "ORDER BY t.id"
    )
    params = [*(session.pk for session in sessions)]
    params.append(connection.ops.adapt_datetimefield_value(date))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _marks(objs: list) -> str:
    return ", ".join(["%s"] * len(objs))


@cache
def _updatable_fields(model) -> list[str]:
    return [
        field.attname
        for field in model._meta.concrete_fields
        if not field.primary_key and not getattr(field, "auto_now_add", False)
    ]


@cache
def _history(model):
    """Return the model's history manager; simple-history builds a new class per access."""
    return get_history_manager_for_model(model)
