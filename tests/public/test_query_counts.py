"""Every public page runs a fixed number of queries, with 1 and with many related rows.

`conference` is parametrised: one session with one of everything, and four sessions
with four speakers, blocks, figures and quotes each.
"""

import pytest

from sessions_app.models import Session

pytestmark = pytest.mark.django_db


def test_home_query_count(client, conference, django_assert_num_queries):
    # The events and their count (for the pages).
    with django_assert_num_queries(2):
        assert client.get("/").status_code == 200


def test_event_page_query_count(client, conference, django_assert_num_queries):
    # The event, its people, sessions with their speakers, and the highlights. The
    # voices are linked, not printed: an event with them reads no blocks.
    assert conference.event.sessions.filter(kind=Session.Kind.VOICES).exists()
    with django_assert_num_queries(5):
        assert client.get(conference.event.get_absolute_url()).status_code == 200


def test_event_calendar_query_count(client, conference, django_assert_num_queries):
    url = conference.event.get_absolute_url() + "kalender.ics"
    with django_assert_num_queries(1):
        assert client.get(url).status_code == 200


def test_session_page_query_count(client, conference, django_assert_num_queries):
    url = conference.sessions[-1].get_absolute_url()
    with django_assert_num_queries(5):
        assert client.get(url).status_code == 200


def test_person_page_query_count(client, conference, django_assert_num_queries):
    with django_assert_num_queries(4):
        assert client.get(conference.people[-1].get_absolute_url()).status_code == 200


def test_people_list_query_count(client, conference, django_assert_num_queries):
    # The people, their count (for the pages) and the people counted by municipality
    # (the filter's choices).
    with django_assert_num_queries(3):
        assert client.get("/personer/").status_code == 200


def test_people_list_filtered_query_count(
    client, conference, django_assert_num_queries
):
    # The people, their count, the municipalities read by the filter (from the cache
    # with the query cache on), the people counted by municipality for the form's
    # choices (cached too) and the chosen municipalities (named even without people).
    with django_assert_num_queries(5):
        assert client.get("/personer/?kommun=gr").status_code == 200


def test_session_list_query_count(client, conference, django_assert_num_queries):
    # The sessions, their count (for the pages), their municipalities and the
    # sessions counted by municipality (the filter's choices).
    with django_assert_num_queries(4):
        assert client.get("/programpunkter/").status_code == 200


def test_session_list_filtered_query_count(
    client, conference, django_assert_num_queries
):
    # Two more than unfiltered: the filter reads the municipalities, and the form's
    # choices name the chosen ones even when no session concerns them.
    with django_assert_num_queries(6):
        assert client.get("/programpunkter/?kommun=gr").status_code == 200


def test_municipality_list_query_count(client, conference, django_assert_num_queries):
    # The municipalities and their count (for the pages).
    with django_assert_num_queries(2):
        assert client.get("/kommuner/").status_code == 200


def test_municipality_page_query_count(client, conference, django_assert_num_queries):
    url = conference.municipality.get_absolute_url()
    with django_assert_num_queries(5):
        assert client.get(url).status_code == 200


def test_search_query_count(client, conference, django_assert_num_queries):
    # The named municipalities, then one query per kind of result.
    with django_assert_num_queries(5):
        response = client.get("/sok/?q=kompetens")
    assert response.status_code == 200
    assert response.context["results"].total >= 1


def test_search_municipality_query_count(client, conference, django_assert_num_queries):
    with django_assert_num_queries(5):
        response = client.get("/sok/?q=G%C3%B6teborg+arbetsmarknaden")
    assert response.context["results"].municipalities != []


def test_search_without_hits_query_count(client, conference, django_assert_num_queries):
    # One more: the texts a "Menade du …?" suggestion is picked from.
    with django_assert_num_queries(6):
        response = client.get("/sok/?q=kompetensfrsorjning")
    assert response.context["results"].total == 0
    assert response.context["results"].suggestion == "kompetensförsörjning"


def test_sitemap_query_count(client, conference, django_assert_num_queries):
    # One per section (events, sessions, people, municipalities).
    with django_assert_num_queries(4):
        assert client.get("/sitemap.xml").status_code == 200
