import datetime

import factory
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from conference.models import Event, EventPerson, KeyFigure, Measure, Municipality


class MunicipalityFactory(DjangoModelFactory):
    """A fictitious municipality; codes from 9000 up are unused in Sweden."""

    class Meta:
        model = Municipality
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{9000 + n % 1000:04d}")
    name = factory.Sequence(lambda n: f"Testkommun {n}")
    slug = factory.Sequence(lambda n: f"testkommun-{n}")
    county_code = "99"
    county_name = "Testlän"


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Mötesplats {n}")
    slug = factory.Sequence(lambda n: f"motesplats-{n}")
    date = datetime.date(2024, 5, 14)
    organizer = "Göteborgsregionen"
    description = "En dag om gemensamma frågor."
    is_published = True


class EventPersonFactory(DjangoModelFactory):
    class Meta:
        model = EventPerson

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory("tests.factories.speakers.PersonFactory")
    role = EventPerson.Role.MODERATOR


class MeasureFactory(DjangoModelFactory):
    class Meta:
        model = Measure
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Antal deltagare {n}")
    slug = factory.LazyAttribute(lambda measure: slugify(measure.name))
    unit = KeyFigure.Unit.PERSONS


class KeyFigureFactory(DjangoModelFactory):
    class Meta:
        model = KeyFigure

    event = factory.SubFactory(EventFactory)
    session = factory.SubFactory(
        "tests.factories.sessions.SessionFactory",
        event=factory.SelfAttribute("..event"),
    )
    label = factory.Sequence(lambda n: f"Antal deltagare {n}")
    value = 1234
    unit = KeyFigure.Unit.PERSONS
    period = "2023"
    year = 2023
    scope = KeyFigure.Scope.MUNICIPALITY
    municipality = factory.SubFactory(MunicipalityFactory)
    source_text = "Under 2023 deltog 1 234 personer."
