"""Analyst pages: the key-figure explorer, one figure with its comparison, exports."""

from dataclasses import dataclass
from functools import cache
from urllib.parse import urlencode

from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from conference.analysis import selectors
from conference.analysis.charts import comparison_charts
from conference.analysis.comparison import PARAMETERS as COMPARISON_PARAMETERS
from conference.analysis.comparison import (
    ComparisonForm,
    ComparisonTable,
    comparison_table,
    csv_text,
    xlsx_file,
)
from conference.analysis.comparison import file_name as comparison_file_name
from conference.analysis.counts import CountCachingPaginator, ListAnswers, filter_key
from conference.analysis.exports import (
    EXCEL_CSV,
    FORMATS,
    SCRIPT_CSV,
    export_name,
    export_response,
    site_detail_urls,
)
from conference.analysis.filter_form import filter_form
from conference.analysis.key_figure_filters import (
    KeyFigureFilterSet,
    key_figure_filterset,
)
from conference.formatting import format_figure
from conference.http import query_without
from conference.models import NATIONAL_CODE, KeyFigure, year_unfinished
from conference.municipality_filter import municipality_choices
from conference.page_cache import page_parameters
from conference.templating import url

PAGE_SIZE = 50
# Plain strings: the site has one language (conference/templating.py).
SORTABLE_COLUMNS = [
    ("label", "Vad som mäts"),
    ("value", "Värde"),
    ("year", "Period"),
    ("municipality", "Område"),
    ("unit", "Enhet"),
    ("event", "Evenemang"),
]
EXPORT_LABELS = {
    "csv": "CSV (för skript)",
    "excel-csv": "CSV för Excel",
    "xlsx": "Excel (XLSX)",
    "json": "JSON",
}


def query_string(params: dict[str, list[str]]) -> str:
    """Return parameters as a query string, as QueryDict.urlencode() writes them."""
    return urlencode(
        [(name, value) for name, values in params.items() for value in values]
    )


def sort_links(request, current: list[str]) -> list[dict]:
    """Return a link per sortable column that sorts by it, or reverses the sort."""
    links = []
    base = {name: values for name, values in request.GET.lists() if name != "page"}
    for key, heading in SORTABLE_COLUMNS:
        state = None
        if current and current[0] == key:
            state = "ascending"
        elif current and current[0] == f"-{key}":
            state = "descending"
        ordering = f"-{key}" if state == "ascending" else key
        query = query_string({**base, "ordering": [ordering]})
        links.append({"heading": heading, "query": query, "aria_sort": state})
    return links


def export_links(query: str) -> list[dict]:
    """Return a link per export format, carrying the filter."""
    suffix = f"?{query}" if query else ""
    return [
        {
            "label": EXPORT_LABELS[export_format],
            "url": reverse(
                "analysis:key_figure_export", kwargs={"export_format": export_format}
            )
            + suffix,
        }
        for export_format in FORMATS
    ]


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row of the explorer's table, as the text of its cells."""

    url: str
    label: str
    figure: str
    period: str
    year_unfinished: bool
    area: str
    unit: str
    event: str


def table_rows(rows) -> list[TableRow]:
    """Return rows of selectors.key_figure_table_rows() as the table shows them."""
    url_for = site_detail_urls()
    units = choice_names(KeyFigure.Unit)
    return [
        TableRow(
            url=url_for(row.id),
            label=row.label,
            figure=format_figure(row),
            period=str(row.period or row.year or "–"),
            year_unfinished=year_unfinished(row.year, row.event__date),
            area=area_text(row),
            unit=units.get(row.unit, row.unit),
            event=row.event__title,
        )
        for row in rows
    ]


def area_text(row) -> str:
    """Return "Kungsbacka (1384)", "Riket" or, without a municipality, the scope."""
    name, code = row.municipality__name, row.municipality__code
    if name is None:
        return choice_names(KeyFigure.Scope).get(row.scope, row.scope)
    return name if code == NATIONAL_CODE else f"{name} ({code})"


@cache
def choice_names(choices) -> dict[str, str]:
    # Plain strings, translated once: the site has one language.
    return {value: str(label) for value, label in choices.choices}


def explorer_charts(filtered, answers: ListAnswers) -> str:
    """Return the comparison charts of the filtered figures as HTML (cached, counts.py).

    Kept drawn: writing out a chart's few hundred SVG numbers cost more than the rest
    of the page, and HTML, unlike pickled chart objects, reads back under any version
    of the code.
    """

    def draw() -> str:
        charts = comparison_charts(selectors.figures_for_charts(query))
        return render_to_string("analysis/charts.html", {"charts": charts})

    query = selectors.chart_query(filtered)
    # The chart template escapes what it writes.
    return mark_safe(answers.get("charts-html", draw))  # noqa: S308


