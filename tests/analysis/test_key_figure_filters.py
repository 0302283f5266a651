from urllib.parse import urlencode

import pytest
from django.http import QueryDict

from conference.analysis.key_figure_filters import (
    KeyFigureFilterSet,
    key_figure_filterset,
)
from conference.analysis.selectors import key_figures_for_listing

pytestmark = pytest.mark.django_db


def as_query(query: dict) -> QueryDict:
    """Return the query as a request would carry it (repeated keys for lists)."""
    return QueryDict(urlencode(query, doseq=True))


def labels(query: dict) -> set[str]:
    filterset = KeyFigureFilterSet(as_query(query), queryset=key_figures_for_listing())
    assert filterset.is_valid(), filterset.errors
    return {figure.label for figure in filterset.qs}


def errors(query: dict) -> dict:
    filterset = KeyFigureFilterSet(as_query(query), queryset=key_figures_for_listing())
    assert not filterset.is_valid()
    return {name: " ".join(messages) for name, messages in filterset.errors.items()}


ALL = {"kungsbacka", "goteborg", "stockholm", "riket", "regionen", "kungalv"}


def test_key_figure_filter_without_parameters_lists_only_published(
    figures, hidden_figures
):
    assert labels({}) == ALL


def test_key_figure_filter_municipality_by_code(figures):
    assert labels({"municipality": "1384"}) == {"kungsbacka"}


def test_key_figure_filter_several_municipalities_by_name_and_code(figures):
    assert labels({"municipality": ["Stockholm", "1480"]}) == {"stockholm", "goteborg"}


def test_key_figure_filter_gr_members(figures):
    assert labels({"municipality": "gr"}) == {"kungsbacka", "goteborg", "kungalv"}


def test_key_figure_filter_whole_country(figures):
    assert labels({"municipality": "0000"}) == {"riket"}


def test_key_figure_filter_scope_region(figures):
    assert labels({"scope": "region"}) == {"regionen"}


def test_key_figure_filter_event(figures):
    assert labels({"event": "var"}) == {"kungsbacka", "goteborg"}


def test_key_figure_filter_session(figures):
    session = figures["goteborg"].session
    assert labels({"session": str(session.pk)}) == {"kungsbacka", "goteborg"}


def test_key_figure_filter_year_range(figures):
    assert labels({"year_from": "2020", "year_to": "2022"}) == {
        "goteborg",
        "kungsbacka",
        "regionen",
    }


def test_key_figure_filter_unit(figures):
    assert labels({"unit": ["days", "percent"]}) == {"stockholm", "goteborg"}


def test_key_figure_filter_qualifier_just_under(figures):
    assert labels({"qualifier": "just_under"}) == {"goteborg", "regionen"}


def test_key_figure_filter_qualifier_exact_means_no_qualifier(figures):
    assert labels({"qualifier": "exact"}) == ALL - {"goteborg", "regionen"}


def test_key_figure_filter_review_status(figures):
    assert labels({"review_status": "needs_review"}) == {"stockholm"}


def test_key_figure_filter_free_text_on_label_ignores_case(figures):
    assert labels({"q": "KUNG"}) == {"kungsbacka", "kungalv"}


def test_key_figure_filter_exact_label(figures):
    assert labels({"label": "kungalv"}) == {"kungalv"}


def test_key_figure_filter_combined(figures):
    query = {
        "municipality": "gr",
        "year_from": "2022",
        "unit": "persons",
        "review_status": "reviewed",
    }
    assert labels(query) == {"kungalv"}


def test_key_figure_filter_combined_with_nothing_left(figures):
    assert labels({"municipality": "1384", "event": "host"}) == set()


def test_key_figure_filter_ordering_by_value_descending(figures):
    filterset = KeyFigureFilterSet(
        as_query({"ordering": "-value"}), queryset=key_figures_for_listing()
    )
    assert filterset.is_valid()
    assert [figure.label for figure in filterset.qs][:2] == ["regionen", "riket"]


