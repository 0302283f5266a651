""" "Läs in dokumentation" in the admin: preview (a dry run), load, records, re-run."""

import hashlib
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from conference.content_version import content_version
from conference.models import DocumentLoad, Event, Municipality
from conference.staff_groups import CONTENT_APPS
from sessions_app.models import Session
from tests.loader.http_server import serving

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "inlasning-i-admin.txt"
START = reverse("document_loads:start")


def upload(data: bytes, name: str = "dokument.txt") -> dict:
    return {"document": SimpleUploadedFile(name, data, content_type="text/plain")}


def database_rows() -> dict[str, int]:
    """Return the number of rows of every model of the content apps."""
    return {
        model._meta.label: model._default_manager.count()
        for app_label in CONTENT_APPS
        for model in apps.get_app_config(app_label).get_models()
    }


def preview_fixture(client) -> DocumentLoad:
    response = client.post(START, upload(FIXTURE.read_bytes(), FIXTURE.name))
    record = DocumentLoad.objects.get()
    assert response.url == reverse("document_loads:preview", args=[record.pk])
    return record


def preview_url(record) -> str:
    return reverse("document_loads:preview", args=[record.pk])


@pytest.mark.django_db
def test_preview_shows_what_would_be_created_and_flagged_and_writes_no_content(
    editor_client,
):
    before = database_rows()

    record = preview_fixture(editor_client)
    response = editor_client.get(preview_url(record))

    html = response.content.decode()
    rows = dict(response.context["rows"])
    assert rows["evenemang"] == ["1", "0", "0", "0"]
    assert rows["programpunkter"] == ["2", "0", "0", "0"]
    assert "Programpunkt Läslust på schemat: stray_character" in html
    assert record.status == DocumentLoad.Status.PREVIEWED
    assert database_rows() == {**before, "conference.DocumentLoad": 1}


@pytest.mark.django_db
def test_preview_offers_only_what_the_document_lacks(editor_client):
    record = preview_fixture(editor_client)

    response = editor_client.get(preview_url(record))

    assert list(response.context["form"].fields) == ["event_date", "organizer"]


@pytest.mark.django_db
def test_load_imports_with_the_given_date_and_organiser_and_keeps_a_record(
    editor_client, editor
):
    record = preview_fixture(editor_client)

    response = editor_client.post(
        preview_url(record),
        {"event_date": "2025-04-09", "organizer": "GR Utbildning", "load": "Läs in"},
    )

    event = Event.objects.get()
    record.refresh_from_db()
    assert response.url == reverse(
        "admin:conference_documentload_change", args=[record.pk]
    )
    assert (event.title, str(event.date), event.organizer) == (
        "Nätverksträff Läsfrämjande",
        "2025-04-09",
        "GR Utbildning",
    )
    assert Session.objects.filter(event=event).count() == 2
    assert record.status == DocumentLoad.Status.LOADED
    assert record.user == editor
    assert record.checksum == hashlib.sha256(FIXTURE.read_bytes()).hexdigest()
    assert record.report["counts"]["created"]["session"] == 2
    assert record.report["lines"][0].startswith("Inläsning klar")


@pytest.mark.django_db
def test_preview_again_uses_the_given_date_and_still_writes_no_content(
    editor_client,
):
    record = preview_fixture(editor_client)

    editor_client.post(
        preview_url(record), {"event_date": "2025-04-09", "preview": "Förhandsgranska"}
    )

    record.refresh_from_db()
    assert record.report["date"] == "2025-04-09"
    assert "event_date" not in record.report["missing"]
    assert Event.objects.count() == 0


@pytest.mark.django_db
def test_pasted_text_is_previewed(editor_client):
    editor_client.post(START, {"text": FIXTURE.read_text(encoding="utf-8")})

    record = DocumentLoad.objects.get()
    assert (record.kind, record.source_name, record.report["event"]) == (
        DocumentLoad.Kind.TEXT,
        "inklistrad text",
        "Nätverksträff Läsfrämjande",
    )


@pytest.mark.django_db
def test_saved_web_page_is_read_as_html(editor_client):
    page = FIXTURE.parent / "skolforum-2025.html"

    editor_client.post(START, upload(page.read_bytes(), page.name))

    record = DocumentLoad.objects.get()
    assert record.text_format == DocumentLoad.Format.HTML
    assert record.copy.name.endswith(".html")
    assert record.copy.read().decode("utf-8") == page.read_text(encoding="utf-8")


@pytest.mark.django_db
def test_web_address_is_read_with_the_loaders_limits(editor_client):
    with serving() as base:
        editor_client.post(START, {"url": f"{base}/temadag.txt"})

    record = DocumentLoad.objects.get()
    assert record.kind == DocumentLoad.Kind.URL
    assert record.source_name.endswith("/temadag.txt")
    assert record.report["event"] == "Temadag Hälsa och arbete"


