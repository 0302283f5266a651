"""An editor corrects and publishes a session in the admin; a Läsare cannot save."""

import re

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from conference.staff_groups import EDITOR_GROUP, READER_GROUP, sync_staff_groups
from tests.factories.conference import EventFactory
from tests.factories.sessions import SessionFactory

PASSWORD = "ett-långt-lösenord-för-test"


@pytest.fixture
def staff_user(django_user_model):
    """Return a function creating a staff user in one of the staff groups."""
    # Transactional tests empty the database, groups from migrations included.
    sync_staff_groups(apps=apps)

    def create(username, group_name):
        user = django_user_model.objects.create_user(
            username=username, password=PASSWORD, is_staff=True
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return create


def log_in(page, base_url, username):
    page.set_default_timeout(10_000)
    page.goto(base_url + "/admin/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("heading", name="Redigera dokumentationen")).to_be_visible()


@pytest.mark.django_db(transaction=True)
def test_editor_corrects_publishes_and_sees_session_on_public_page(
    live_server, page, staff_user
):
    staff_user("redaktor", EDITOR_GROUP)
    event = EventFactory(title="Mötesplats Provdag", is_published=True)
    session = SessionFactory(
        event=event, title="Arbetsmarknaden i regonen", is_published=False
    )
    public_url = live_server.url + session.get_absolute_url()

    log_in(page, live_server.url, "redaktor")
    page.goto(live_server.url + "/admin/sessions_app/session/?is_published__exact=0")
    page.get_by_role("link", name="Arbetsmarknaden i regonen").click()
    page.get_by_label("Titel:").fill("Arbetsmarknaden i regionen")
    page.get_by_label("Publicerad", exact=True).check()
    page.get_by_role("button", name="Spara", exact=True).click()

    expect(page.locator(".messagelist")).to_contain_text("Ändrade programpunkt")
    page.context.clear_cookies()
    page.goto(public_url)
    expect(page.locator("h1")).to_have_text("Arbetsmarknaden i regionen")
    assert page.console_errors == []


@pytest.mark.django_db(transaction=True)
def test_reader_sees_session_in_admin_but_cannot_save(live_server, page, staff_user):
    staff_user("lasare", READER_GROUP)
    session = SessionFactory(title="Bara för läsning")

    log_in(page, live_server.url, "lasare")
    page.goto(f"{live_server.url}/admin/sessions_app/session/{session.pk}/change/")

    expect(
        page.get_by_role("heading", name=re.compile("Visa programpunkt"))
    ).to_be_visible()
    expect(page.get_by_text("Bara för läsning").first).to_be_visible()
    assert page.get_by_role("button", name="Spara", exact=True).count() == 0
    assert page.locator("input[name=title]").count() == 0
    assert page.console_errors == []
