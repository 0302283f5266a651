"""Admin forms that make stored structures editable as plain text."""

import pytest
from django.urls import reverse

from conference.admin_base import LinesField
from tests.admin.helpers import change_form_data
from tests.factories.conference import KeyFigureFactory
from tests.factories.sessions import ContentBlockFactory


def test_lines_field_turns_lines_into_items_without_blanks():
    field = LinesField(required=False)

    items = field.clean("Första punkten\n\n  Andra punkten  \r\n")

    assert items == ["Första punkten", "Andra punkten"]


def test_lines_field_shows_items_one_per_line():
    field = LinesField(required=False)

    assert field.prepare_value(["Ett", "Två"]) == "Ett\nTvå"


@pytest.mark.django_db
def test_content_block_list_is_edited_one_item_per_line(editor_client):
    block = ContentBlockFactory(kind="bullet_list", text="", items=["Gammal"])
    url = reverse("admin:sessions_app_contentblock_change", args=[block.pk])
    page = editor_client.get(url)

    response = editor_client.post(
        url, change_form_data(page, items="Ny punkt\nÄnnu en punkt")
    )

    block.refresh_from_db()
    assert response.status_code == 302
    assert block.items == ["Ny punkt", "Ännu en punkt"]


@pytest.mark.django_db
def test_key_figure_list_shows_value_as_written_in_swedish(editor_client):
    KeyFigureFactory(value=62, unit="percent", qualifier="just_over")

    response = editor_client.get(reverse("admin:conference_keyfigure_changelist"))

    assert "drygt 62\u00a0%" in response.content.decode()


@pytest.mark.django_db
def test_action_menu_prompt_is_swedish(editor_client):
    response = editor_client.get(reverse("admin:sessions_app_session_changelist"))

    choices = response.context["action_form"].fields["action"].choices
    assert choices[0] == ("", "– Välj en åtgärd –")
