"""The explorer's filter form as plain data for templates/jinja2/analysis/filter_form.html.

A bound Django form of the 13 filters cost about a quarter of an explorer page: its
class and fields built and deep-copied per request, lazy labels translated a hundred
times, a query for the events and 292 area options looped over in the template. Here
the layout (labels, help texts, widgets, fixed choices) is read once per process from
KeyFigureFilterSet's own form, so it cannot drift from the filters that validate the
same parameters, and the choices that content changes (areas, events) are read per
request (kept until the content changes, conference/content_version.py). Validation
stays with the FilterSet: this module only shows the values given and its errors.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django import forms
from markupsafe import Markup, escape

from conference.analysis.key_figure_filters import KeyFigureFilterSet, measure_choices
from conference.analysis.selectors import event_choices
from conference.municipality_filter import municipality_choices

Choices = tuple[tuple[str, str], ...]


def area_choices() -> Choices:
    # Labels may be lazy ("GR:s medlemskommuner"): choice_html makes them text.
    return tuple(municipality_choices())


# Choices that change with the content, read per request; the others are fixed.
CONTENT_CHOICES: dict[str, Callable[[], Choices]] = {
    "municipality": area_choices,
    "event": event_choices,
    "measure": measure_choices,
}


@dataclass(frozen=True)
class FieldLayout:
    """What does not change between requests: one filter's control."""

    name: str
    label: str
    help_text: str
    kind: str  # "checkboxes", "select", "number", "text" or "hidden"
    multiple: bool
    attrs: dict  # further attributes of the control (size, min, max, maxlength)
    widget: forms.Widget  # reads the field's value from a query string, as Django does
    choices: Choices | None  # None: read per request (CONTENT_CHOICES)


@dataclass(frozen=True)
class FilterField:
    """One filter's control on one page: the layout with the values given and errors."""

    layout: FieldLayout
    values: list[str]
    errors: list[str]
    choices_html: Markup  # the options or checkboxes, those given marked

    @property
    def id(self) -> str:
        return f"id_{self.layout.name}"

    @property
    def described_by(self) -> str:
        """Return the ids of the help text and errors, for aria-describedby."""
        ids = [f"{self.id}_helptext"] if self.layout.help_text else []
        if self.errors:
            ids.append(f"{self.id}_error")
        return " ".join(ids)


@dataclass(frozen=True)
class FilterForm:
    visible: list[FilterField]
    hidden: list[FilterField]
    error_summary: list[tuple[str, list[str]]]  # (the filter's label, its messages)


def kind_of(widget_type: str) -> str:
    if widget_type == "checkboxselectmultiple":
        return "checkboxes"
    if widget_type in ("fastselectmultiple", "selectmultiple", "select", "csvselect"):
        return "select"
    if widget_type == "multiplehidden":
        return "hidden"
    return "number" if widget_type == "number" else "text"


@cache
def layout() -> tuple[FieldLayout, ...]:
    """Return the controls of KeyFigureFilterSet's form, in its order."""
    fields = []
    for field in KeyFigureFilterSet().form:
        kind = kind_of(field.widget_type)
        fixed = kind in ("checkboxes", "select") and field.name not in CONTENT_CHOICES
        fields.append(
            FieldLayout(
                name=field.name,
                label=str(field.label),
                help_text=str(field.help_text or ""),
                kind=kind,
                multiple=field.widget_type.endswith("multiple"),
                attrs=dict(field.field.widget.attrs),
                widget=field.field.widget,
                choices=tuple(
                    (str(value), str(label)) for value, label in field.field.choices
                )
                if fixed
                else None,
            )
        )
    return tuple(fields)


def given_values(field: FieldLayout, data) -> list[str]:
    """Return the values of a field in a query string, as its bound field shows them."""
    value = field.widget.value_from_datadict(data, {}, field.name)
    if value is None:
        return []
    if isinstance(value, str | int):
        return [str(value)]
    return [str(item) for item in value]


def choice_html(
    kind: str, name: str, index: int, value: str, label, chosen: bool
) -> str:
    """Return one checkbox or option, escaped."""
    value_html, label_html = escape(value), escape(str(label))
    if kind == "checkboxes":
        box_id = f"id_{name}_{index}"
        mark = " checked" if chosen else ""
        return (
            f'<div><label for="{box_id}"><input type="checkbox" name="{name}" '
            f'value="{value_html}" id="{box_id}"{mark}> {label_html}</label></div>'
        )
    mark = " selected" if chosen else ""
    return f'<option value="{value_html}"{mark}>{label_html}</option>'


def choices_html(field: FieldLayout, values: list[str]) -> Markup:
    if field.kind not in ("checkboxes", "select"):
        return Markup("")
    choices = (
        field.choices if field.choices is not None else CONTENT_CHOICES[field.name]()
    )
    # choice_html escapes what it writes.
    return Markup(  # noqa: S704  # nosec B704
        "".join(
            choice_html(field.kind, field.name, index, value, label, value in values)
            for index, (value, label) in enumerate(choices)
        )
    )


def filter_form(data, errors: dict) -> FilterForm:
    """Return the form for a query string and the errors its FilterSet found."""
    visible, hidden, summary = [], [], []
    for field in layout():
        values = given_values(field, data)
        messages = [str(message) for message in errors.get(field.name, [])]
        control = FilterField(field, values, messages, choices_html(field, values))
        (hidden if field.kind == "hidden" else visible).append(control)
    labels = {field.name: field.label for field in layout()}
    for name, messages in errors.items():
        summary.append(
            (labels.get(name, "Filtret"), [str(message) for message in messages])
        )
    return FilterForm(visible, hidden, summary)
