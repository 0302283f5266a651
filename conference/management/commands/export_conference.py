"""Print the conference content as JSON, for backups and analysis."""

import json

from django.core.management.base import BaseCommand, CommandError

from conference.loader.export import export_content
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
        content = export_content(event_slug=event)
        self.stdout.write(
            json.dumps(content, ensure_ascii=False, indent=indent or None)
        )
