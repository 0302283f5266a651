"""History: every change recorded with who and when, compared and reverted."""

import pytest
from django.urls import reverse

from tests.admin.helpers import change_form_data, form_data
from tests.factories.sessions import SessionFactory


def _edit_title(client, session, title):
    url = reverse("admin:sessions_app_session_change", args=[session.pk])
    client.post(url, change_form_data(client.get(url), title=title))


@pytest.mark.django_db
def test_admin_edit_is_recorded_with_the_editor(editor_client, editor):
    session = SessionFactory(title="Före")

    _edit_title(editor_client, session, "Efter")

    latest = session.history.latest()
    assert (latest.title, latest.history_user, latest.history_type) == (
        "Efter",
        editor,
        "~",
    )


@pytest.mark.django_db
def test_history_page_shows_the_change_against_the_previous_version(editor_client):
    session = SessionFactory(title="Arbetsmarknaden förr")
    _edit_title(editor_client, session, "Arbetsmarknaden nu")

    response = editor_client.get(
        reverse("admin:sessions_app_session_history", args=[session.pk])
    )

    changes = response.context["page_obj"].object_list[0].history_delta_changes
    assert [(c["field"], c["old"], c["new"]) for c in changes] == [
        ("Titel", "Arbetsmarknaden förr", "Arbetsmarknaden nu")
    ]
    html = response.content.decode()
    assert "<title>Historik: Arbetsmarknaden nu | Göteborgsregionen</title>" in html
    assert "<td>redaktor</td>" in html


@pytest.mark.django_db
def test_revert_restores_the_previous_title(editor_client):
    session = SessionFactory(title="Rätt titel")
    original_version = session.history.earliest()
    _edit_title(editor_client, session, "Fel titel")
    url = reverse(
        "admin:sessions_app_session_simple_history",
        args=[session.pk, original_version.history_id],
    )
    page = editor_client.get(url)
    form = page.context["adminform"].form

    response = editor_client.post(url, form_data(form))

    session.refresh_from_db()
    assert response.status_code == 302
    assert 'value="Återställ"' in page.content.decode()
    assert session.title == "Rätt titel"
    assert session.history.count() == 3


@pytest.mark.django_db
def test_reader_cannot_revert(reader_client):
    session = SessionFactory(title="Rätt titel")
    version = session.history.earliest()
    session.title = "Senare titel"
    session.save()
    url = reverse(
        "admin:sessions_app_session_simple_history",
        args=[session.pk, version.history_id],
    )

    form = reader_client.get(url).context["adminform"].form

    response = reader_client.post(url, form_data(form))

    session.refresh_from_db()
    assert response.status_code == 403
    assert session.title == "Senare titel"
