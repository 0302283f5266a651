import factory
from factory.django import DjangoModelFactory

from sessions_app.models import ContentBlock, Quote, Session, SessionSpeaker


class SessionFactory(DjangoModelFactory):
    class Meta:
        model = Session

    event = factory.SubFactory("tests.factories.conference.EventFactory")
    title = factory.Sequence(lambda n: f"Programpunkt {n}")
    slug = factory.Sequence(lambda n: f"programpunkt-{n}")
    order = factory.Sequence(int)
    is_published = True


class SessionSpeakerFactory(DjangoModelFactory):
    class Meta:
        model = SessionSpeaker

    session = factory.SubFactory(SessionFactory)
    person = factory.SubFactory("tests.factories.speakers.PersonFactory")
    role = SessionSpeaker.Role.SPEAKER


class ContentBlockFactory(DjangoModelFactory):
    class Meta:
        model = ContentBlock

    session = factory.SubFactory(SessionFactory)
    order = factory.Sequence(int)
    kind = ContentBlock.Kind.PARAGRAPH
    text = "Ett stycke om arbetsmarknaden."


class QuoteFactory(DjangoModelFactory):
    class Meta:
        model = Quote

    event = factory.SubFactory("tests.factories.conference.EventFactory")
    session = factory.SubFactory(SessionFactory, event=factory.SelfAttribute("..event"))
    text = "Det har varit en lärorik dag."
    person = factory.SubFactory("tests.factories.speakers.PersonFactory")
