"""Every admin page renders for a Redaktör with a fixed number of queries."""

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from tests.admin.helpers import load_seed
from tests.factories.conference import (
    EventFactory,
    EventPersonFactory,
    KeyFigureFactory,
    MunicipalityFactory,
)
from tests.factories.sessions import (
    ContentBlockFactory,
    QuoteFactory,
    SessionFactory,
    SessionSpeakerFactory,
)
from tests.factories.speakers import PersonFactory


def populate(n: int):
    """Create one event and session with n of every related row; return the session."""
    event = EventFactory()
    session = SessionFactory(event=event)
    municipality = MunicipalityFactory()
    for person in PersonFactory.create_batch(n, municipality=municipality):
        SessionSpeakerFactory(session=session, person=person)
        EventPersonFactory(event=event, person=person)
        ContentBlockFactory(session=session, person=person)
        QuoteFactory(
            event=event, session=session, person=person, municipality=municipality
        )
        KeyFigureFactory(event=event, session=session, municipality=municipality)
    SessionFactory.create_batch(n - 1, event=event)
    return session


def page_url(model_label: str, page: str, session) -> str:
    app_label, model_name = model_label.split(".")
    name = f"admin:{app_label}_{model_name}_{page}"
    if page in ("changelist", "add"):
        return reverse(name)
    if model_name == "session":
        obj = session
    elif model_name == "event":
        obj = session.event
    else:
        obj = apps.get_model(model_label).objects.order_by("pk").first()
    return reverse(name, args=[obj.pk])


# Queries: session, user, the user's and the group's permissions, then the page's own.
PAGES = [
    ("conference.event", "changelist", 9),
    ("conference.event", "add", 5),
    ("conference.event", "change", 11),
    ("conference.event", "history", 8),
    ("conference.eventperson", "changelist", 8),
    ("conference.eventperson", "add", 5),
    ("conference.eventperson", "change", 9),
    ("conference.eventperson", "history", 10),
    ("conference.keyfigure", "changelist", 10),
    ("conference.keyfigure", "add", 5),
    ("conference.keyfigure", "change", 9),
    ("conference.keyfigure", "history", 8),
    ("conference.municipality", "changelist", 8),
    ("conference.municipality", "change", 6),
    ("sessions_app.session", "changelist", 9),
    ("sessions_app.session", "add", 5),
    ("sessions_app.session", "change", 17),
    ("sessions_app.session", "history", 16),  # + its parts: 2 per kind of part
    ("sessions_app.sessionspeaker", "changelist", 8),
    ("sessions_app.sessionspeaker", "add", 5),
    ("sessions_app.sessionspeaker", "change", 9),
    ("sessions_app.sessionspeaker", "history", 10),
    ("sessions_app.contentblock", "changelist", 8),
    ("sessions_app.contentblock", "add", 5),
    ("sessions_app.contentblock", "change", 8),
    ("sessions_app.contentblock", "history", 8),
    ("sessions_app.quote", "changelist", 9),
    ("sessions_app.quote", "add", 5),
    ("sessions_app.quote", "change", 10),
    ("sessions_app.quote", "history", 8),
    ("speakers_app.person", "changelist", 9),
    ("speakers_app.person", "add", 5),
    ("speakers_app.person", "change", 7),
    ("speakers_app.person", "history", 8),
]


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [1, 50])
@pytest.mark.parametrize(("model_label", "page", "queries"), PAGES)
def test_admin_page_for_editor_runs_fixed_queries(
    editor_client, django_assert_num_queries, model_label, page, queries, rows
):
    session = populate(rows)
    url = page_url(model_label, page, session)
    ContentType.objects.clear_cache()

    with django_assert_num_queries(queries):
        response = editor_client.get(url)

    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model_label", "rows_in_list"),
    [
        ("sessions_app.session", 50),
        ("conference.keyfigure", 50),
        ("sessions_app.quote", 50),
        ("speakers_app.person", 50),
    ],
)
def test_admin_changelist_for_editor_lists_every_row(
    editor_client, model_label, rows_in_list
):
    session = populate(50)

    response = editor_client.get(page_url(model_label, "changelist", session))

    assert response.context["cl"].result_count == rows_in_list


@pytest.mark.django_db
def test_admin_session_change_page_shows_every_inline_row(editor_client):
    session = populate(50)

    response = editor_client.get(page_url("sessions_app.session", "change", session))

    formsets = {
        formset.formset.prefix: formset.formset.total_form_count()
        for formset in response.context["inline_admin_formsets"]
    }
    assert formsets == {
        "session_speakers": 50,
        "blocks": 50,
        "key_figures": 50,
        "quotes": 50,
    }


@pytest.mark.django_db
def test_admin_index_has_gr_title_in_swedish(editor_client):
    response = editor_client.get(reverse("admin:index"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Redigera dokumentationen | Göteborgsregionen</title>" in html
    assert "Göteborgsregionen – konferensdokumentation" in html
    assert '<html lang="sv"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(("model_label", "page"), [(m, p) for m, p, _ in PAGES])
def test_admin_page_renders_the_loaded_seed_document(editor_client, model_label, page):
    load_seed()
    session = apps.get_model("sessions_app.Session").objects.order_by("pk").first()

    response = editor_client.get(page_url(model_label, page, session))

    assert response.status_code == 200


READER_PAGES = sorted({(m, p) for m, p, _ in PAGES if p != "add"})


@pytest.mark.django_db
@pytest.mark.parametrize(("model_label", "page"), READER_PAGES)
def test_admin_page_renders_read_only_for_reader(reader_client, model_label, page):
    session = populate(2)

    response = reader_client.get(page_url(model_label, page, session))

    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("model_label", sorted({m for m, _, _ in PAGES}))
def test_admin_add_page_is_forbidden_for_reader(reader_client, model_label):
    response = reader_client.get(page_url(model_label, "add", None))

    assert response.status_code == 403