BAD_INPUT = {
    "pdf": (upload(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "program.pdf"), "PDF-fil"),
    "empty": (upload(b"", "tom.txt"), "Filen är tom"),
    "too large": (upload(b"a" * (5 * 1024 * 1024 + 1)), "större än 5 MB"),
    "broken utf-8": (
        upload("Rubrik\n\nLäsning för alla".encode() + b"\xe4\xff\xfe x"),
        "UTF-8 med trasiga tecken",
    ),
    "no document": ({"text": "   "}, "Välj ett sätt"),
    "nothing at all": ({}, "Välj ett sätt"),
    "two documents": ({"text": "Rubrik", "url": "https://example.org/"}, "Välj ett"),
    "pasted too long": ({"text": "a" * 500_001}, "högst 500 000 tecken"),
    "not a web address": ({"url": "ftp://example.org/dag.txt"}, "Ogiltig webbadress"),
    "address too long": (
        {"url": "https://example.org/" + "a" * 300},
        "högst 255 tecken",
    ),
    "unreachable": ({"url": "http://127.0.0.1:9/dag.html"}, "Kan inte hämta"),
}


@pytest.mark.django_db
@pytest.mark.parametrize(("data", "message"), BAD_INPUT.values(), ids=BAD_INPUT)
def test_bad_input_gets_a_swedish_message_and_changes_nothing(
    editor_client, data, message
):
    before = database_rows()

    response = editor_client.post(START, data)

    errors = " ".join(
        str(error)
        for errors in response.context["form"].errors.values()
        for error in errors
    )
    assert response.status_code == 200
    assert message in errors.replace("\xa0", " ")
    assert database_rows() == before


@pytest.mark.django_db
def test_server_error_page_is_refused_with_its_status(editor_client):
    with serving() as base:
        response = editor_client.post(START, {"url": f"{base}/saknas"})

    assert "Servern svarade 404" in str(response.context["form"].errors["url"])
    assert DocumentLoad.objects.count() == 0


@pytest.mark.django_db
def test_load_again_previews_the_same_copy_and_loading_changes_nothing(
    editor_client,
):
    first = preview_fixture(editor_client)
    editor_client.post(preview_url(first), {"event_date": "2025-04-09", "load": "1"})

    response = editor_client.post(reverse("document_loads:load_again", args=[first.pk]))
    again = DocumentLoad.objects.exclude(pk=first.pk).get()
    editor_client.post(preview_url(again), {"event_date": "2025-04-09", "load": "1"})

    again.refresh_from_db()
    assert response.url == preview_url(again)
    assert (again.copy.name, again.checksum) == (first.copy.name, first.checksum)
    assert again.status == DocumentLoad.Status.LOADED
    assert again.report["counts"]["created"] == {}
    assert again.report["counts"]["unchanged"]["session"] == 2
    assert Event.objects.count() == 1


@pytest.mark.django_db
def test_loaded_record_cannot_be_loaded_twice_from_its_preview(editor_client):
    record = preview_fixture(editor_client)
    editor_client.post(preview_url(record), {"load": "1"})

    response = editor_client.post(preview_url(record), {"load": "1"})

    record.refresh_from_db()
    assert response.status_code == 302
    assert record.report["counts"]["created"]["event"] == 1


@pytest.mark.django_db
def test_changelist_and_record_show_the_load_and_offer_load_again(editor_client):
    record = preview_fixture(editor_client)
    editor_client.post(preview_url(record), {"load": "1"})

    listing = editor_client.get(reverse("admin:conference_documentload_changelist"))
    detail = editor_client.get(
        reverse("admin:conference_documentload_change", args=[record.pk])
    )

    assert "inlasning-i-admin.txt" in listing.content.decode()
    record.refresh_from_db()
    flagged = len(record.report["flagged"])
    assert flagged >= 2  # the event's missing date, the session's stray letter
    assert f"0 borttagna, {flagged} flaggade" in listing.content.decode()
    html = detail.content.decode()
    assert "Inläsning klar: inlasning-i-admin.txt" in html
    assert reverse("document_loads:load_again", args=[record.pk]) in html
    assert 'name="_save"' not in html


@pytest.mark.django_db
def test_add_button_leads_to_the_load_form(editor_client):
    response = editor_client.get(reverse("admin:conference_documentload_add"))

    assert response.url == START


@pytest.mark.django_db
def test_admin_index_links_to_loading_for_editor_only(editor, reader):
    editor_client, reader_client = Client(), Client()
    editor_client.force_login(editor)
    reader_client.force_login(reader)

    for_editor = editor_client.get(reverse("admin:index")).content.decode()
    for_reader = reader_client.get(reverse("admin:index")).content.decode()

    assert f'href="{START}"' in for_editor
    assert f'href="{START}"' not in for_reader


