"""Generate realistic, clearly marked test data at scale, for benchmarks and demos.

Everything made here says so: event titles start with "[Genererad]", slugs of events,
sessions and people start with "genererad-", and the organiser and organisations are
"Genererad testdata". Rows are written with bulk_create (no history records), and can
be removed again with ``delete_generated()``.
"""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection, transaction
from django.utils.text import slugify

from conference.content_version import bump_content_version
from conference.formatting import format_value_with_unit
from conference.models import (
    Event,
    EventPerson,
    KeyFigure,
    Municipality,
    ReviewStatus,
)
from conference.models import Measure as MeasureRecord
from sessions_app.models import ContentBlock, Session, SessionSpeaker
from speakers_app.models import Person

PREFIX = "genererad-"
TITLE_PREFIX = "[Genererad]"
ORGANIZER = "Genererad testdata"
BATCH = 5000
FIRST_YEAR = 2015
YEARS = 10


@dataclass(frozen=True)
class Measure:
    label: str
    unit: str
    low: float
    high: float
    decimals: int = 0


# Kolada-like measures of the labour-market and welfare field (invented values).
MEASURES = [
    Measure("Andel förvärvsarbetande 20–64 år", "percent", 65, 88, 1),
    Measure("Andel öppet arbetslösa 16–64 år", "percent", 2, 11, 1),
    Measure(
        "Andel unga 16–24 år som varken arbetar eller studerar", "percent", 3, 15, 1
    ),
    Measure("Andel deltagare i arbete eller studier efter insats", "percent", 20, 60),
    Measure("Andel elever med gymnasieexamen inom fyra år", "percent", 55, 85),
    Measure("Antal deltagare i kommunala arbetsmarknadsinsatser", "persons", 30, 6000),
    Measure("Antal långtidsarbetslösa", "persons", 40, 12000),
    Measure("Antal nyanlända i etableringsuppdraget", "persons", 10, 3000),
    Measure("Antal hushåll med ekonomiskt bistånd", "households", 40, 15000),
    Measure("Kostnad för arbetsmarknadsåtgärder", "SEK", 2_000_000, 400_000_000),
    Measure("Ekonomiskt bistånd per invånare", "SEK", 300, 3500),
    Measure("Handläggningstid för ansökan om ekonomiskt bistånd", "days", 1, 30, 1),
    Measure("Väntetid till första samtal med jobbcoach", "days", 0.5, 20, 1),
    Measure("Väntetid till start i svenska för invandrare", "weeks", 1, 12),
    Measure("Genomsnittlig tid i insats", "months", 2, 18, 1),
    Measure("Genomsnittlig tid med ekonomiskt bistånd", "years", 0.5, 4, 1),
    Measure("Arbetade timmar i extratjänster", "hours", 1000, 400_000),
    Measure("Antal feriejobb för unga", "count", 20, 3000),
    Measure("Antal platser i yrkesvux", "count", 10, 2500),
    Measure("Antal arbetsgivare i samverkan", "count", 5, 600),
]
QUALIFIERS = ["", "", "", "", "", "", "", "just_under", "just_over", "about"]
REVIEW_STATUSES = [ReviewStatus.REVIEWED] * 7 + [
    ReviewStatus.UNREVIEWED,
    ReviewStatus.UNREVIEWED,
    ReviewStatus.NEEDS_REVIEW,
]
TOPICS = [
    "arbetsmarknad",
    "kompetensförsörjning",
    "ekonomiskt bistånd",
    "unga vuxna",
    "etablering",
    "vuxenutbildning",
    "samverkan",
    "socialt hållbar utveckling",
]
SESSION_KINDS = [choice for choice, _label in Session.Kind.choices]
FIRST_NAMES = ["Anna", "Erik", "Maria", "Lars", "Sara", "Johan", "Fatima", "Ali"]
LAST_NAMES = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson"]


@dataclass
class GeneratedCounts:
    events: int
    sessions: int
    people: int
    key_figures: int


def generated_events():
    return Event.objects.filter(slug__startswith=PREFIX)


def delete_where(model, field: str, values: list[int], chunk: int = 1000) -> None:
    """DELETE the rows of ``model`` whose ``field`` is one of ``values``, in chunks."""
    table = connection.ops.quote_name(model._meta.db_table)
    column = connection.ops.quote_name(model._meta.get_field(field).column)
    with connection.cursor() as cursor:
        for start in range(0, len(values), chunk):
            part = values[start : start + chunk]
            placeholders = ", ".join(["%s"] * len(part))
            # Table and column names come from the models, the values are parameters.
            sql = f"DELETE FROM {table} WHERE {column} IN ({placeholders})"  # noqa: S608  # nosec B608
            cursor.execute(sql, part)


