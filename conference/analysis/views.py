"""Analyst pages: the key-figure explorer, one figure with its comparison, exports."""

from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from conference.analysis import selectors
from conference.analysis.charts import comparison_charts
from conference.analysis.counts import CountCachingPaginator
from conference.analysis.exports import FORMATS, export_response
from conference.analysis.filters import KeyFigureFilterSet

PAGE_SIZE = 50
SORTABLE_COLUMNS = [
    ("label", _("Vad som mäts")),
    ("value", _("Värde")),
    ("year", _("Period")),
    ("municipality", _("Område")),
    ("unit", _("Enhet")),
    ("event", _("Evenemang")),
]
EXPORT_LABELS = {
    "csv": _("CSV (för skript)"),
    "excel-csv": _("CSV för Excel"),
    "xlsx": _("Excel (XLSX)"),
    "json": _("JSON"),
}


def query_without(request, *names) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def sort_links(request, current: list[str]) -> list[dict]:
    """Return a link per sortable column that sorts by it, or reverses the sort."""
    links = []
    base = request.GET.copy()
    base.pop("page", None)
    for key, heading in SORTABLE_COLUMNS:
        state = None
        if current and current[0] == key:
            state = "ascending"
        elif current and current[0] == f"-{key}":
            state = "descending"
        query = base.copy()
        query["ordering"] = f"-{key}" if state == "ascending" else key
        links.append(
            {"heading": heading, "query": query.urlencode(), "aria_sort": state}
        )
    return links


def key_figure_list(request):
    filterset = KeyFigureFilterSet(
        request.GET, queryset=selectors.key_figures_for_listing(), request=request
    )
    valid = filterset.is_valid()
    queryset = filterset.qs if valid else filterset.queryset.none()
    page = CountCachingPaginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    charts = []
    if valid and filterset.form.cleaned_data.get("label"):
        charts = comparison_charts(selectors.figures_for_charts(filterset.qs))
    export_query = query_without(request, "page")
    exports = [
        {
            "label": EXPORT_LABELS[export_format],
            "url": reverse("analysis:key_figure_export", args=[export_format])
            + (f"?{export_query}" if export_query else ""),
        }
        for export_format in FORMATS
    ]
    ordering = filterset.form.cleaned_data.get("ordering") if valid else None
    chosen_sessions = (
        list(filterset.form.cleaned_data.get("session") or []) if valid else []
    )
    context = {
        "filter": filterset,
        "valid": valid,
        "page": page,
        "charts": charts,
        "chosen_sessions": chosen_sessions,
        "without_session_query": query_without(request, "session", "page"),
        "exports": exports,
        "sort_links": sort_links(request, ordering or []),
        "page_query": query_without(request, "page"),
        "api_url": reverse("api:key-figure-list")
        + (f"?{export_query}" if export_query else ""),
    }
    return render(request, "analysis/key_figure_list.html", context)


def key_figure_detail(request, pk):
    figure = selectors.key_figure_detail(pk)
    if figure is None:
        raise Http404
    comparable = selectors.comparable_figures(figure)
    charts = comparison_charts(comparable, focus=figure) if len(comparable) > 1 else []
    context = {"figure": figure, "charts": charts}
    return render(request, "analysis/key_figure_detail.html", context)


def key_figure_export(request, export_format):
    if export_format not in FORMATS:
        raise Http404
    filterset = KeyFigureFilterSet(
        request.GET, queryset=selectors.key_figures_for_listing(), request=request
    )
    if not filterset.is_valid():
        lines = [
            f"{name}: {' '.join(str(message) for message in messages)}"
            for name, messages in filterset.errors.items()
        ]
        return HttpResponseBadRequest(
            "Ogiltig parameter.\n" + "\n".join(lines) + "\n",
            content_type="text/plain; charset=utf-8",
        )
    base_url = request.build_absolute_uri("/").rstrip("/")
    return export_response(export_format, filterset.qs, base_url=base_url)
