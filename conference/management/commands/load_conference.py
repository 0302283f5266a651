"""Load conference documentation pages (files, folders or web addresses) into the database."""

import datetime
import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from conference.loader.importer import LoadError, import_event
from conference.loader.read import (
    SUFFIXES,
    URL_TIMEOUT,
    Source,
    SourceError,
    is_url,
    parse_source,
    read_source,
    read_url,
)

MAX_DOCUMENTS = 500
MAX_TIMEOUT = 60
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class Command(BaseCommand):
    help = (
        "Läs in konferensdokumentationer (.txt eller .html, filer, kataloger eller "
        "webbadresser) som evenemang, programpunkter, personer, kommuner, nyckeltal "
        "och citat. Varje dokument läses in för sig. Går att köra om: det som ändrats "
        "i admin sedan förra inläsningen behålls."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "sources",
            nargs="+",
            metavar="SÖKVÄG_ELLER_ADRESS",
            help="Dokument (.txt eller .html), kataloger med dokument, eller "
            "webbadresser (http:// eller https://).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Visa vad som skulle ändras utan att spara något.",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publicera evenemanget och dess programpunkter (om ingen i admin "
            "har avpublicerat dem sedan förra inläsningen).",
        )
        parser.add_argument(
            "--date",
            default="",
            help="Evenemangets datum (ÅÅÅÅ-MM-DD) när dokumentet inte anger det "
            "eller anger fel; bara med ett dokument.",
        )
        parser.add_argument(
            "--title",
            default="",
            help="Evenemangets namn när dokumentet inte har en tydlig rubrik; "
            "bara med ett dokument.",
        )
        parser.add_argument(
            "--timeout",
            type=float,
            default=URL_TIMEOUT,
            help=f"Sekunder att vänta på en webbadress (högst {MAX_TIMEOUT}).",
        )

    def handle(self, *args, sources, dry_run, publish, verbosity, **options):
        event_date = _parse_date(options["date"])
        title = options["title"].strip()
        timeout = options["timeout"]
        if not 0 < timeout <= MAX_TIMEOUT:
            raise CommandError(
                f"--timeout måste vara mellan 0 och {MAX_TIMEOUT} sekunder"
            )
        if len(title) > 200:
            raise CommandError("--title får vara högst 200 tecken")
        documents = _expand(sources)
        if (event_date or title) and len(documents) != 1:
            raise CommandError(
                f"--date och --title gäller ett dokument, men {len(documents)} angavs; "
                "läs in dem ett i taget"
            )
        failures: list[tuple[str, str]] = []
        for document in documents:
            try:
                source = _read(document, timeout)
                parsed = parse_source(source, title=title, date=event_date)
                report = import_event(
                    parsed=parsed,
                    source_name=source.name,
                    checksum=source.checksum,
                    publish=publish,
                    dry_run=dry_run,
                )
            except (SourceError, LoadError) as error:
                failures.append((document, str(error)))
                if len(documents) > 1:
                    self.stderr.write(f"Misslyckades: {error}")
                continue
            if verbosity > 0:
                self.stdout.write("\n".join(report.lines(verbose=verbosity > 1)))
        if len(documents) == 1:
            if failures:
                raise CommandError(failures[0][1])
            return
        summary = _summary(len(documents), failures, dry_run)
        if failures:
            raise CommandError(summary)
        if verbosity > 0:
            self.stdout.write(summary)


def _parse_date(text: str) -> datetime.date | None:
    if not text:
        return None
    try:
        if not ISO_DAY.fullmatch(text):
            raise ValueError
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f"Ogiltigt datum ”{text[:40]}”: skriv det som ÅÅÅÅ-MM-DD, t.ex. 2025-03-18"
        ) from None


def _expand(arguments: list[str]) -> list[str]:
    """Return the documents named: folders give their .txt and .html files, sorted."""
    documents = []
    for argument in arguments:
        path = Path(argument)
        if not is_url(argument) and path.is_dir():
            found = sorted(
                str(child)
                for child in path.iterdir()
                if child.is_file() and child.suffix.lower() in SUFFIXES
            )
            if not found:
                raise CommandError(
                    f"Katalogen {argument} innehåller inga dokument (.txt eller .html)"
                )
            documents += found
        else:
            documents.append(argument)
        if len(documents) > MAX_DOCUMENTS:
            raise CommandError(
                f"Högst {MAX_DOCUMENTS} dokument per körning; dela upp inläsningen"
            )
    return documents


def _read(document: str, timeout: float) -> Source:
    if is_url(document):
        return read_url(document, timeout=timeout)
    return read_source(document)


def _summary(total: int, failures: list[tuple[str, str]], dry_run: bool) -> str:
    loaded = total - len(failures)
    verb = "provlästes (inget sparades)" if dry_run else "lästes in"
    text = f"{loaded} av {total} dokument {verb}"
    if not failures:
        return text
    names = ", ".join(name if is_url(name) else Path(name).name for name, _ in failures)
    return f"{text}, {len(failures)} misslyckades: {names}"
