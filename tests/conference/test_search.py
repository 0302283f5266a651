"""Search: Swedish full-text on PostgreSQL, a word fallback on SQLite; both find stems."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection

from conference.models import KeyFigure
from conference.search import (
    MAX_QUERY_LENGTH,
    STORED_KEY_FIGURE_VECTOR,
    PostgresSearch,
    search,
)
from tests.factories.conference import KeyFigureFactory
from tests.factories.sessions import ContentBlockFactory, QuoteFactory, SessionFactory
from tests.factories.speakers import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    session = SessionFactory(title="Unga vuxna", summary="Om vägar till arbete.")
    ContentBlockFactory(
        session=session, text="Arbetsgivare efterfrågar kompetenser inom vården."
    )
    ContentBlockFactory(
        session=session, kind="bullet_list", text="", items=["Språkstöd för nyanlända"]
    )
    session.session_speakers.create(
        person=PersonFactory(name="Karin Lind", title="Handläggare i försörjningsstöd")
    )
    QuoteFactory(
        session=session, event=session.event, text="Vi behöver fler praktikplatser."
    )
    KeyFigureFactory(
        event=session.event,
        session=session,
        label="Andel som fick arbete",
        source_text="Hela 62 procent fick arbete efter insatsen.",
    )
    return session


def test_search_stem_finds_longer_form(content):
    results = search("kompetens")
    assert [hit.title for hit in results.sessions] == ["Unga vuxna"]
    assert "<mark>" in results.sessions[0].snippet


def test_search_finds_people_quotes_and_figures(content):
    assert [h.title for h in search("försörjningsstöd").people] == ["Karin Lind"]
    assert len(search("praktikplatser").quotes) == 1
    assert search("insatsen").key_figures[0].url.startswith("/nyckeltal/")


def test_search_word_in_a_list_item_with_swedish_letters(content):
    assert [h.title for h in search("språkstöd").sessions] == ["Unga vuxna"]


def test_search_needs_every_word(content):
    assert search("kompetens vården").sessions != []
    assert search("kompetens zebror").sessions == []


def test_search_snippet_escapes_html(content):
    ContentBlockFactory(
        session=content, text="Ett <script>alert(1)</script> kompetensbygge"
    )
    html = "".join(hit.snippet for hit in search("kompetensbygge").sessions)
    assert "<script>" not in html
    assert "alert(1)" in html  # shown as text (escaped, or dropped tags on PostgreSQL)


def test_search_page_shows_grouped_results(client, content):
    page = BeautifulSoup(client.get("/sok/?q=kompetens").content, "html.parser")
    assert page.select_one(".search-group h2").text.startswith("Programpunkter")
    assert page.select_one(".search-results__title a").text == "Unga vuxna"
    assert page.find("input", id="sok-fraga")["value"] == "kompetens"


@pytest.mark.parametrize(
    "query", ["", "%00", "a%00b", "%20%20", "%22%27%3A%2A%26%7C%21", "x" * 5]
)
def test_search_odd_queries_do_not_fail(client, content, query):
    response = client.get(f"/sok/?q={query}")
    assert response.status_code == 200


def test_search_overlong_query_shows_message(client, content):
    response = client.get("/sok/", {"q": "a" * (MAX_QUERY_LENGTH + 1)})
    assert response.status_code == 200
    assert response.context["error"].startswith("Sökfrågan är för lång")
    assert response.context["results"] is None


def test_search_empty_query_asks_for_words(client):
    response = client.get("/sok/?q=")
    assert response.context["error"] == "Skriv ett eller flera ord att söka efter."


def test_search_finds_a_key_figure_by_its_edited_label_only(content):
    figure = KeyFigureFactory(label="Antal lärlingar", source_text="")
    assert [h.url for h in search("lärlingar").key_figures] == [
        figure.get_absolute_url()
    ]

    figure.label = "Antal praktikanter"
    figure.save()

    assert search("lärlingar").key_figures == []
    assert [h.url for h in search("praktikanter").key_figures] == [
        figure.get_absolute_url()
    ]


def test_key_figure_search_vector_is_stored_and_indexed_on_postgresql_only(content):
    columns = {
        column.name
        for column in connection.introspection.get_table_description(
            connection.cursor(), KeyFigure._meta.db_table
        )
    }
    if connection.vendor != "postgresql":
        assert "search_vector" not in columns  # SQLite searches without it
        return
    assert "search_vector" in columns
    queryset = PostgresSearch(["arbete"], ["arbete"], []).ranked(
        KeyFigure.objects.all(), STORED_KEY_FIGURE_VECTOR
    )
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # A tiny table is read whole; forbid that to see whether the index fits.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "key_figure_search" in plan
