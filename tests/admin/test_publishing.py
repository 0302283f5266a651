"""Publishing: events and sessions are drafts until someone publishes them."""

import pytest
from django.urls import reverse

from conference.publishing import publish, unpublish
from tests.admin.helpers import change_form_data
from tests.factories.conference import EventFactory
from tests.factories.sessions import SessionFactory


@pytest.mark.django_db
def test_publish_draft_session_records_time_and_user_in_history(editor):
    session = SessionFactory(is_published=False)

    changed = publish(records=[session], user=editor)

    session.refresh_from_db()
    latest = session.history.latest()
    assert changed == 1
    assert session.is_published is True
    assert session.published_at is not None
    assert latest.history_user == editor
    assert latest.history_change_reason == "Publicerad"


@pytest.mark.django_db
def test_publish_already_published_event_changes_nothing(editor):
    event = EventFactory(is_published=True)
    versions = event.history.count()

    changed = publish(records=[event], user=editor)

    assert changed == 0
    assert event.history.count() == versions


@pytest.mark.django_db
def test_unpublish_published_event_makes_it_a_draft(editor):
    event = EventFactory(is_published=True)
    publish(records=[event], user=editor)

    changed = unpublish(records=[event], user=editor)

    event.refresh_from_db()
    assert changed == 1
    assert (event.is_published, event.published_at) == (False, None)


@pytest.mark.django_db
def test_publish_action_publishes_selected_sessions_only(editor_client):
    chosen, other = SessionFactory.create_batch(2, is_published=False)

    response = editor_client.post(
        reverse("admin:sessions_app_session_changelist"),
        {"action": "publish_selected", "_selected_action": [chosen.pk]},
    )

    chosen.refresh_from_db()
    other.refresh_from_db()
    assert response.status_code == 302
    assert (chosen.is_published, other.is_published) == (True, False)


@pytest.mark.django_db
def test_unpublish_action_turns_events_into_drafts(editor_client):
    event = EventFactory(is_published=True)

    editor_client.post(
        reverse("admin:conference_event_changelist"),
        {"action": "unpublish_selected", "_selected_action": [event.pk]},
    )

    event.refresh_from_db()
    assert event.is_published is False


@pytest.mark.django_db
def test_editor_ticking_published_in_form_sets_published_at(editor_client):
    session = SessionFactory(is_published=False)
    url = reverse("admin:sessions_app_session_change", args=[session.pk])
    page = editor_client.get(url)

    editor_client.post(url, change_form_data(page, is_published="on"))

    session.refresh_from_db()
    assert session.is_published is True
    assert session.published_at is not None


@pytest.mark.django_db
def test_draft_session_is_hidden_from_the_public(client):
    session = SessionFactory(is_published=False)

    response = client.get(session.get_absolute_url())

    assert response.status_code == 404


@pytest.mark.django_db
def test_session_change_page_links_to_its_public_page(editor_client):
    session = SessionFactory()

    response = editor_client.get(
        reverse("admin:sessions_app_session_change", args=[session.pk])
    )

    view_on_site = response.context["original"].get_absolute_url()
    assert view_on_site == f"/evenemang/{session.event.slug}/{session.slug}/"
    assert "Visa på webbplats" in response.content.decode()


@pytest.mark.django_db
def test_editor_previews_draft_session_on_its_public_url(editor_client, client):
    session = SessionFactory(title="Utkast till referat", is_published=False)

    as_editor = editor_client.get(session.get_absolute_url())
    client.logout()
    as_public = client.get(session.get_absolute_url())

    assert as_editor.status_code == 200
    assert "Utkast till referat" in as_editor.content.decode()
    assert as_public.status_code == 404
