"""The admin's forms for loading a document: where it is, and what it lacks."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from conference.formatting import format_number

from .read import MAX_URL_LENGTH

# Pasted text travels in the form itself (Django accepts 2,5 MB of form fields, and a
# Swedish letter takes two bytes); longer documents are uploaded as a file.
MAX_PASTED_CHARACTERS = 500_000
SOURCE_FIELDS = ("document", "text", "url")


class DocumentForm(forms.Form):
    """One document: a file, pasted text or a web address (exactly one of them)."""

    document = forms.FileField(
        label=_("Fil"),
        required=False,
        max_length=255,
        allow_empty_file=True,  # the loader says "Filen är tom" itself
        help_text=_("En textfil (.txt) eller en sparad webbsida (.html), högst 5 MB."),
    )
    text = forms.CharField(
        label=_("eller klistra in texten"),
        required=False,
        max_length=MAX_PASTED_CHARACTERS,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "max_length": _(
                "Texten är för lång: högst %(limit)s tecken. Spara den som en fil "
                "och ladda upp den i stället."
            )
            % {"limit": format_number(MAX_PASTED_CHARACTERS)}
        },
    )
    url = forms.CharField(
        label=_("eller ange en webbadress"),
        required=False,
        max_length=MAX_URL_LENGTH,
        error_messages={
            "max_length": _("Webbadressen får vara högst %(limit)s tecken.")
            % {"limit": MAX_URL_LENGTH}
        },
        help_text=_("Börjar med http:// eller https://."),
    )

    def clean(self):
        cleaned = super().clean()
        given = [name for name in SOURCE_FIELDS if cleaned.get(name)]
        if len(given) != 1 and not self.errors:
            raise ValidationError(
                _("Välj ett sätt: en fil, inklistrad text eller en webbadress.")
            )
        return cleaned

    @property
    def source_field(self) -> str:
        """Return the name of the field the document came from (after validation)."""
        return next(name for name in SOURCE_FIELDS if self.cleaned_data.get(name))


class GivenForm(forms.Form):
    """What staff give when the document lacks it; only those fields are shown."""

    title = forms.CharField(
        label=_("Evenemangets titel"), max_length=200, required=False
    )
    event_date = forms.DateField(
        label=_("Evenemangets datum"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("ÅÅÅÅ-MM-DD"),
    )
    organizer = forms.CharField(label=_("Arrangör"), max_length=200, required=False)

    def __init__(self, *args, shown: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        for name in list(self.fields):
            if name not in shown:
                del self.fields[name]

    def given(self) -> dict:
        """Return the values for the loader: an empty value for every field not shown."""
        return {
            "title": self.cleaned_data.get("title", "").strip(),
            "event_date": self.cleaned_data.get("event_date"),
            "organizer": self.cleaned_data.get("organizer", "").strip(),
        }
