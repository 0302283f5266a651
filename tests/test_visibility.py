"""Every surface shows the same public set of each model: `Model.objects.public()`.

One world holds what may and may not be seen: a published and a draft event, a draft
session, an undocumented one, people who are only quoted, a person only in the draft
event, key figures and quotes in hidden sessions. Each surface (pages, detail status
codes, the API, the sitemap, search, the exports, iCal, municipality pages) is listed
as a set of keys and compared with the model's public() set, and public() itself with
the set the rules name.
"""

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from conference.models import Event, EventPerson, KeyFigure, Municipality
from sessions_app.models import ContentBlock, Quote, Session
from speakers_app.models import Person
from tests.factories.conference import (
    EventFactory,
    EventPersonFactory,
    KeyFigureFactory,
    MeasureFactory,
)
from tests.factories.sessions import (
    ContentBlockFactory,
    QuoteFactory,
    SessionFactory,
    SessionSpeakerFactory,
)
from tests.factories.speakers import PersonFactory

pytestmark = pytest.mark.django_db

# A word in every searchable text of the world, so one search finds all that is public.
WORD = "insyn"
# Göteborg is a GR member; the others are not, so the municipality list names them
# only for public content.
GOTEBORG, STOCKHOLM, MALMO, UPPSALA, UMEA = "1480", "0180", "1280", "0380", "2480"
AREAS = (GOTEBORG, STOCKHOLM, MALMO, UPPSALA, UMEA)


@dataclass
class World:
    events: dict[str, Event]
    sessions: dict[str, Session]
    people: dict[str, Person]
    figures: dict[str, KeyFigure]
    quotes: dict[str, Quote]


def area(code: str) -> Municipality:
    return Municipality.objects.get(code=code)


def person(key: str) -> Person:
    return PersonFactory(
        name=f"Person {key.title()}",
        slug=f"person-{key}",
        organization="Insynsbyrån",
        municipality=area(GOTEBORG),
    )


def session(key: str, event: Event, **fields) -> Session:
    made = SessionFactory(
        event=event,
        title=f"Programpunkt {key}",
        slug=f"programpunkt-{key}",
        summary="Om insyn i arbetet.",
        **fields,
    )
    made.municipalities.add(area(GOTEBORG))
    return made


def figure(event: Event, session: Session | None, code: str = GOTEBORG) -> KeyFigure:
    return KeyFigureFactory(
        event=event,
        session=session,
        municipality=area(code),
        measure=MeasureFactory(),
        source_text="Under 2023 deltog 1 234 personer i insynsrådet.",
    )


def quote(event: Event, session: Session | None, by: Person) -> Quote:
    return QuoteFactory(
        event=event,
        session=session,
        person=by,
        text="Insyn behövs i allt vi gör.",
        municipality=area(GOTEBORG),
    )


@pytest.fixture
def world() -> World:
    events = {
        "published": EventFactory(slug="publicerat", title="Publicerat insyn"),
        "draft": EventFactory(slug="utkast", title="Utkast", is_published=False),
    }
    sessions = {
        "published": session("publicerad", events["published"]),
        "undocumented": session("odokumenterad", events["published"], documented=False),
        "draft": session("utkast", events["published"], is_published=False),
        "in_draft_event": session("i-utkast", events["draft"]),
    }
    sessions["published"].municipalities.add(area(STOCKHOLM))
    sessions["in_draft_event"].municipalities.add(area(UMEA))
    people = {
        key: person(key)
        for key in (
            "speaker",
            "undocumented_speaker",
            "moderator",
            "quoted",
            "quoted_by_event",
            "quoted_in_text",
            "draft_speaker",
            "draft_event_moderator",
            "quoted_in_draft",
            "nobody",
        )
    }
    SessionSpeakerFactory(session=sessions["published"], person=people["speaker"])
    SessionSpeakerFactory(
        session=sessions["undocumented"], person=people["undocumented_speaker"]
    )
    EventPersonFactory(event=events["published"], person=people["moderator"])
    ContentBlockFactory(
        session=sessions["published"],
        kind=ContentBlock.Kind.QUOTE,
        text="Vi behöver mer insyn.",
        person=people["quoted_in_text"],
    )
    SessionSpeakerFactory(session=sessions["draft"], person=people["draft_speaker"])
    EventPersonFactory(
        event=events["draft"],
        person=people["draft_event_moderator"],
        role=EventPerson.Role.CONTACT,
    )
    SessionSpeakerFactory(
        session=sessions["in_draft_event"], person=people["draft_event_moderator"]
    )
    quotes = {
        "in_session": quote(
            events["published"], sessions["published"], people["quoted"]
        ),
        "of_event": quote(events["published"], None, people["quoted_by_event"]),
        "in_draft_session": quote(
            events["published"], sessions["draft"], people["quoted_in_draft"]
        ),
        "in_draft_event": quote(
            events["draft"],
            sessions["in_draft_event"],
            people["draft_event_moderator"],
        ),
    }
    figures = {
        "in_session": figure(events["published"], sessions["published"]),
        "of_event": figure(events["published"], None, UPPSALA),
        "in_draft_session": figure(events["published"], sessions["draft"], MALMO),
        "in_draft_event": figure(events["draft"], sessions["in_draft_event"]),
    }
    return World(events, sessions, people, figures, quotes)


