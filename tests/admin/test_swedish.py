"""Swedish in the admin: library models, empty choices, history and numbers."""

import re
from decimal import Decimal
from gettext import GNUTranslations
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from conference.models import KeyFigure, ReviewStatus
from tests.admin.helpers import change_form_data
from tests.factories.conference import KeyFigureFactory

CATALOGUE = Path(settings.BASE_DIR) / "locale/sv/LC_MESSAGES/django"


def _po_entries(path: Path) -> dict[str, str]:
    """Return the msgid → msgstr pairs of a .po file (single-line entries)."""
    pairs = re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"$', path.read_text(), re.M)
    return dict(pairs)


def test_compiled_catalogue_matches_its_source():
    with CATALOGUE.with_suffix(".mo").open("rb") as compiled:
        catalogue = GNUTranslations(compiled)

    entries = _po_entries(CATALOGUE.with_suffix(".po"))

    assert len(entries) > 20
    assert {msgid: catalogue.gettext(msgid) for msgid in entries} == entries


@pytest.mark.django_db
def test_login_throttling_models_are_named_in_swedish(admin_client):
    response = admin_client.get(reverse("admin:index"))

    html = response.content.decode()
    assert "Inloggningsspärr" in html
    assert "Konferenser" in html
    assert "Inloggningsförsök" in html
    assert "Misslyckade inloggningar" in html
    assert "Access attempts" not in html


@pytest.mark.django_db
def test_key_figure_is_named_as_swedes_write_it():
    figure = KeyFigureFactory.build(
        label="Andel i arbete", value=Decimal("62.0000"), unit=KeyFigure.Unit.PERCENT
    )

    assert str(figure) == "Andel i arbete: 62\u00a0%"


@pytest.mark.django_db
def test_key_figure_form_shows_and_reads_swedish_numbers(editor_client):
    figure = KeyFigureFactory(value=Decimal("197760.0000"), qualifier="")
    url = reverse("admin:conference_keyfigure_change", args=[figure.pk])
    page = editor_client.get(url)
    form = page.context["adminform"].form

    response = editor_client.post(url, change_form_data(page, value="1,4"))

    figure.refresh_from_db()
    assert form["value"].value() == "197\u00a0760"
    assert form.fields["qualifier"].choices[0] == ("", "– Välj –")
    assert response.status_code == 302
    assert figure.value == Decimal("1.4")


@pytest.mark.django_db
def test_key_figure_form_rejects_a_value_that_is_no_number(editor_client):
    figure = KeyFigureFactory(value=Decimal("12"))
    url = reverse("admin:conference_keyfigure_change", args=[figure.pk])
    page = editor_client.get(url)

    response = editor_client.post(url, change_form_data(page, value="tolv"))

    figure.refresh_from_db()
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["value"] == ["Fyll i ett tal."]
    assert figure.value == Decimal("12")


@pytest.mark.django_db
def test_history_shows_review_status_and_values_in_swedish(editor_client):
    figure = KeyFigureFactory(
        value=Decimal("1000"), review_status=ReviewStatus.NEEDS_REVIEW
    )
    url = reverse("admin:conference_keyfigure_change", args=[figure.pk])
    editor_client.post(
        url,
        change_form_data(
            editor_client.get(url),
            value="197 760",
            review_status=ReviewStatus.REVIEWED,
        ),
    )

    response = editor_client.get(
        reverse("admin:conference_keyfigure_history", args=[figure.pk])
    )

    html = response.content.decode()
    changes = response.context["page_obj"].object_list[0].history_delta_changes
    assert '<th scope="col">Granskning</th>' in html
    assert "<td>Behöver granskas</td>" in html
    assert {c["field"]: (c["old"], c["new"]) for c in changes} == {
        "Värde": ("1\u00a0000", "197\u00a0760"),
        "Granskning": ("Behöver granskas", "Granskad"),
    }
