"""Helpers for admin tests: the seed document, and forms submitted as a browser would."""

from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

SEED = (
    Path(settings.BASE_DIR) / "conference/data/seed/motesplats-arbetsmarknad-2024.txt"
)


def load_seed() -> None:
    """Load and publish the seed document with the loader's own command."""
    call_command("load_conference", str(SEED), "--publish", stdout=StringIO())


def form_data(form, **changes) -> dict:
    """Return what a browser submits for the unbound ``form``, with ``changes``."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        if value is True:
            value = "on"
        data[form.add_prefix(name)] = value
    data.update({form.add_prefix(name): value for name, value in changes.items()})
    return data


def change_form_data(response, **changes) -> dict:
    """Return the POST of an admin change page as shown, main form changed by ``changes``."""
    data = form_data(response.context["adminform"].form, **changes)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(form_data(formset.management_form))
        for form in formset.initial_forms:
            data.update(form_data(form))
    return data
