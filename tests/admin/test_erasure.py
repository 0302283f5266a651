"""The GDPR erasure action on people: confirm first, then erase."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from speakers_app.services import ERASED_NAME
from tests.admin.helpers import change_form_data
from tests.factories.speakers import PersonFactory

CHANGELIST = "admin:speakers_app_person_changelist"


@pytest.mark.django_db
def test_erase_action_asks_for_confirmation_first(admin_client):
    person = PersonFactory(name="Alva Exempelsson")

    response = admin_client.post(
        reverse(CHANGELIST),
        {"action": "erase_personal_data", "_selected_action": [person.pk]},
    )

    person.refresh_from_db()
    assert response.status_code == 200
    assert response.templates[0].name == (
        "admin/speakers_app/person/erase_confirmation.html"
    )
    assert "Alva Exempelsson" in response.content.decode()
    assert person.erased_at is None


@pytest.mark.django_db
def test_erase_action_confirmed_erases_the_person(admin_client):
    person = PersonFactory(name="Alva Exempelsson")

    response = admin_client.post(
        reverse(CHANGELIST),
        {
            "action": "erase_personal_data",
            "_selected_action": [person.pk],
            "confirm": "yes",
        },
    )

    person.refresh_from_db()
    assert response.status_code == 302
    assert person.name == ERASED_NAME


@pytest.mark.django_db
def test_erase_action_is_not_offered_to_editors(editor_client):
    PersonFactory()

    response = editor_client.get(reverse(CHANGELIST))

    actions = [
        name for name, _ in response.context["action_form"].fields["action"].choices
    ]
    assert actions == ["", "mark_as_reviewed"]


@pytest.mark.django_db
def test_erased_filter_lists_only_erased_people(admin_client):
    PersonFactory(name="Kvar Kvarsson")
    erased = PersonFactory()
    admin_client.post(
        reverse(CHANGELIST),
        {
            "action": "erase_personal_data",
            "_selected_action": [erased.pk],
            "confirm": "yes",
        },
    )

    response = admin_client.get(reverse(CHANGELIST), {"borttagen": "ja"})

    assert [p.pk for p in response.context["cl"].result_list] == [erased.pk]


@pytest.mark.django_db
def test_person_admin_rejects_a_fake_photo_with_a_swedish_message(editor_client):
    person = PersonFactory(name="Kim Exempel")
    url = reverse("admin:speakers_app_person_change", args=[person.pk])
    data = change_form_data(editor_client.get(url), photo_alt="Porträtt.")
    data["photo"] = SimpleUploadedFile("foto.png", b"GIF89a inte en riktig bild")

    response = editor_client.post(url, data)

    person.refresh_from_db()
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["photo"] == [
        "Ladda upp en giltig bild. Filen du laddade upp var antingen inte en bild "
        "eller en skadad bild."
    ]
    assert person.photo.name == ""
