"""Search: Swedish full-text on PostgreSQL, a word fallback on SQLite; both find stems,
ignore case and accents, suggest a word for a typo, find speakers' sessions and put a
named municipality and its figures first."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection

from conference import search as search_module
from conference.models import KeyFigure, Municipality
from conference.search import (
    MAX_QUERY_LENGTH,
    STORED_KEY_FIGURE_VECTOR,
    Fold,
    PostgresSearch,
    search,
    simple_snippet,
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
    "query",
    [
        "",
        "%00",
        "a%00b",
        "%20%20",
        "%22%27%3A%2A%26%7C%21",
        "x" * 5,
        "%C2%B2",  # a superscript digit
        "%C3%9F%C4%B0",  # letters whose case folding changes their length
        "%CC%81%CC%81",  # combining accents only
    ],
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


def test_search_ignores_case_and_accents(content):
    assert [h.title for h in search("forsorjningsstod").people] == ["Karin Lind"]
    assert [h.title for h in search("FÖRSÖRJNINGSSTÖD").people] == ["Karin Lind"]
    assert [h.title for h in search("SPRÅKSTÖD").sessions] == ["Unga vuxna"]
    assert [h.title for h in search("sprakstod").sessions] == ["Unga vuxna"]


def test_fold_runs_in_the_database(db):
    # On SQLite a function registered on each connection, on PostgreSQL unaccent.
    folded = Municipality.objects.annotate(folded=Fold("name")).get(code="1480")
    assert folded.folded == "goteborg"


def test_search_misspelled_word_suggests_the_word(content):
    results = search("försörjningstöd")
    assert results.total == 0
    assert results.suggestion == "försörjningsstöd"
    assert search(results.suggestion).people != []


def test_search_suggestion_keeps_the_case_typed(content):
    assert search("Karin Lindh").suggestion == "Karin Lind"
    assert search("karin lindh").suggestion == "karin lind"


def test_search_known_word_gets_no_suggestion(content):
    assert search("Karin zebror").suggestion == ""


def test_search_page_links_the_suggestion(client, content):
    page = BeautifulSoup(
        client.get("/sok/", {"q": "försörjningstöd"}).content, "html.parser"
    )
    link = page.select_one(".search-suggestion a")
    assert link.text == "försörjningsstöd"
    followed = client.get(link["href"])
    assert followed.context["results"].people[0].title == "Karin Lind"


def test_search_speakers_name_finds_their_session(content):
    assert [h.title for h in search("Karin Lind").sessions] == ["Unga vuxna"]
    snippet = search("Karin Lind").sessions[0].snippet
    assert "Medverkande" in snippet
    assert "<mark>Karin</mark>" in snippet


def test_search_municipality_finds_its_page_and_its_figures_first(content):
    kungsbacka = Municipality.objects.get(code="1384")
    mentions = KeyFigureFactory(
        label="Antal deltagare i Göteborg",
        source_text="Fler än i Kungsbacka.",
        municipality=Municipality.objects.get(code="1480"),
        year=2024,
    )
    own = KeyFigureFactory(
        label="Antal deltagare", source_text="", municipality=kungsbacka, year=2020
    )

    results = search("kungsbacka")

    assert [h.url for h in results.municipalities] == [kungsbacka.get_absolute_url()]
    assert [h.url for h in results.key_figures] == [
        own.get_absolute_url(),
        mentions.get_absolute_url(),
    ]
    assert [str(heading) for heading, _hits in results.groups][:2] == [
        "Kommuner",
        "Nyckeltal",
    ]
    assert [h.url for h in search("Kungsbacka deltagare").key_figures][0] == (
        own.get_absolute_url()
    )


def test_search_ranks_a_bounded_number_of_candidates(content, monkeypatch):
    monkeypatch.setattr(search_module, "RANKED_CANDIDATES", 2)
    for _ in range(3):
        KeyFigureFactory(label="Antal platser", source_text="")
    KeyFigureFactory.create_batch(4, label="Antal lärlingar", source_text="")

    assert len(search("lärlingar").key_figures) == 2


def test_simple_snippet_marks_folded_words_and_cuts_between_words():
    text = ("Inledande ord " * 20) + "om Försörjningsstöd i staden " + ("slut " * 60)
    html = simple_snippet(text, ["forsorjningsstod"])
    assert "<mark>Försörjningsstöd</mark>" in html
    words = html.removeprefix("… ").removesuffix(" …").split()
    assert html.startswith("… ") and html.endswith(" …")
    assert words[0] in {"Inledande", "ord"}
    assert words[-1] == "slut"
