"""A change form never holds more inline rows than it can build in time."""

import pytest
from django.urls import reverse

from sessions_app.admin import ContentBlockInline
from tests.factories.sessions import ContentBlockFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_an_inline_with_more_rows_than_it_shows_links_to_their_list(
    editor_client, monkeypatch
):
    monkeypatch.setattr(ContentBlockInline, "max_rows", 2)
    session = SessionFactory()
    ContentBlockFactory.create_batch(3, session=session, text="Ett stycke om arbete.")
    url = reverse("admin:sessions_app_session_change", args=[session.pk])

    page = editor_client.get(url).content.decode()

    assert 'id="blocks-group"' not in page
    assert "Programpunkt har 3 innehållsblock, fler än formuläret visar (2)" in page
    rows_url = f"/admin/sessions_app/contentblock/?session__exact={session.pk}"
    assert rows_url.replace("&", "&amp;") in page
    listed = editor_client.get(rows_url)
    assert listed.status_code == 200
    assert listed.content.decode().count("Ett stycke om arbete.") == 3


def test_an_inline_within_its_limit_is_in_the_form(editor_client):
    session = SessionFactory()
    ContentBlockFactory.create_batch(3, session=session)
    url = reverse("admin:sessions_app_session_change", args=[session.pk])

    page = editor_client.get(url).content.decode()

    assert 'id="blocks-group"' in page
    assert "fler än formuläret visar" not in page
