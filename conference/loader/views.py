"""The admin's "Läs in dokumentation" pages: give a document, preview, load.

Reached through the URL configuration (``urls``) inside the admin's login; the work is
done by ``document_loads``. Whatever the loader refuses is shown on the form in the
loader's own Swedish words, and nothing is written.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from conference.formatting import format_number
from conference.models import DocumentLoad
from conference.permissions import can_load_documentation

from . import document_loads
from .forms import DocumentForm, GivenForm
from .importer import LoadError
from .read import SourceError
from .report import NOUNS

READERS = {
    "document": document_loads.read_upload,
    "text": document_loads.read_pasted,
    "url": document_loads.read_address,
}
KINDS = {
    "document": DocumentLoad.Kind.FILE,
    "text": DocumentLoad.Kind.TEXT,
    "url": DocumentLoad.Kind.URL,
}


def start(request):
    """Ask for the document; a readable one is dry-run and its preview shown."""
    _check_permission(request)
    posted = request.method == "POST"
    form = DocumentForm(
        request.POST if posted else None, request.FILES if posted else None
    )
    if posted and form.is_valid():
        field = form.source_field
        try:
            source = READERS[field](form.cleaned_data[field])
            record = document_loads.preview(
                kind=KINDS[field], source=source, user=request.user
            )
        except (SourceError, LoadError) as error:
            form.add_error(field, str(error))
        else:
            return redirect("document_loads:preview", pk=record.pk)
    return render(
        request,
        "admin/conference/documentload/start.html",
        _context(request, title="Läs in dokumentation", form=form),
    )


def preview(request, pk: int):
    """Show what loading would do; load it, or preview again with what staff gave."""
    _check_permission(request)
    record = get_object_or_404(DocumentLoad, pk=pk)
    if record.status != DocumentLoad.Status.PREVIEWED:
        return redirect(_record_url(record))
    shown = _shown_fields(record)
    posted = request.method == "POST"
    form = GivenForm(
        request.POST if posted else None,
        shown=shown,
        initial={name: getattr(record, name) for name in shown},
    )
    if posted and form.is_valid():
        try:
            if "load" in request.POST:
                document_loads.load(record, user=request.user, **form.given())
                messages.success(request, f"{record.source_name} lästes in.")
                return redirect(_record_url(record))
            document_loads.update_preview(record, **form.given())
            return redirect("document_loads:preview", pk=record.pk)
        except SourceError as error:
            form.add_error(None, str(error))
        except LoadError as error:
            messages.error(request, str(error))
            return redirect(_record_url(record))
    return render(
        request,
        "admin/conference/documentload/preview.html",
        _context(
            request,
            title=f"Förhandsgranskning: {record.source_name}",
            record=record,
            form=form,
            rows=report_rows(record.report),
        ),
    )


@require_POST
def load_again(request, pk: int):
    """Preview the same copy once more, to load it again (after the loader improved)."""
    _check_permission(request)
    record = get_object_or_404(DocumentLoad, pk=pk)
    try:
        again = document_loads.load_again(record, user=request.user)
    except (SourceError, LoadError) as error:
        messages.error(request, str(error))
        return redirect(_record_url(record))
    return redirect("document_loads:preview", pk=again.pk)


def report_rows(report: dict) -> list[tuple[str, list[str]]]:
    """Return one row per kind of record: its name and a count per outcome."""
    counts = report.get("counts", {})
    rows = []
    for kind, noun in NOUNS.items():
        numbers = [
            counts.get(outcome, {}).get(kind, 0) for outcome in document_loads.OUTCOMES
        ]
        if any(numbers):
            rows.append((noun, [format_number(n) for n in numbers]))
    return rows


def _shown_fields(record: DocumentLoad) -> list[str]:
    """Return the fields the document lacks, and those staff have already filled in."""
    missing = record.report.get("missing", [])
    return [
        name
        for name in document_loads.GIVEN_FIELDS
        if name in missing or getattr(record, name)
    ]


def _check_permission(request) -> None:
    if not can_load_documentation(request.user):
        raise PermissionDenied


def _record_url(record: DocumentLoad) -> str:
    return reverse("admin:conference_documentload_change", args=[record.pk])


def _context(request, **values) -> dict:
    return {
        **admin.site.each_context(request),
        "opts": DocumentLoad._meta,
        **values,
    }
