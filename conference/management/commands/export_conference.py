"""Print the conference content as JSON, for backups and analysis."""

from django.core.management.base import BaseCommand, CommandError

from conference.loader.export import export_json
from conference.models import Event


class Command(BaseCommand):
    help = "Skriv ut evenemang, programpunkter, personer, citat och nyckeltal som JSON."

    def add_arguments(self, parser):
        parser.add_argument(
            "--event", metavar="SLUG", help="Bara evenemanget med denna slug."
        )
        parser.add_argument(
            "--indent", type=int, default=2, help="Indrag i JSON (0 = en rad)."
        )

    def handle(self, *args, event, indent, **options):
        if event is not None and not Event.objects.filter(slug=event).exists():
            raise CommandError(f"Inget evenemang med slug ”{event}”.")
        for text in export_json(event_slug=event, indent=indent):
            self.stdout.write(text, ending="")
        self.stdout.write("")
