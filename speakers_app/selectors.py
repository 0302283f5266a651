"""Reads for the public pages about people."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from conference.models import EventPerson, EventQuerySet
from sessions_app.models import Quote, SessionQuerySet, SessionSpeaker
from speakers_app.models import Person


def person_list() -> QuerySet[Person]:
    """Return the people with a public role, by name, with their municipality."""
    return Person.objects.public().select_related("municipality").order_by("name")


@dataclass
class PersonPage:
    person: Person
    session_roles: list[SessionSpeaker]
    event_roles: list[EventPerson]
    quotes: list[Quote]


def person_page(slug: str) -> PersonPage:
    """Return a person with all their public sessions across events (4 queries).

    A person who only appears in drafts is not public: Http404.
    """
    try:
        person = Person.objects.public().select_related("municipality").get(slug=slug)
    except Person.DoesNotExist:
        raise Http404("No such person") from None
    session_roles = list(
        person.session_roles.filter(SessionQuerySet.public_condition("session"))
        .select_related("session__event")
        .order_by("-session__event__date", "session__event__title", "session__order")
    )
    event_roles = list(
        person.event_roles.filter(EventQuerySet.public_condition("event"))
        .select_related("event")
        .order_by("-event__date", "role")
    )
    quotes = list(
        Quote.objects.public()
        .filter(person=person)
        .select_related("session__event", "event")
        .order_by("-event__date", "order", "pk")
    )
    return PersonPage(
        person=person,
        session_roles=session_roles,
        event_roles=event_roles,
        quotes=quotes,
    )
