"""The person form's photo upload: real images only, cleaned and resized."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from speakers_app.forms import MAX_PHOTO_BYTES, PersonAdminForm


def image_upload(image_format="JPEG", size=(1600, 1200), name="foto.jpg", exif=None):
    buffer = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, (200, 40, 40)).save(buffer, format=image_format, **options)
    return SimpleUploadedFile(name, buffer.getvalue(), "application/octet-stream")


def person_form(photo, photo_alt="Porträtt av en person i röd tröja."):
    data = {
        "name": "Kim Exempel",
        "slug": "kim-exempel",
        "review_status": "unreviewed",
        "flags": "[]",
        "photo_alt": photo_alt,
    }
    return PersonAdminForm(data=data, files={"photo": photo})


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("image_format", "extension"), [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp")]
)
def test_photo_form_accepts_image_and_resizes_it_for_the_web(image_format, extension):
    form = person_form(image_upload(image_format, name=f"bild.{extension}"))

    assert form.is_valid(), form.errors
    person = form.save()

    with Image.open(person.photo.path) as saved:
        assert (saved.format, saved.size) == (image_format, (800, 600))
    assert person.photo.name.endswith(f".{extension}")
    assert "bild" not in person.photo.name


@pytest.mark.django_db
def test_photo_form_strips_gps_and_camera_metadata():
    exif = Image.Exif()
    exif[0x010F] = "Kameratillverkare"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (57.0, 42.0, 0.0)  # latitude
    upload = image_upload(exif=exif.tobytes())
    with Image.open(upload) as original:
        assert original.getexif()[0x010F] == "Kameratillverkare"
    upload.seek(0)
    form = person_form(upload)

    assert form.is_valid(), form.errors
    person = form.save()

    with Image.open(person.photo.path) as saved:
        assert dict(saved.getexif()) == {}


@pytest.mark.django_db
def test_photo_form_rejects_gif_with_swedish_message():
    form = person_form(image_upload("GIF", name="animering.gif"))

    assert form.is_valid() is False
    assert form.errors["photo"] == ["Fotot måste vara en JPEG-, PNG- eller WebP-bild."]


@pytest.mark.django_db
def test_photo_form_rejects_html_renamed_to_jpg():
    fake = SimpleUploadedFile("foto.jpg", b"<html><script>alert(1)</script></html>")

    form = person_form(fake)

    assert form.is_valid() is False
    assert len(form.errors["photo"]) == 1
    assert "giltig bild" in form.errors["photo"][0]


@pytest.mark.django_db
def test_photo_form_rejects_file_over_the_size_limit():
    upload = image_upload()
    upload.size = MAX_PHOTO_BYTES + 1

    form = person_form(upload)

    assert form.is_valid() is False
    assert form.errors["photo"] == [
        "Fotot är för stort (högst 5 MB). Förminska det och försök igen."
    ]


@pytest.mark.django_db
def test_photo_form_rejects_image_with_too_many_pixels():
    form = person_form(image_upload("PNG", size=(8000, 6000), name="stor.png"))

    assert form.is_valid() is False
    assert form.errors["photo"] == [
        "Fotot har för många bildpunkter (högst 40 megapixel)."
    ]


@pytest.mark.django_db
def test_photo_form_requires_alternative_text_with_a_photo():
    form = person_form(image_upload(), photo_alt="  ")

    assert form.is_valid() is False
    assert form.errors == {
        "photo_alt": ["Skriv en alternativtext som beskriver fotot."]
    }


@pytest.mark.django_db
def test_person_form_without_photo_needs_no_alternative_text():
    form = person_form(None, photo_alt="")

    assert form.is_valid(), form.errors