def has_generated_data() -> bool:
    return generated_events().exists()


@transaction.atomic
def delete_generated() -> None:
    """Remove every generated row, fast: plain SQL deletes send no per-row signals.

    ``QuerySet.delete()`` would write a history record and send signals for each of
    the hundred thousand rows.
    """
    event_ids = list(generated_events().values_list("pk", flat=True))
    session_ids = list(
        Session.objects.filter(event_id__in=event_ids).values_list("pk", flat=True)
    )
    delete_where(KeyFigure, "event", event_ids)
    delete_where(SessionSpeaker, "session", session_ids)
    delete_where(ContentBlock, "session", session_ids)
    delete_where(Session.municipalities.through, "session", session_ids)
    delete_where(Session, "event", event_ids)
    delete_where(EventPerson, "event", event_ids)
    person_ids = list(
        Person.objects.filter(slug__startswith=PREFIX).values_list("pk", flat=True)
    )
    delete_where(Person, "id", person_ids)
    delete_where(Event, "id", event_ids)
    measure_ids = list(
        MeasureRecord.objects.filter(slug__startswith=PREFIX).values_list(
            "pk", flat=True
        )
    )
    delete_where(MeasureRecord, "id", measure_ids)
    # The deletes sent no signals: invalidate cached pages and counts ourselves.
    transaction.on_commit(bump_content_version)