def keys_of(records: dict, objects) -> set[str]:
    """Return the world's keys of some model objects (or primary keys)."""
    pks = {getattr(item, "pk", item) for item in objects}
    return {key for key, record in records.items() if record.pk in pks}


def paths(response) -> list[str]:
    """Return the paths of the sitemap's <loc> elements."""
    text = response.content.decode()
    return [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", text)]


def by_url(records: dict, urls) -> set[str]:
    """Return the keys of the records whose page is one of the urls."""
    urls = set(urls)
    return {key for key, record in records.items() if record.get_absolute_url() in urls}


def found(client, kind: str) -> list:
    response = client.get("/sok/", {"q": WORD})
    assert response.status_code == 200
    return getattr(response.context["results"], kind)


def listed(client, path: str) -> list:
    """Everything a paginated list page shows, over all its pages."""
    first = client.get(path).context["page"]
    rows = list(first.object_list)
    for number in first.paginator.page_range[1:]:
        rows += client.get(f"{path}?page={number}").context["page"].object_list
    return rows


def on_pages(client, objects, field: str) -> list:
    """Return what the public pages of the objects list under ``field``, together."""
    items = []
    for item in objects:
        response = client.get(item.get_absolute_url())
        if response.status_code == 200:
            items += getattr(response.context["page"], field)
    return items


def municipality_pages(client, field: str) -> list:
    return on_pages(client, [area(code) for code in AREAS], field)


def api_list(client, path: str, key: str, **filters) -> list:
    response = client.get(path, {"page_size": 500, **filters})
    assert response.status_code == 200
    return [row[key] for row in response.json()["results"]]


def answering(client, records: dict, url_of) -> set[str]:
    """Return the keys of the records whose URL answers 200 (the others must be 404)."""
    statuses = {
        key: client.get(url_of(record)).status_code for key, record in records.items()
    }
    assert set(statuses.values()) <= {200, 404}
    return {key for key, status in statuses.items() if status == 200}


def accepted(client, records: dict, path: str, parameter: str, value_of) -> set[str]:
    """Return the keys of the records a filter accepts (the others must be 400)."""
    statuses = {
        key: client.get(path, {parameter: value_of(record)}).status_code
        for key, record in records.items()
    }
    assert set(statuses.values()) <= {200, 400}
    return {key for key, status in statuses.items() if status == 200}


def export_ids(client, export_format: str) -> list[int]:
    response = client.get(f"/nyckeltal/export/{export_format}/")
    assert response.status_code == 200
    data = b"".join(
        response.streaming_content if response.streaming else [response.content]
    )
    if export_format == "json":
        return [row["id"] for row in json.loads(data)]
    if export_format == "xlsx":
        rows = load_workbook(io.BytesIO(data), read_only=True).active.iter_rows(
            min_row=2, values_only=True
        )
        return [row[0] for row in rows]
    text = data.decode("utf-8-sig")
    delimiter = ";" if export_format == "excel-csv" else ","
    return [
        int(row[0])
        for row in list(csv.reader(io.StringIO(text), delimiter=delimiter))[1:]
    ]


# The rules themselves: what public() lets through in the world.


def test_public_events_are_the_published_ones(world):
    assert keys_of(world.events, Event.objects.public()) == {"published"}


def test_public_sessions_are_published_ones_of_published_events(world):
    assert keys_of(world.sessions, Session.objects.public()) == {
        "published",
        "undocumented",
    }


def test_public_people_have_a_role_or_a_quote_in_public_content(world):
    assert keys_of(world.people, Person.objects.public()) == {
        "speaker",
        "undocumented_speaker",
        "moderator",
        "quoted",
        "quoted_by_event",
        "quoted_in_text",
    }


def test_public_key_figures_are_those_of_public_events_and_sessions(world):
    assert keys_of(world.figures, KeyFigure.objects.public()) == {
        "in_session",
        "of_event",
    }


def test_public_quotes_are_those_of_public_events_and_sessions(world):
    assert keys_of(world.quotes, Quote.objects.public()) == {"in_session", "of_event"}


def test_listed_municipalities_are_members_and_areas_of_public_content(world):
    others = Municipality.objects.listed().filter(gr_member=False)
    assert set(others.values_list("code", flat=True)) == {STOCKHOLM, UPPSALA}


# Each surface against public().

EVENT_SURFACES = {
    "home page": lambda client, world: keys_of(world.events, listed(client, "/")),
    "event pages": lambda client, world: answering(
        client, world.events, Event.get_absolute_url
    ),
    "iCal files": lambda client, world: answering(
        client, world.events, lambda event: event.get_absolute_url() + "kalender.ics"
    ),
    "sitemap": lambda client, world: by_url(
        world.events, paths(client.get("/sitemap.xml"))
    ),
    "API list": lambda client, world: {
        key
        for key, event in world.events.items()
        if event.slug in api_list(client, "/api/v1/events/", "slug")
    },
    "API detail": lambda client, world: answering(
        client, world.events, lambda event: f"/api/v1/events/{event.slug}/"
    ),
    "API event filter": lambda client, world: accepted(
        client, world.events, "/api/v1/sessions/", "event", lambda event: event.slug
    ),
    "explorer's event filter": lambda client, world: accepted(
        client, world.events, "/api/v1/key-figures/", "event", lambda e: e.slug
    ),
}


@pytest.mark.parametrize("surface", EVENT_SURFACES)
def test_event_surface_shows_the_public_events(client, world, surface):
    shown = EVENT_SURFACES[surface](client, world)
    assert shown == keys_of(world.events, Event.objects.public())


SESSION_SURFACES = {
    "session list page": lambda client, world: keys_of(
        world.sessions, listed(client, "/programpunkter/")
    ),
    "session pages": lambda client, world: answering(
        client, world.sessions, Session.get_absolute_url
    ),
    "event pages' programmes": lambda client, world: keys_of(
        world.sessions, on_pages(client, Event.objects.all(), "sessions")
    ),
    "sitemap": lambda client, world: by_url(
        world.sessions, paths(client.get("/sitemap.xml"))
    ),
    "search": lambda client, world: by_url(
        world.sessions, [hit.url for hit in found(client, "sessions")]
    ),
    "municipality pages": lambda client, world: keys_of(
        world.sessions, municipality_pages(client, "sessions")
    ),
    "API list": lambda client, world: keys_of(
        world.sessions, api_list(client, "/api/v1/sessions/", "id")
    ),
    "API detail": lambda client, world: answering(
        client, world.sessions, lambda session: f"/api/v1/sessions/{session.pk}/"
    ),
    "explorer's session filter": lambda client, world: accepted(
        client, world.sessions, "/api/v1/key-figures/", "session", lambda s: s.pk
    ),
}


@pytest.mark.parametrize("surface", SESSION_SURFACES)
def test_session_surface_shows_the_public_sessions(client, world, surface):
    shown = SESSION_SURFACES[surface](client, world)
    assert shown == keys_of(world.sessions, Session.objects.public())


PEOPLE_SURFACES = {
    "people list page": lambda client, world: keys_of(
        world.people, listed(client, "/personer/")
    ),
    "person pages": lambda client, world: answering(
        client, world.people, Person.get_absolute_url
    ),
    "sitemap": lambda client, world: by_url(
        world.people, paths(client.get("/sitemap.xml"))
    ),
    "search": lambda client, world: by_url(
        world.people, [hit.url for hit in found(client, "people")]
    ),
    "municipality pages": lambda client, world: keys_of(
        world.people, municipality_pages(client, "people")
    ),
    "API list": lambda client, world: {
        key
        for key, person in world.people.items()
        if person.slug in api_list(client, "/api/v1/people/", "slug")
    },
    "API detail": lambda client, world: answering(
        client, world.people, lambda person: f"/api/v1/people/{person.slug}/"
    ),
}


@pytest.mark.parametrize("surface", PEOPLE_SURFACES)
def test_people_surface_shows_the_public_people(client, world, surface):
    shown = PEOPLE_SURFACES[surface](client, world)
    assert shown == keys_of(world.people, Person.objects.public())


def compared(client) -> list[str]:
    """Return the figure pages the comparison table links, of every measure offered."""
    offered = [
        slug
        for slug, _label in client.get("/nyckeltal/jamfor/").context["measure_choices"]
    ]
    response = client.get(
        "/nyckeltal/jamfor/", {"measure": offered, "municipality": list(AREAS)}
    )
    table = response.context["table"]
    return [
        KeyFigure(pk=cell.pk).get_absolute_url()
        for row in table.rows
        for cell in row.cells
        if cell is not None
    ]


FIGURE_SURFACES = {
    "comparison table": lambda client, world: by_url(world.figures, compared(client)),
    "explorer": lambda client, world: by_url(
        world.figures, [row.url for row in client.get("/nyckeltal/").context["rows"]]
    ),
    "figure pages": lambda client, world: answering(
        client, world.figures, KeyFigure.get_absolute_url
    ),
    # The event page highlights the first figure of each session and of the event.
    "event and session pages": lambda client, world: keys_of(
        world.figures,
        on_pages(client, Event.objects.all(), "highlights")
        + on_pages(client, Session.objects.all(), "key_figures"),
    ),
    "search": lambda client, world: by_url(
        world.figures, [hit.url for hit in found(client, "key_figures")]
    ),
    "municipality pages": lambda client, world: keys_of(
        world.figures, municipality_pages(client, "key_figures")
    ),
    "API list": lambda client, world: keys_of(
        world.figures, api_list(client, "/api/v1/key-figures/", "id")
    ),
    "CSV export": lambda client, world: keys_of(
        world.figures, export_ids(client, "csv")
    ),
    "Excel CSV export": lambda client, world: keys_of(
        world.figures, export_ids(client, "excel-csv")
    ),
    "XLSX export": lambda client, world: keys_of(
        world.figures, export_ids(client, "xlsx")
    ),
    "JSON export": lambda client, world: keys_of(
        world.figures, export_ids(client, "json")
    ),
}


@pytest.mark.parametrize("surface", FIGURE_SURFACES)
def test_key_figure_surface_shows_the_public_figures(client, world, surface):
    shown = FIGURE_SURFACES[surface](client, world)
    assert shown == keys_of(world.figures, KeyFigure.objects.public())


def quotes_by_speaker(world: World, hits) -> set[str]:
    """Return the keys of the quotes whose speaker's name a search hit carries."""
    names = {hit.title for hit in hits}
    return {key for key, item in world.quotes.items() if item.person.name in names}


QUOTE_SURFACES = {
    "search": lambda client, world: quotes_by_speaker(world, found(client, "quotes")),
    "municipality pages": lambda client, world: keys_of(
        world.quotes, municipality_pages(client, "quotes")
    ),
    "person pages": lambda client, world: keys_of(
        world.quotes, on_pages(client, Person.objects.all(), "quotes")
    ),
}


@pytest.mark.parametrize("surface", QUOTE_SURFACES)
def test_quote_surface_shows_the_public_quotes(client, world, surface):
    shown = QUOTE_SURFACES[surface](client, world)
    assert shown == keys_of(world.quotes, Quote.objects.public())


MUNICIPALITY_SURFACES = {
    "municipality list page": lambda client, world: {
        municipality.code for municipality in listed(client, "/kommuner/")
    },
    "sitemap": lambda client, world: {
        municipality.code
        for located in [set(paths(client.get("/sitemap.xml")))]
        for municipality in Municipality.objects.all()
        if municipality.get_absolute_url() in located
    },
}


@pytest.mark.parametrize("surface", MUNICIPALITY_SURFACES)
def test_municipality_surface_lists_the_listed_municipalities(client, world, surface):
    shown = MUNICIPALITY_SURFACES[surface](client, world)
    assert shown == set(Municipality.objects.listed().values_list("code", flat=True))


# The seed document, where the API once listed 13 of the 16 people on /personer/.

SEED = (
    Path(__file__).parents[1] / "conference/data/seed/motesplats-arbetsmarknad-2024.txt"
)


def test_seed_people_agree_on_the_people_page_the_api_and_the_sitemap(client):
    call_command("load_conference", str(SEED), "--publish", verbosity=0)
    public = set(Person.objects.public().values_list("slug", flat=True))
    on_page = {person.slug for person in listed(client, "/personer/")}
    in_api = set(api_list(client, "/api/v1/people/", "slug"))
    in_sitemap = {
        path.removeprefix("/personer/").strip("/")
        for path in paths(client.get("/sitemap.xml"))
        if path.startswith("/personer/") and path != "/personer/"
    }
    assert (on_page, in_api, in_sitemap) == (public, public, public)


def test_api_events_by_municipality_count_only_public_sessions(client, world):
    # Göteborg: public sessions. Umeå: only a session of the draft event. Malmö: only
    # the published event's draft session.
    world.sessions["draft"].municipalities.add(area(MALMO))
    concerned = {
        code: api_list(client, "/api/v1/events/", "slug", municipality=code)
        for code in (GOTEBORG, UMEA, MALMO)
    }
    assert concerned == {GOTEBORG: ["publicerat"], UMEA: [], MALMO: []}
