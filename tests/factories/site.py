"""A published event with 1 or with many of every related row, for the page tests."""

from dataclasses import dataclass

from conference.models import EventPerson, Municipality
from sessions_app.models import ContentBlock, Session
from tests.factories.conference import (
    EventFactory,
    EventPersonFactory,
    KeyFigureFactory,
)
from tests.factories.sessions import (
    ContentBlockFactory,
    QuoteFactory,
    SessionFactory,
    SessionSpeakerFactory,
)
from tests.factories.speakers import PersonFactory


@dataclass
class Conference:
    event: object
    sessions: list
    people: list
    figures: list
    municipality: Municipality


def build_conference(size: int) -> Conference:
    """Build a published event with `size` sessions, each with `size` of every related row."""
    municipality = Municipality.objects.get(code="1480")  # Göteborg, a GR member
    event = EventFactory(title="Mötesplats Arbete", slug="motesplats-arbete")
    people, sessions, figures = [], [], []
    for index in range(size):
        moderator = PersonFactory(municipality=municipality)
        EventPersonFactory(event=event, person=moderator, order=index)
        contact = PersonFactory(
            municipality=municipality, email=f"kontakt{index}@example.se"
        )
        EventPersonFactory(
            event=event, person=contact, role=EventPerson.Role.CONTACT, order=index
        )
        people += [moderator, contact]
    for index in range(size):
        session = SessionFactory(
            event=event,
            title=f"Kompetensförsörjning del {index}",
            slug=f"kompetens-{index}",
            order=index,
            summary="Om kompetenser som behövs på arbetsmarknaden.",
        )
        session.municipalities.add(municipality)
        sessions.append(session)
        for person_index in range(size):
            person = PersonFactory(municipality=municipality)
            people.append(person)
            SessionSpeakerFactory(session=session, person=person, order=person_index)
        for block_index in range(size):
            sentence = f"Under 2023 deltog {1000 + block_index} personer i insatsen."
            ContentBlockFactory(
                session=session,
                kind=ContentBlock.Kind.HEADING,
                text=f"Mellanrubrik {block_index}",
            )
            ContentBlockFactory(
                session=session,
                text=f"Ett stycke om arbetsmarknaden. {sentence} Sedan hände mer.",
            )
            ContentBlockFactory(
                session=session,
                kind=ContentBlock.Kind.BULLET_LIST,
                text="",
                items=["Första punkten", "Andra punkten"],
            )
            ContentBlockFactory(
                session=session,
                kind=ContentBlock.Kind.NUMBERED_LIST,
                text="",
                items=["Steg ett", "Steg två"],
            )
            ContentBlockFactory(
                session=session,
                kind=ContentBlock.Kind.QUOTE,
                text="Vi måste samarbeta mer över kommungränserna.",
                person=people[-1],
            )
            ContentBlockFactory(
                session=session,
                kind=ContentBlock.Kind.CASE_EXAMPLE,
                text="Ett exempel om en deltagare som fick jobb.",
            )
            figures.append(
                KeyFigureFactory(
                    event=event,
                    session=session,
                    municipality=municipality,
                    value=1000 + block_index,
                    source_text=sentence,
                )
            )
            QuoteFactory(event=event, session=session, person=people[-1])
    # The participants' voices: shown apart from the programme on the event page.
    voices = SessionFactory(
        event=event,
        title="Röster från deltagarna",
        slug="roster",
        kind=Session.Kind.VOICES,
        order=size,
    )
    for index in range(size):
        ContentBlockFactory(
            session=voices,
            kind=ContentBlock.Kind.QUOTE,
            text=f"En bra dag, sa deltagare {index}.",
            person=PersonFactory(municipality=municipality),
        )
    return Conference(event, sessions, people, figures, municipality)