@pytest.mark.django_db
def test_reader_may_not_load(reader_client):
    before = database_rows()

    page = reader_client.get(START)
    post = reader_client.post(START, upload(FIXTURE.read_bytes()))

    assert (page.status_code, post.status_code) == (403, 403)
    assert database_rows() == before


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_the_login(client):
    response = client.get(START)

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


@pytest.mark.django_db
def test_preview_names_what_staff_edited_as_kept_and_counts_what_goes(editor_client):
    record = preview_fixture(editor_client)
    editor_client.post(preview_url(record), {"load": "1"})
    Session.objects.filter(title="Bokcirklar för vuxna").update(title="Bokcirklar")
    without_it = FIXTURE.read_text(encoding="utf-8").split("Bokcirklar för vuxna")[0]

    editor_client.post(START, {"text": without_it})
    again = DocumentLoad.objects.get(kind=DocumentLoad.Kind.TEXT)
    response = editor_client.get(preview_url(again))

    kept = (
        "Programpunkt bokcirklar-for-vuxna: finns inte längre i dokumentet men är "
        "ändrad i admin"
    )
    assert again.report["kept"] == [kept]
    assert kept in response.content.decode()
    assert dict(response.context["rows"])["nyckeltal"] == ["0", "0", "0", "1"]
    assert Session.objects.count() == 2


@pytest.mark.django_db
def test_refused_import_marks_the_record_failed_and_changes_no_content(
    editor_client,
):
    record = preview_fixture(editor_client)
    # The municipalities the document names are gone: the database refuses its
    # key figure, and the whole import is rolled back.
    Municipality.objects.all().delete()
    before = database_rows()

    response = editor_client.post(
        preview_url(record), {"event_date": "2025-04-09", "load": "1"}
    )

    record.refresh_from_db()
    assert response.url == reverse(
        "admin:conference_documentload_change", args=[record.pk]
    )
    assert record.status == DocumentLoad.Status.FAILED
    assert record.report["error"].startswith("Databasen avvisade inläsningen")
    assert database_rows() == before


@pytest.mark.django_db
@pytest.mark.parametrize("records", [1, 30])
def test_document_load_admin_pages_run_fixed_queries(
    editor_client, django_assert_num_queries, records
):
    first = preview_fixture(editor_client)
    for _ in range(records - 1):
        editor_client.post(reverse("document_loads:load_again", args=[first.pk]))
    ContentType.objects.clear_cache()

    with django_assert_num_queries(9):
        listing = editor_client.get(reverse("admin:conference_documentload_changelist"))
    with django_assert_num_queries(7):
        detail = editor_client.get(
            reverse("admin:conference_documentload_change", args=[first.pk])
        )
    with django_assert_num_queries(5):
        preview = editor_client.get(preview_url(first))

    assert listing.context["cl"].result_count == records
    assert (detail.status_code, preview.status_code) == (200, 200)


@pytest.mark.django_db
def test_invalid_given_date_is_a_message_and_loads_nothing(editor_client):
    record = preview_fixture(editor_client)

    response = editor_client.post(
        preview_url(record), {"event_date": "2025-13-45", "load": "1"}
    )

    record.refresh_from_db()
    assert response.status_code == 200
    assert response.context["form"].errors["event_date"] == [
        "Fyll i ett giltigt datum."
    ]
    assert record.status == DocumentLoad.Status.PREVIEWED
    assert Event.objects.count() == 0


@pytest.mark.django_db
def test_reader_sees_a_record_without_load_again(editor, reader):
    editor_client, reader_client = Client(), Client()
    editor_client.force_login(editor)
    reader_client.force_login(reader)
    record = preview_fixture(editor_client)

    detail = reader_client.get(
        reverse("admin:conference_documentload_change", args=[record.pk])
    )
    again = reader_client.post(reverse("document_loads:load_again", args=[record.pk]))

    assert detail.status_code == 200
    assert "inlasning-i-admin.txt" in detail.content.decode()
    assert "Läs in igen" not in detail.content.decode()
    assert again.status_code == 403
    assert DocumentLoad.objects.count() == 1


@pytest.mark.django_db
def test_copy_is_kept_out_of_the_served_media_folder(editor_client, settings):
    record = preview_fixture(editor_client)
    stored = Path(record.copy.path)
    assert stored.is_file()
    assert not stored.is_relative_to(settings.MEDIA_ROOT)


@pytest.mark.django_db
def test_a_preview_keeps_the_cached_pages(
    editor_client, django_capture_on_commit_callbacks
):
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        preview_fixture(editor_client)
    assert content_version() == before
