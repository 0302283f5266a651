"""A session's edit form: blocks folded per kind, their order, key figures' areas."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from sessions_app.models import ContentBlock
from tests.admin.helpers import change_form_data
from tests.factories.conference import KeyFigureFactory, MunicipalityFactory
from tests.factories.sessions import ContentBlockFactory, SessionFactory
from tests.factories.speakers import PersonFactory

Kind = ContentBlock.Kind


def _change_url(session):
    return reverse("admin:sessions_app_session_change", args=[session.pk])


def _blocks(html):
    return BeautifulSoup(html, "html.parser").select(".content-block")


@pytest.mark.django_db
def test_each_block_is_folded_to_a_one_line_summary(editor_client):
    session = SessionFactory()
    ContentBlockFactory(session=session, order=1, text="Arbetslösheten   sjönk.")
    ContentBlockFactory(
        session=session, order=2, kind=Kind.NUMBERED_LIST, text="", items=["A", "B"]
    )
    ContentBlockFactory(
        session=session,
        order=3,
        kind=Kind.QUOTE,
        text="Vi behöver varandra.",
        person=PersonFactory(name="Sara Ek"),
    )

    html = editor_client.get(_change_url(session)).content.decode()

    summaries = [block.select_one("details > summary").text for block in _blocks(html)]
    assert summaries == [
        "Stycke: Arbetslösheten sjönk.",
        "Numrerad lista: A · B",
        "Citat: Vi behöver varandra. – Sara Ek",
        "Nytt block",
    ]
    assert [block.details.has_attr("open") for block in _blocks(html)] == [
        False,
        False,
        False,
        True,
    ]


@pytest.mark.django_db
def test_block_fields_say_which_kinds_use_them(editor_client):
    session = SessionFactory()
    ContentBlockFactory(session=session)

    html = editor_client.get(_change_url(session)).content.decode()

    soup = BeautifulSoup(html, "html.parser")
    group = soup.select_one(".content-blocks")
    help_texts = {
        name: group.select_one(f"#id_blocks-0-{name}_helptext").text.strip()
        for name in ("text", "items", "person")
    }
    assert json.loads(group["data-fields-by-kind"]) == {
        "paragraph": ["text"],
        "heading": ["text"],
        "bullet_list": ["items"],
        "numbered_list": ["items"],
        "quote": ["text", "person"],
        "case_example": ["text"],
    }
    assert help_texts == {
        "text": "Används för: Stycke, Mellanrubrik, Citat, Exempel.",
        "items": "Används för: Punktlista, Numrerad lista. En punkt per rad.",
        "person": "Används för: Citat.",
    }
    assert "/static/js/admin/content_blocks.js" in html


@pytest.mark.django_db
def test_order_numbers_reorder_blocks_without_javascript(editor_client):
    session = SessionFactory()
    first = ContentBlockFactory(session=session, order=1, text="Först")
    second = ContentBlockFactory(session=session, order=2, text="Sedan")
    page = editor_client.get(_change_url(session))
    data = change_form_data(page)
    data.update({"blocks-0-order": "2", "blocks-1-order": "1"})

    response = editor_client.post(_change_url(session), data)

    html = editor_client.get(_change_url(session)).content.decode()
    assert response.status_code == 302
    assert list(session.blocks.values_list("pk", flat=True)) == [second.pk, first.pk]
    assert [block.summary.text for block in _blocks(html)[:2]] == [
        "Stycke: Sedan",
        "Stycke: Först",
    ]


@pytest.mark.django_db
def test_key_figure_municipality_is_an_autocomplete(editor_client):
    session = SessionFactory()
    KeyFigureFactory(session=session, event=session.event)
    MunicipalityFactory(code="1480", name="Göteborg", slug="goteborg")

    html = editor_client.get(_change_url(session)).content.decode()
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "conference",
            "model_name": "keyfigure",
            "field_name": "municipality",
            "term": "göteb",
        },
    )

    select = BeautifulSoup(html, "html.parser").select_one(
        "select[name=key_figures-0-municipality]"
    )
    assert "admin-autocomplete" in select["class"]
    assert len(select.find_all("option")) <= 2
    assert [row["text"] for row in response.json()["results"]] == ["Göteborg"]
