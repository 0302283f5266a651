"""Reads for the public pages about people."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from conference.models import EventPerson
from conference.selectors import public_people, public_quotes
from sessions_app.models import Quote, SessionSpeaker
from speakers_app.models import Person


def person_list() -> QuerySet[Person]:
    """Return the people with a public role, by name, with their municipality."""
    return public_people().select_related("municipality").order_by("name")


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
        person = public_people().select_related("municipality").get(slug=slug)
    except Person.DoesNotExist:
        raise Http404("No such person") from None
    session_roles = list(
        person.session_roles.filter(
            session__is_published=True, session__event__is_published=True
        )
        .select_related("session__event")
        .order_by("-session__event__date", "session__event__title", "session__order")
    )
    event_roles = list(
        person.event_roles.filter(event__is_published=True)
        .select_related("event")
        .order_by("-event__date", "role")
    )
    quotes = list(
        public_quotes()
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
