"""Swedish sample data for screenshots when the loader is not available.

Fictional people and numbers; one published event with sessions of every block kind.
Run inside a configured Django (scripts/screenshots.py does it).
"""

import datetime
from decimal import Decimal

from django.db import transaction

from conference.models import Event, EventPerson, KeyFigure, Municipality
from sessions_app.models import ContentBlock, Quote, Session, SessionSpeaker
from speakers_app.models import Person

SESSIONS = [
    (
        "Kompetensförsörjning i välfärden",
        "talk",
        "Hur kommunerna kan möta behovet av personal i vård och omsorg.",
        [
            (
                "paragraph",
                "Behovet av personal i välfärden växer snabbare än antalet "
                "personer i arbetsför ålder. Under 2023 anställdes 1 240 personer via "
                "kommunernas arbetsmarknadsinsatser i regionen.",
                [],
            ),
            ("heading", "Tre vägar framåt", []),
            (
                "bullet_list",
                "",
                [
                    "Validering av kompetenser som redan finns",
                    "Språkstöd på arbetsplatsen",
                    "Korta yrkesutbildningar med praktik",
                ],
            ),
            (
                "quote",
                "Vi måste se potentialen hos dem som redan står nära arbetsmarknaden.",
                [],
            ),
            ("heading", "Så gick det till", []),
            (
                "numbered_list",
                "",
                [
                    "Kartläggning av deltagarens erfarenheter",
                    "Matchning mot arbetsgivarens behov",
                    "Uppföljning efter sex månader",
                ],
            ),
            (
                "case_example",
                "Amira kom till Sverige 2019 och hade arbetat som "
                "undersköterska. Efter validering och språkstöd fick hon en "
                "tillsvidareanställning inom hemtjänsten.",
                [],
            ),
            (
                "paragraph",
                "Knappt 62 procent av deltagarna hade arbete eller studerade "
                "ett år efter insatsen.",
                [],
            ),
        ],
        [
            (
                "Andel i arbete eller studier efter ett år",
                "62",
                "percent",
                "just_under",
                "Knappt 62 procent av deltagarna hade arbete eller studerade ett år efter "
                "insatsen.",
            ),
            (
                "Antal anställda via arbetsmarknadsinsatser",
                "1240",
                "persons",
                "",
                "Under 2023 anställdes 1 240 personer via kommunernas "
                "arbetsmarknadsinsatser i regionen.",
            ),
        ],
    ),
    (
        "Unga som varken arbetar eller studerar",
        "seminar",
        "Samverkan mellan kommun, skola och Arbetsförmedlingen.",
        [
            (
                "paragraph",
                "I regionen finns drygt 4 800 unga vuxna som varken arbetar "
                "eller studerar. Seminariet visade hur tidiga kontakter gör skillnad.",
                [],
            ),
            (
                "bullet_list",
                "",
                [
                    "Uppsökande arbete i bostadsområden",
                    "En väg in för den unga",
                    "Gemensam uppföljning",
                ],
            ),
            ("quote", "Det viktigaste är att någon faktiskt ringer tillbaka.", []),
        ],
        [
            (
                "Unga vuxna som varken arbetar eller studerar",
                "4800",
                "persons",
                "just_over",
                "I regionen finns drygt 4 800 unga vuxna som varken arbetar "
                "eller studerar.",
            )
        ],
    ),
    (
        "Röster från deltagarna",
        "voices",
        "Vad deltagarna tog med sig från dagen.",
        [
            (
                "paragraph",
                "Deltagarna lyfte särskilt erfarenhetsutbytet mellan "
                "kommunerna och vill ses igen nästa år.",
                [],
            )
        ],
        [],
    ),
]

PEOPLE = [
    ("Lena Berg", "Arbetsmarknadschef", "Kungsbacka kommun", "1384"),
    ("Omar Haddad", "Utvecklingsledare", "Göteborgs Stad", "1480"),
    ("Sara Lindqvist", "Enhetschef", "Mölndals stad", "1481"),
    ("Johan Ek", "Processledare", "Göteborgsregionen", "1480"),
    ("Maja Nord", "Kommunikatör", "Göteborgsregionen", "1480"),
]


@transaction.atomic
def create_sample_event() -> Event:
    """Create one published event with sessions, people, quotes and key figures."""
    places = {
        m.code: m
        for m in Municipality.objects.filter(code__in=["1384", "1480", "1481"])
    }
    people = [
        Person.objects.create(
            name=name,
            slug=name.lower().replace(" ", "-"),
            title=title,
            organization=org,
            municipality=places[code],
        )
        for name, title, org, code in PEOPLE
    ]
    event = Event.objects.create(
        title="Mötesplats Arbetsmarknad",
        slug="motesplats-arbetsmarknad",
        date=datetime.date(2024, 5, 14),
        organizer="Göteborgsregionen",
        venue="Göteborg",
        description="En dag för alla som arbetar med arbetsmarknadsfrågor i GR:s "
        "medlemskommuner: föreläsningar, seminarier och erfarenhetsutbyte.",
        is_published=True,
    )
    EventPerson.objects.create(event=event, person=people[3], role="moderator")
    EventPerson.objects.create(event=event, person=people[4], role="contact")
    people[4].email = "maja.nord@goteborgsregionen.se"
    people[4].save()
    for order, (title, kind, summary, blocks, figures) in enumerate(SESSIONS):
        session = Session.objects.create(
            event=event,
            title=title,
            slug=title.lower()
            .replace(" ", "-")
            .replace("ä", "a")
            .replace("å", "a")
            .replace("ö", "o"),
            kind=kind,
            order=order,
            summary=summary,
            is_published=True,
        )
        session.municipalities.add(*places.values())
        speaker = people[order % 3]
        SessionSpeaker.objects.create(session=session, person=speaker)
        for block_order, (block_kind, text, items) in enumerate(blocks):
            ContentBlock.objects.create(
                session=session,
                order=block_order,
                kind=block_kind,
                text=text,
                items=items,
                person=speaker if block_kind == "quote" else None,
            )
            if block_kind == "quote":
                Quote.objects.create(
                    event=event, session=session, text=text, person=speaker
                )
        for figure_order, (label, value, unit, qualifier, source) in enumerate(figures):
            KeyFigure.objects.create(
                event=event,
                session=session,
                label=label,
                value=Decimal(value),
                unit=unit,
                qualifier=qualifier,
                period="2023",
                year=2023,
                scope="region",
                source_text=source,
                order=order * 10 + figure_order,
            )
    return event