@pytest.mark.parametrize("ordering", [",", "value,", ",,-year"])
def test_key_figure_filter_ordering_with_an_empty_column_is_refused(figures, ordering):
    filterset = KeyFigureFilterSet(
        as_query({"ordering": ordering}), queryset=key_figures_for_listing()
    )
    assert not filterset.is_valid()
    assert "tomma namn" in str(filterset.errors["ordering"])


def test_key_figure_filter_without_ordering_keeps_the_default(figures):
    default = KeyFigureFilterSet(as_query({}), queryset=key_figures_for_listing())
    empty = KeyFigureFilterSet(
        as_query({"ordering": ""}), queryset=key_figures_for_listing()
    )
    assert empty.is_valid()
    assert list(empty.qs) == list(default.qs)


@pytest.mark.parametrize(
    ("query", "parameter", "shown"),
    [
        ({"municipality": "Atlantis"}, "municipality", "Atlantis"),
        ({"event": "finns-inte"}, "event", "finns-inte"),
        ({"session": "abc"}, "session", "abc"),
        ({"unit": "liter"}, "unit", "liter"),
        ({"qualifier": "kanske"}, "qualifier", "kanske"),
        ({"review_status": "klar"}, "review_status", "klar"),
        ({"scope": "planet"}, "scope", "planet"),
        ({"ordering": "secret"}, "ordering", "secret"),
    ],
)
def test_key_figure_filter_invalid_choice_names_the_value(
    figures, query, parameter, shown
):
    assert shown in errors(query)[parameter]


@pytest.mark.parametrize("value", ["tjugo", "99999999999999999999", "1e3", "-5"])
def test_key_figure_filter_invalid_year_is_an_error(figures, value):
    assert set(errors({"year_from": value})) == {"year_from"}


@pytest.mark.parametrize("parameter", ["q", "label", "municipality", "event"])
def test_key_figure_filter_nul_byte_is_an_error_not_a_crash(figures, parameter):
    assert parameter in errors({parameter: "ab\x00c"})


def test_key_figure_filter_draft_session_cannot_be_chosen(hidden_figures):
    from sessions_app.models import Session

    draft = Session.objects.get(is_published=False)
    assert "session" in errors({"session": str(draft.pk)})


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"municipality": ["gr", "0000"], "ordering": "-value"},
        {"unit": "percent", "year_from": "2020", "q": "g"},
        {"municipality": "Atlantis", "year_to": "x", "scope": "planet"},
        {"ordering": "secret", "label": "kungalv", "page": "2"},
        {"event": "var", "qualifier": "exact", "review_status": "unreviewed"},
    ],
)
def test_key_figure_filterset_of_the_given_filters_agrees_with_the_full_one(
    figures, query
):
    full = KeyFigureFilterSet(as_query(query), queryset=key_figures_for_listing())
    given = key_figure_filterset(as_query(query), queryset=key_figures_for_listing())
    assert given.is_valid() == full.is_valid()
    assert list(given.errors.items()) == list(full.errors.items())
    if full.is_valid():
        assert list(given.qs) == list(full.qs)


def test_key_figure_filterset_builds_only_the_given_filters(figures):
    filterset = key_figure_filterset(
        as_query({"unit": "days", "year_from": "2019", "page": "3"}),
        queryset=key_figures_for_listing(),
    )
    assert list(filterset.filters) == ["year_from", "unit"]
    assert filterset.is_valid()
    assert {figure.label for figure in filterset.qs} == {"stockholm"}


def test_from_year_after_to_year_is_a_message_not_an_empty_result(client):
    explorer = client.get("/nyckeltal/?year_from=2024&year_to=2018")
    assert explorer.status_code == 200
    assert "”Till år” kan inte vara före ”Från år”." in explorer.content.decode()
    api = client.get("/api/v1/key-figures/?year_from=2024&year_to=2018")
    assert api.status_code == 400
    assert api.json() == {"year_to": ["”Till år” kan inte vara före ”Från år”."]}
    same_year = client.get("/nyckeltal/?year_from=2018&year_to=2018")
    assert "kan inte vara före" not in same_year.content.decode()
