"""History: every change recorded with who and when, compared and reverted."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from conference.admin_base import REVERT_REASON
from conference.models import KeyFigure
from sessions_app.models import ContentBlock, Quote, SessionSpeaker
from tests.admin.helpers import change_form_data, form_data
from tests.factories.conference import KeyFigureFactory, MeasureFactory
from tests.factories.sessions import (
    ContentBlockFactory,
    QuoteFactory,
    SessionFactory,
    SessionSpeakerFactory,
)
from tests.factories.speakers import PersonFactory


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

    response = editor_client.post(url, form_data(form, revert_reason="Titeln blev fel"))

    session.refresh_from_db()
    assert response.status_code == 302
    assert 'value="Återställ"' in page.content.decode()
    assert session.title == "Rätt titel"
    assert session.history.count() == 3
    assert session.history.latest().history_change_reason == "Titeln blev fel"


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


def _edit_blocks(client, session, **changes):
    url = reverse("admin:sessions_app_session_change", args=[session.pk])
    data = change_form_data(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302


def _revert_url(session, version):
    return reverse(
        "admin:sessions_app_session_simple_history",
        args=[session.pk, version.history_id],
    )


@pytest.mark.django_db
def test_session_history_lists_changes_to_its_blocks(editor_client, editor):
    session = SessionFactory(title="Unga till arbete")
    ContentBlockFactory(session=session, order=1, text="Gammal text.")
    _edit_blocks(editor_client, session, **{"blocks-0-text": "Ny text."})

    response = editor_client.get(
        reverse("admin:sessions_app_session_history", args=[session.pk])
    )

    latest = response.context["part_changes"][0]
    assert (latest.user, latest.kind, latest.part, latest.history_type) == (
        editor,
        "Innehållsblock",
        "Stycke: Ny text.",
        "~",
    )
    assert latest.changes == [
        {"field": "Text", "old": "Gammal text.", "new": "Ny text."}
    ]
    html = response.content.decode()
    assert "Ändringar i programpunktens delar" in html
    assert "<strong>Text:</strong> Gammal text. &rarr; Ny text." in html


@pytest.mark.django_db
def test_revert_restores_the_blocks_and_records_the_reason(editor_client, editor):
    session = SessionFactory(title="Unga till arbete")
    kept = ContentBlockFactory(session=session, order=1, text="Rätt text.")
    removed = ContentBlockFactory(session=session, order=2, text="Borttaget stycke.")
    speaker = SessionSpeakerFactory(session=session)
    version = session.history.latest()
    _edit_blocks(
        editor_client,
        session,
        **{"blocks-0-text": "Fel text.", "blocks-1-DELETE": "on"},
    )
    ContentBlockFactory(session=session, order=3, text="Tillagt senare.")
    SessionSpeaker.objects.filter(pk=speaker.pk).delete()
    page = editor_client.get(_revert_url(session, version))

    response = editor_client.post(
        _revert_url(session, version),
        form_data(page.context["adminform"].form, revert_reason="Fel text i talet"),
    )

    assert response.status_code == 302
    assert list(session.blocks.values_list("pk", "text")) == [
        (kept.pk, "Rätt text."),
        (removed.pk, "Borttaget stycke."),
    ]
    assert list(session.session_speakers.values_list("pk", flat=True)) == [speaker.pk]
    restored = ContentBlock.history.filter(id=kept.pk).latest()
    assert (restored.history_user, restored.history_change_reason) == (
        editor,
        "Fel text i talet",
    )
    assert session.history.latest().history_change_reason == "Fel text i talet"


@pytest.mark.django_db
def test_revert_without_a_reason_changes_nothing(editor_client):
    session = SessionFactory(title="Rätt titel")
    ContentBlockFactory(session=session, order=1, text="Rätt text.")
    version = session.history.latest()
    _edit_blocks(editor_client, session, title="Fel titel", **{"blocks-0-text": "Fel."})
    page = editor_client.get(_revert_url(session, version))

    response = editor_client.post(
        _revert_url(session, version), form_data(page.context["adminform"].form)
    )

    session.refresh_from_db()
    assert response.status_code == 200
    assert response.context["adminform"].form.errors[REVERT_REASON] == [
        "Det här fältet är obligatoriskt."
    ]
    assert (session.title, session.blocks.get().text) == ("Fel titel", "Fel.")


@pytest.mark.django_db
@pytest.mark.parametrize("parts", [1, 20])
def test_session_history_runs_fixed_queries_whatever_its_parts(
    editor_client, django_assert_num_queries, parts
):
    session = SessionFactory()
    for _ in range(parts):
        block = ContentBlockFactory(
            session=session, kind=ContentBlock.Kind.QUOTE, person=PersonFactory()
        )
        block.text = "Ändrat citat."
        block.save()
        speaker = SessionSpeakerFactory(session=session)
        speaker.role = SessionSpeaker.Role.MODERATOR
        speaker.save()
    url = reverse("admin:sessions_app_session_history", args=[session.pk])
    ContentType.objects.clear_cache()

    # The page's 8, then latest versions of 4 kinds of part and earlier ones of 2 kinds.
    with django_assert_num_queries(14):
        response = editor_client.get(url)

    assert len(response.context["part_changes"]) == 4 * parts


@pytest.mark.django_db
def test_reverting_a_block_asks_for_the_reason_once_and_stores_it(editor_client):
    # ContentBlockAdmin has no fieldsets of its own: Django lists every form field.
    block = ContentBlockFactory(text="Som inläst.")
    version = block.history.latest()
    block.text = "Felaktigt rättad."
    block.save()
    url = reverse(
        "admin:sessions_app_contentblock_simple_history",
        args=[block.pk, version.history_id],
    )
    page = editor_client.get(url)

    # A browser sends every input; a second, empty reason field would win.
    assert page.content.decode().count('name="revert_reason"') == 1
    response = editor_client.post(
        url, form_data(page.context["adminform"].form, revert_reason="Fel rättelse")
    )

    assert response.status_code == 302
    block.refresh_from_db()
    assert block.text == "Som inläst."
    assert block.history.latest().history_change_reason == "Fel rättelse"


def _revert(client, session, version, reason):
    page = client.get(_revert_url(session, version))
    return client.post(
        _revert_url(session, version),
        form_data(page.context["adminform"].form, revert_reason=reason),
    )


@pytest.mark.django_db
def test_revert_restores_the_sessions_key_figures_and_quotes(editor_client, editor):
    session = SessionFactory(title="Unga till arbete")
    other = SessionFactory(event=session.event, title="Annan programpunkt")
    changed = KeyFigureFactory(session=session, event=session.event, value=10)
    deleted = KeyFigureFactory(session=session, event=session.event, value=20)
    moved = KeyFigureFactory(session=other, event=session.event, value=30)
    quote = QuoteFactory(session=session, event=session.event, text="Rätt citat.")
    version = session.history.latest()
    _edit_title(editor_client, session, "Ny titel")  # the version ends here
    changed.value = 99
    changed.save()
    deleted_pk = deleted.pk
    deleted.delete()
    added = KeyFigureFactory(session=session, event=session.event, value=40)
    moved.session = session
    moved.save()
    quote.text = "Fel citat."
    quote.save()

    response = _revert(editor_client, session, version, "Siffrorna blev fel")

    assert response.status_code == 302
    assert sorted(session.key_figures.values_list("pk", "value")) == sorted(
        [(changed.pk, 10), (deleted_pk, 20)]
    )
    assert not KeyFigure.objects.filter(pk=added.pk).exists()
    assert KeyFigure.objects.get(pk=moved.pk).session_id == other.pk
    assert Quote.objects.get(pk=quote.pk).text == "Rätt citat."
    restored = KeyFigure.history.filter(id=changed.pk).latest()
    assert (restored.history_user, restored.history_change_reason) == (
        editor,
        "Siffrorna blev fel",
    )


@pytest.mark.django_db
def test_revert_empties_links_to_rows_deleted_since(editor_client):
    session = SessionFactory()
    measure = MeasureFactory()
    figure = KeyFigureFactory(session=session, event=session.event, measure=measure)
    quote = QuoteFactory(session=session, event=session.event, person=PersonFactory())
    version = session.history.latest()
    _edit_title(editor_client, session, "Ny titel")
    figure_pk, quote_pk = figure.pk, quote.pk
    figure.delete()
    measure.delete()  # merged into another by staff
    quote.delete()
    quote.person.delete()  # erased

    response = _revert(editor_client, session, version, "Raderat av misstag")

    assert response.status_code == 302
    assert KeyFigure.objects.get(pk=figure_pk).measure_id is None
    assert Quote.objects.get(pk=quote_pk).person_id is None
