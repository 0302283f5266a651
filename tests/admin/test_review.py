"""The review queue: what the loader flagged, findable in one filter, with reasons."""

import pytest
from django.urls import reverse

from conference.models import ReviewStatus
from tests.admin.helpers import change_form_data
from tests.factories.conference import KeyFigureFactory


@pytest.mark.django_db
def test_needs_review_filter_lists_only_flagged_key_figures(editor_client):
    flagged = KeyFigureFactory(
        review_status=ReviewStatus.NEEDS_REVIEW,
        flags=["Andelen är över 100 %."],
    )
    KeyFigureFactory(review_status=ReviewStatus.UNREVIEWED)

    response = editor_client.get(
        reverse("admin:conference_keyfigure_changelist"),
        {"review_status__exact": ReviewStatus.NEEDS_REVIEW},
    )

    assert [obj.pk for obj in response.context["cl"].result_list] == [flagged.pk]
    assert "<div>Andelen är över 100 %.</div>" in response.content.decode()


@pytest.mark.django_db
def test_review_filter_is_offered_as_behover_granskas(editor_client):
    response = editor_client.get(reverse("admin:sessions_app_session_changelist"))

    assert "Behöver granskas" in response.content.decode()


@pytest.mark.django_db
def test_mark_reviewed_action_closes_review_and_keeps_flags(editor_client, editor):
    figure = KeyFigureFactory(
        review_status=ReviewStatus.NEEDS_REVIEW, flags=["Osäker kommun."]
    )

    editor_client.post(
        reverse("admin:conference_keyfigure_changelist"),
        {"action": "mark_as_reviewed", "_selected_action": [figure.pk]},
    )

    figure.refresh_from_db()
    assert figure.review_status == ReviewStatus.REVIEWED
    assert figure.flags == ["Osäker kommun."]
    assert figure.history.latest().history_user == editor


@pytest.mark.django_db
def test_key_figure_source_sentence_is_read_only(editor_client):
    figure = KeyFigureFactory(source_text="Under 2023 deltog 1 234 personer.")

    response = editor_client.get(
        reverse("admin:conference_keyfigure_change", args=[figure.pk])
    )

    form = response.context["adminform"].form
    assert "source_text" not in form.fields
    assert "Under 2023 deltog 1 234 personer." in response.content.decode()


@pytest.mark.django_db
def test_key_figure_added_inline_on_session_gets_the_sessions_event(editor_client):
    figure = KeyFigureFactory()
    session = figure.session
    url = reverse("admin:sessions_app_session_change", args=[session.pk])
    response = editor_client.get(url)
    data = _session_post_with_new_key_figure(response, figure.municipality_id)

    response = editor_client.post(url, data)

    assert response.status_code == 302
    new = session.key_figures.exclude(pk=figure.pk).get()
    assert (new.label, new.event_id) == ("Nytt nyckeltal", session.event_id)


def _session_post_with_new_key_figure(response, municipality_id):
    data = change_form_data(response)
    index = int(data["key_figures-TOTAL_FORMS"])
    data["key_figures-TOTAL_FORMS"] = str(index + 1)
    new_row = {
        "label": "Nytt nyckeltal",
        "value": "12",
        "unit": "percent",
        "scope": "municipality",
        "municipality": str(municipality_id),
        "review_status": "unreviewed",
    }
    data.update({f"key_figures-{index}-{k}": v for k, v in new_row.items()})
    return data


@pytest.mark.django_db
def test_admin_start_page_links_to_each_flagged_kind(editor_client):
    KeyFigureFactory.create_batch(2, review_status=ReviewStatus.NEEDS_REVIEW)
    KeyFigureFactory(review_status=ReviewStatus.REVIEWED)

    response = editor_client.get(reverse("admin:index"))

    url = reverse("admin:conference_keyfigure_changelist")
    assert (
        f'<li><a href="{url}?review_status__exact=needs_review">2 nyckeltal</a></li>'
        in response.content.decode()
    )


@pytest.mark.django_db
def test_admin_start_page_says_when_nothing_awaits_review(editor_client):
    response = editor_client.get(reverse("admin:index"))

    assert "Inläsningen har inte flaggat något" in response.content.decode()
