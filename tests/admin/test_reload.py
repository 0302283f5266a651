"""A reload by the loader keeps what staff edited in the admin."""

import pytest
from django.urls import reverse

from conference.models import KeyFigure
from sessions_app.models import Session
from tests.admin.helpers import change_form_data, load_seed


def save_in_admin(client, url_name, obj, **changes):
    url = reverse(url_name, args=[obj.pk])
    response = client.post(url, change_form_data(client.get(url), **changes))
    assert response.status_code == 302, response.context["errors"]


@pytest.mark.django_db
def test_reload_keeps_session_title_edited_in_admin(editor_client, client):
    load_seed()
    session = Session.objects.filter(documented=True).order_by("pk").first()
    save_in_admin(
        editor_client,
        "admin:sessions_app_session_change",
        session,
        title="Rättad titel från redaktionen",
    )

    load_seed()

    session.refresh_from_db()
    public = client.get(session.get_absolute_url())
    assert session.title == "Rättad titel från redaktionen"
    assert public.status_code == 200
    assert "Rättad titel från redaktionen" in public.content.decode()


@pytest.mark.django_db
def test_reload_keeps_key_figure_label_edited_in_admin(editor_client):
    load_seed()
    figure = KeyFigure.objects.order_by("pk").first()
    save_in_admin(
        editor_client,
        "admin:conference_keyfigure_change",
        figure,
        label="Rättad beskrivning av nyckeltalet",
    )

    load_seed()

    figure.refresh_from_db()
    assert figure.label == "Rättad beskrivning av nyckeltalet"
    assert KeyFigure.objects.filter(label=figure.label).count() == 1


@pytest.mark.django_db
def test_reload_keeps_a_session_unpublished_in_admin(editor_client):
    load_seed()
    session = Session.objects.order_by("pk").first()
    editor_client.post(
        reverse("admin:sessions_app_session_changelist"),
        {"action": "unpublish_selected", "_selected_action": [session.pk]},
    )

    load_seed()

    session.refresh_from_db()
    assert session.is_published is False
