"""Fill the database with generated, clearly marked data for benchmarks and demos."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from conference import demo_data


class Command(BaseCommand):
    help = (
        "Fyll databasen med genererade testdata (evenemang, programpunkter, personer, "
        "nyckeltal) för prestandamätning och demo. Allt märks som genererat: titlar "
        "börjar med '[Genererad]', slugs med 'genererad-'. Körs aldrig av 'make run'."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--events", type=int, default=20, help="Antal evenemang (standard 20)."
        )
        parser.add_argument(
            "--sessions",
            type=int,
            default=2000,
            help="Antal programpunkter, fördelade på evenemangen (standard 2000).",
        )
        parser.add_argument(
            "--people", type=int, default=1000, help="Antal personer (standard 1000)."
        )
        parser.add_argument(
            "--key-figures",
            type=int,
            default=100_000,
            help="Antal nyckeltal över alla kommuner och tio år (standard 100000).",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=1,
            help="Slumpfrö: samma frö ger samma data (standard 1).",
        )
        parser.add_argument(
            "--all-published",
            action="store_true",
            help="Publicera allt (annars förblir var tionde evenemang och 5 %% av "
            "programpunkterna opublicerade).",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Ta bort tidigare genererade data först (annars vägrar kommandot).",
        )

    def handle(self, *args, **options):
        counts = {
            name: options[name]
            for name in ("events", "sessions", "people", "key_figures")
        }
        for name, value in counts.items():
            if value < 0:
                raise CommandError(
                    f"--{name.replace('_', '-')} får inte vara negativt."
                )
        if counts["events"] < 1 or counts["sessions"] < 1:
            raise CommandError("Minst ett evenemang och en programpunkt behövs.")
        if demo_data.has_generated_data():
            if not options["replace"]:
                raise CommandError(
                    "Det finns redan genererade data. Kör med --replace för att "
                    "ersätta dem."
                )
            demo_data.delete_generated()
            if options["verbosity"] >= 1:
                self.stdout.write("Tog bort tidigare genererade data.")
        result = demo_data.generate(
            seed=options["seed"], drafts=not options["all_published"], **counts
        )
        # Fresh planner statistics: right after a bulk insert the database still
        # believes the tables are small and picks plans many times slower
        # (docs/production.md, "Figures").
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        if options["verbosity"] >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Genererade {result.events} evenemang, {result.sessions} "
                    f"programpunkter, {result.people} personer och "
                    f"{result.key_figures} nyckeltal."
                )
            )
