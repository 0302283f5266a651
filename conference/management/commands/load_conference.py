"""Load a conference documentation page (.txt or .html) into the database."""

from django.core.management.base import BaseCommand, CommandError

from conference.loader.importer import LoadError, import_event
from conference.loader.read import SourceError, parse_source, read_source


class Command(BaseCommand):
    help = (
        "Läs in en konferensdokumentation (.txt i UTF-8 eller .html) som evenemang, "
        "programpunkter, personer, kommuner, nyckeltal och citat. Går att köra om: "
        "det som ändrats i admin sedan förra inläsningen behålls."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Sökväg till dokumentet (.txt eller .html).")
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

    def handle(self, *args, path, dry_run, publish, verbosity, **options):
        try:
            source = read_source(path)
            parsed = parse_source(source)
            report = import_event(
                parsed=parsed,
                source_name=source.name,
                checksum=source.checksum,
                publish=publish,
                dry_run=dry_run,
            )
        except (SourceError, LoadError) as error:
            raise CommandError(str(error)) from error
        if verbosity == 0:
            return
        lines = report.lines(verbose=verbosity > 1)
        self.stdout.write("\n".join(lines))