@page_parameters(KeyFigureFilterSet, "page")
@require_safe
def key_figure_list(request):
    filterset = key_figure_filterset(
        request.GET, queryset=selectors.key_figure_table_rows(), request=request
    )
    valid = filterset.is_valid()
    cleaned = filterset.form.cleaned_data if valid else {}
    queryset = filterset.qs if valid else filterset.queryset.none()
    key = f"explorer?{filter_key(KeyFigureFilterSet, request.GET)}" if valid else None
    answers = ListAnswers(queryset, key=key)
    paginator = CountCachingPaginator(queryset, PAGE_SIZE, answers=answers)
    page = paginator.get_page(request.GET.get("page"))
    one_measure = len(cleaned.get("measure") or []) == 1
    charts_html = (
        explorer_charts(queryset, answers)
        if cleaned.get("label") or one_measure
        else ""
    )
    page_query = query_without(request, "page")
    context = {
        "form": filter_form(request.GET, filterset.errors),
        "valid": valid,
        "page": page,
        "rows": table_rows(page.object_list),
        "charts_html": charts_html,
        "chosen_sessions": list(cleaned.get("session") or []),
        "without_session_query": query_without(request, "session", "page"),
        "exports": export_links(page_query),
        "api_url": url("api:key-figure-list")
        + (f"?{page_query}" if page_query else ""),
        "sort_links": sort_links(request, cleaned.get("ordering") or []),
        "page_query": page_query,
    }
    return render(request, "analysis/key_figure_list.html", context)


@require_safe
def key_figure_detail(request, pk):
    figure = selectors.key_figure_detail(pk)
    if figure is None:
        raise Http404
    comparable = selectors.comparable_figures(figure)
    charts = comparison_charts(comparable, focus=figure) if len(comparable) > 1 else []
    context = {"figure": figure, "charts": charts}
    return render(request, "analysis/key_figure_detail.html", context)


@require_safe
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
    name = export_name(request.GET, filterset.form.cleaned_data)
    return export_response(export_format, filterset.qs, base_url=base_url, name=name)


COMPARISON_FORMATS = {
    "excel-csv": "CSV för Excel",
    "csv": "CSV (för skript)",
    "xlsx": "Excel (XLSX)",
}


def compared(data) -> tuple[ComparisonForm, ComparisonTable | None]:
    """Return the comparison form of a query string and its table (None if invalid
    or not asked for)."""
    form = ComparisonForm(data or None)
    if not form.is_valid():
        return form, None
    areas = form.cleaned_data["municipality"]
    rows = selectors.comparison_rows(
        form.cleaned_data["measure"], areas.ids if areas else None
    )
    table = comparison_table(
        rows,
        change_from=form.cleaned_data["change_from"],
        change_to=form.cleaned_data["change_to"],
        complete=len(rows) < selectors.COMPARISON_ROW_LIMIT,
    )
    return form, table


@page_parameters(*COMPARISON_PARAMETERS)
@require_safe
def comparison(request):
    form, table = compared(request.GET)
    query = request.GET.urlencode()
    context = {
        "form": form,
        "table": table,
        "measure_choices": form.measure_choices,
        "area_choices": [
            (str(value), str(label)) for value, label in municipality_choices()
        ],
        "chosen": {name: request.GET.getlist(name) for name in COMPARISON_PARAMETERS},
        "exports": [
            {
                "label": label,
                "url": url("analysis:comparison_export", export_format) + f"?{query}",
            }
            for export_format, label in COMPARISON_FORMATS.items()
        ],
    }
    return render(request, "analysis/comparison.html", context)


@require_safe
def comparison_export(request, export_format):
    if export_format not in COMPARISON_FORMATS:
        raise Http404
    form, table = compared(request.GET)
    if table is None:
        lines = [
            f"{name}: {' '.join(str(message) for message in messages)}"
            for name, messages in form.errors.items()
        ] or ["measure: Välj minst ett mått."]
        return HttpResponseBadRequest(
            "Ogiltig parameter.\n" + "\n".join(lines) + "\n",
            content_type="text/plain; charset=utf-8",
        )
    if export_format == "xlsx":
        return FileResponse(
            xlsx_file(table),
            as_attachment=True,
            filename=comparison_file_name("xlsx"),
            content_type=(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            ),
        )
    flavour = EXCEL_CSV if export_format == "excel-csv" else SCRIPT_CSV
    response = HttpResponse(
        csv_text(table, flavour).encode("utf-8"),
        content_type="text/csv; charset=utf-8",
    )
    name = comparison_file_name("csv")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
