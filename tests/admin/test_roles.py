"""The two staff groups: what a Redaktör and a Läsare may and may not do."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from conference.staff_groups import (
    CONTENT_APPS,
    EDITOR_GROUP,
    READ_ONLY_MODELS,
    READER_GROUP,
)
from tests.admin.helpers import change_form_data
from tests.factories.sessions import SessionFactory


def _content_models():
    return [
        model
        for app_label in CONTENT_APPS
        for model in apps.get_app_config(app_label).get_models()
        if not model._meta.model_name.startswith("historical")
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("group_name", [EDITOR_GROUP, READER_GROUP])
def test_staff_group_has_no_permission_on_users_or_groups(group_name):
    group = Group.objects.get(name=group_name)

    auth_permissions = group.permissions.filter(content_type__app_label="auth")

    assert list(auth_permissions) == []


@pytest.mark.django_db
@pytest.mark.parametrize("model", _content_models(), ids=str)
def test_reader_group_may_view_every_content_model(model):
    reader = Group.objects.get(name=READER_GROUP)
    codenames = set(
        reader.permissions.filter(
            content_type__app_label=model._meta.app_label,
            content_type__model=model._meta.model_name,
        ).values_list("codename", flat=True)
    )

    assert codenames == {f"view_{model._meta.model_name}"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model",
    [
        m
        for m in _content_models()
        if (m._meta.app_label, m._meta.model_name) not in READ_ONLY_MODELS
    ],
    ids=str,
)
def test_editor_group_may_add_and_change_every_content_model(model):
    editor = Group.objects.get(name=EDITOR_GROUP)
    name = model._meta.model_name
    codenames = set(
        editor.permissions.filter(
            content_type__app_label=model._meta.app_label, content_type__model=name
        ).values_list("codename", flat=True)
    )

    assert {f"view_{name}", f"add_{name}", f"change_{name}"} <= codenames


@pytest.mark.django_db
def test_editor_group_may_publish_events_and_sessions():
    editor = Group.objects.get(name=EDITOR_GROUP)

    publish = set(
        editor.permissions.filter(codename__startswith="publish_").values_list(
            "codename", flat=True
        )
    )

    assert publish == {"publish_event", "publish_session"}


@pytest.mark.django_db
def test_editor_group_may_load_documentation_but_not_edit_its_records():
    editor = Group.objects.get(name=EDITOR_GROUP)

    codenames = set(
        editor.permissions.filter(content_type__model="documentload").values_list(
            "codename", flat=True
        )
    )

    assert codenames == {"view_documentload", "load_documentation"}


@pytest.mark.django_db
@pytest.mark.parametrize("fixture", ["editor_client", "reader_client"])
@pytest.mark.parametrize(
    "url_name", ["admin:auth_user_changelist", "admin:auth_group_changelist"]
)
def test_staff_cannot_open_user_or_group_admin(request, fixture, url_name):
    client = request.getfixturevalue(fixture)

    response = client.get(reverse(url_name))

    assert response.status_code == 403


@pytest.mark.django_db
def test_editor_saves_a_session_title(editor_client):
    session = SessionFactory(title="Gammal titel")
    url = reverse("admin:sessions_app_session_change", args=[session.pk])
    page = editor_client.get(url)
    data = change_form_data(page, title="Ny titel")

    response = editor_client.post(url, data)

    assert response.status_code == 302
    session.refresh_from_db()
    assert session.title == "Ny titel"


@pytest.mark.django_db
def test_reader_sees_session_without_a_save_button(reader_client):
    session = SessionFactory(title="Läsbar titel")

    response = reader_client.get(
        reverse("admin:sessions_app_session_change", args=[session.pk])
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Läsbar titel" in html
    assert 'name="_save"' not in html


@pytest.mark.django_db
def test_reader_cannot_save_a_session(reader_client):
    session = SessionFactory(title="Orörd titel")

    response = reader_client.post(
        reverse("admin:sessions_app_session_change", args=[session.pk]),
        {"title": "Ändrad av läsare", "slug": session.slug, "event": session.event_id},
    )

    assert response.status_code == 403
    session.refresh_from_db()
    assert session.title == "Orörd titel"


@pytest.mark.django_db
def test_reader_cannot_open_add_page(reader_client):
    response = reader_client.get(reverse("admin:sessions_app_session_add"))

    assert response.status_code == 403


@pytest.mark.django_db
def test_reader_cannot_publish_with_the_action(reader_client):
    session = SessionFactory(is_published=False)

    response = reader_client.post(
        reverse("admin:sessions_app_session_changelist"),
        {"action": "publish_selected", "_selected_action": [session.pk]},
    )

    session.refresh_from_db()
    assert response.status_code == 200
    assert session.is_published is False


@pytest.mark.django_db
def test_editor_without_publish_permission_cannot_publish(client, django_user_model):
    user = django_user_model.objects.create_user(
        username="skribent", password="pw", is_staff=True
    )
    user.user_permissions.set(
        Permission.objects.filter(codename__in=["view_session", "change_session"])
    )
    client.force_login(user)
    session = SessionFactory(is_published=False)
    url = reverse("admin:sessions_app_session_change", args=[session.pk])
    page = client.get(url)

    client.post(url, change_form_data(page, is_published="on"))
    client.post(
        reverse("admin:sessions_app_session_changelist"),
        {"action": "publish_selected", "_selected_action": [session.pk]},
    )

    session.refresh_from_db()
    assert "is_published" not in page.context["adminform"].form.fields
    assert session.is_published is False