class Generator:
    def __init__(self, *, seed: int, drafts: bool = True):
        self.rng = random.Random(seed)  # noqa: S311 (test data, not security)
        self.drafts = drafts
        self.base_values: dict[tuple, tuple[float, int]] = {}

    def value(self, measure: Measure, area: int | None, year: int) -> Decimal:
        """A value that drifts smoothly over the years for one measure and area."""
        key = (measure.label, area)
        if key not in self.base_values:
            base = self.rng.uniform(measure.low, measure.high)
            self.base_values[key] = (base, self.rng.choice([1, -1]))
        base, direction = self.base_values[key]
        trend = 1 + 0.03 * (year - FIRST_YEAR) * direction
        raw = base * trend * self.rng.uniform(0.95, 1.05)
        if measure.unit == "percent":
            raw = min(raw, 100)
        return round(Decimal(str(raw)), measure.decimals)

    def events(self, count: int) -> list[Event]:
        rows = []
        for number in range(count):
            topic = TOPICS[number % len(TOPICS)]
            year = FIRST_YEAR + number * YEARS // max(count, 1)
            rows.append(
                Event(
                    title=f"{TITLE_PREFIX} Mötesplats {topic} {year} ({number + 1})",
                    slug=f"{PREFIX}motesplats-{number + 1}",
                    date=datetime.date(year, 1 + number % 12, 10 + number % 15),
                    organizer=ORGANIZER,
                    venue="Genererad plats",
                    description=f"{TITLE_PREFIX} Påhittat evenemang för test och demo.",
                    # Every tenth event stays a draft, so the public filter is exercised.
                    is_published=not self.drafts or number % 10 != 9,
                    source_name="generate_demo_data",
                )
            )
        return Event.objects.bulk_create(rows, batch_size=BATCH)

    def sessions(self, events: list[Event], count: int) -> list[Session]:
        rows = [
            Session(
                event=events[number % len(events)],
                title=f"{TITLE_PREFIX} Programpunkt {number + 1}",
                slug=f"{PREFIX}programpunkt-{number + 1}",
                kind=self.rng.choice(SESSION_KINDS),
                order=number // len(events),
                summary="Påhittad programpunkt med genererade nyckeltal.",
                is_published=self.rng.random() > 0.05 or not self.drafts,
            )
            for number in range(count)
        ]
        sessions = Session.objects.bulk_create(rows, batch_size=BATCH)
        ContentBlock.objects.bulk_create(
            [
                ContentBlock(
                    session=session,
                    order=0,
                    kind=ContentBlock.Kind.PARAGRAPH,
                    text=f"{TITLE_PREFIX} Ett påhittat referat för test och demo.",
                )
                for session in sessions
            ],
            batch_size=BATCH,
        )
        return sessions

    def session_municipalities(self, sessions, municipalities) -> None:
        through = Session.municipalities.through
        rows = []
        for session in sessions:
            for municipality in self.rng.sample(municipalities, self.rng.randint(1, 3)):
                rows.append(through(session=session, municipality=municipality))
        through.objects.bulk_create(rows, batch_size=BATCH)

    def people(self, count: int, municipalities) -> list[Person]:
        rows = [
            Person(
                name=f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"
                f" (genererad {number + 1})",
                slug=f"{PREFIX}person-{number + 1}",
                title="Utvecklingsledare",
                organization=ORGANIZER,
                municipality=self.rng.choice(municipalities),
            )
            for number in range(count)
        ]
        return Person.objects.bulk_create(rows, batch_size=BATCH)

    def speakers(self, sessions, people) -> None:
        if not people:
            return
        rows = []
        for session in sessions:
            for order, person in enumerate(
                self.rng.sample(people, min(len(people), self.rng.randint(1, 3)))
            ):
                rows.append(SessionSpeaker(session=session, person=person, order=order))
        SessionSpeaker.objects.bulk_create(rows, batch_size=BATCH)

    def measure_records(self) -> dict[str, int]:
        """Return the id of each generated measure (made once), by label."""
        ids = {}
        for measure in MEASURES:
            record, _created = MeasureRecord.objects.get_or_create(
                slug=f"{PREFIX}{slugify(measure.label)}"[:100],
                defaults={
                    "name": measure.label,
                    "unit": measure.unit,
                    "source": ORGANIZER,
                },
            )
            ids[measure.label] = record.pk
        return ids

    def key_figures(self, count: int, sessions, municipalities, country) -> int:
        by_event: dict[int, list[Session]] = {}
        for session in sessions:
            by_event.setdefault(session.event_id, []).append(session)
        event_ids = list(by_event)
        measure_ids = self.measure_records()
        batch: list[KeyFigure] = []
        for number in range(count):
            measure = MEASURES[number % len(MEASURES)]
            draw = self.rng.random()
            if draw < 0.03:
                scope, municipality = KeyFigure.Scope.COUNTRY, country
            elif draw < 0.05:
                scope, municipality = KeyFigure.Scope.REGION, None
            else:
                scope = KeyFigure.Scope.MUNICIPALITY
                municipality = self.rng.choice(municipalities)
            year = FIRST_YEAR + self.rng.randrange(YEARS)
            value = self.value(measure, municipality.pk if municipality else None, year)
            area = municipality.name if municipality else "Göteborgsregionen"
            session = self.rng.choice(by_event[self.rng.choice(event_ids)])
            batch.append(
                KeyFigure(
                    event_id=session.event_id,
                    session=session,
                    label=measure.label,
                    measure_id=measure_ids[measure.label],
                    value=value,
                    unit=measure.unit,
                    period=str(year),
                    year=year,
                    scope=scope,
                    municipality=municipality,
                    qualifier=self.rng.choice(QUALIFIERS),
                    source_text=f"{TITLE_PREFIX} {measure.label} i {area} var "
                    f"{format_value_with_unit(value, measure.unit)} år {year}.",
                    review_status=self.rng.choice(REVIEW_STATUSES),
                    order=number,
                    natural_key=f"{PREFIX}{number + 1}",
                )
            )
            if len(batch) >= BATCH:
                KeyFigure.objects.bulk_create(batch)
                batch = []
        KeyFigure.objects.bulk_create(batch)
        return count


@transaction.atomic
def generate(
    *,
    events: int,
    sessions: int,
    people: int,
    key_figures: int,
    seed: int,
    drafts: bool = True,
) -> GeneratedCounts:
    """Write generated events, sessions, people and key figures; return the counts.

    With drafts, every tenth event and about 5 % of sessions stay unpublished, so that
    the public filter has something to hide; without, everything is published.
    """
    generator = Generator(seed=seed, drafts=drafts)
    municipalities = list(Municipality.objects.filter(level="municipality"))
    country = Municipality.objects.get(level="country")
    event_rows = generator.events(events)
    session_rows = generator.sessions(event_rows, sessions)
    generator.session_municipalities(session_rows, municipalities)
    person_rows = generator.people(people, municipalities)
    generator.speakers(session_rows, person_rows)
    generator.key_figures(key_figures, session_rows, municipalities, country)
    # bulk_create sends no signals: invalidate cached pages and counts ourselves.
    transaction.on_commit(bump_content_version)
    return GeneratedCounts(
        events=len(event_rows),
        sessions=len(session_rows),
        people=len(person_rows),
        key_figures=key_figures,
    )
