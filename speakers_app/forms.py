"""The person form of the admin: photo upload checked, cleaned and resized."""

import io
import uuid

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from conference.admin_base import PreloadedRelationsForm
from speakers_app.models import Person

MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_PHOTO_PIXELS = 40_000_000
WEB_SIZE = (800, 800)

# Pillow format name -> (file extension, content type, save options)
ACCEPTED_FORMATS = {
    "JPEG": ("jpg", "image/jpeg", {"quality": 85, "optimize": True}),
    "PNG": ("png", "image/png", {"optimize": True}),
    "WEBP": ("webp", "image/webp", {"quality": 85}),
}


def web_photo(upload: UploadedFile) -> SimpleUploadedFile:
    """Return ``upload`` re-encoded for the web: at most 800 px, no metadata.

    Re-encoding from the decoded pixels drops EXIF (camera, GPS position) and
    anything appended to the file, and the random name hides the original one.
    """
    upload.seek(0)
    with Image.open(upload) as image:
        image_format = image.format
        image = ImageOps.exif_transpose(image)
        if image_format == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.thumbnail(WEB_SIZE)
        extension, content_type, options = ACCEPTED_FORMATS[image_format]
        output = io.BytesIO()
        image.save(output, format=image_format, **options)
    return SimpleUploadedFile(
        f"{uuid.uuid4().hex}.{extension}", output.getvalue(), content_type
    )


class PersonAdminForm(PreloadedRelationsForm):
    class Meta:
        model = Person
        fields = "__all__"

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if not isinstance(photo, UploadedFile):
            return photo  # unchanged, or cleared
        if photo.size > MAX_PHOTO_BYTES:
            raise forms.ValidationError(
                _("Fotot är för stort (högst 5 MB). Förminska det och försök igen."),
                code="photo_too_large",
            )
        image = getattr(photo, "image", None)
        if image is None or image.format not in ACCEPTED_FORMATS:
            raise forms.ValidationError(
                _("Fotot måste vara en JPEG-, PNG- eller WebP-bild."),
                code="photo_format",
            )
        width, height = image.size
        if width * height > MAX_PHOTO_PIXELS:
            raise forms.ValidationError(
                _("Fotot har för många bildpunkter (högst 40 megapixel)."),
                code="photo_too_many_pixels",
            )
        try:
            return web_photo(photo)
        except (OSError, ValueError, Image.DecompressionBombError) as error:
            raise forms.ValidationError(
                _("Fotot gick inte att läsa. Spara det på nytt och försök igen."),
                code="photo_unreadable",
            ) from error

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("photo") and not cleaned_data.get("photo_alt", "").strip():
            self.add_error(
                "photo_alt",
                forms.ValidationError(
                    _("Skriv en alternativtext som beskriver fotot."),
                    code="photo_alt_required",
                ),
            )
        return cleaned_data
