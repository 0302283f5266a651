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
from urllib.parse import urlencode

from django import forms
from markupsafe import Markup, escape

from conference.analysis.key_figure_filters import KeyFigureFilterSet, measure_choices
from conference.analysis.selectors import event_choices, facet_counts
from conference.formatting import format_number
from conference.models import NATIONAL_CODE
from conference.municipality_filter import (
    GR_MEMBERS,
    MunicipalityIndex,
    municipality_index,
    spelling_key,
)

Choices = tuple[tuple[str, str], ...]
# Shown at once; the others wait behind "Fler filter" unless given.
PRIMARY = ("municipality", "measure", "year_from", "year_to", "q", "unit")


def with_count(label: str, figures: int) -> str:
    return f"{label} ({format_number(figures)})"


@dataclass(frozen=True)
class Content:
    """What the form reads of the content, once per request (kept until it changes)."""

    index: MunicipalityIndex
    counts: dict[str, dict[str, int]]  # selectors.facet_counts()

    @classmethod
    def read(cls) -> "Content":
        return cls(municipality_index(), facet_counts())


def area_choices(content: Content) -> Choices:
    """Return the areas that have public figures: (label, count) for the picker.

    The value is the label ("Kungsbacka (1384)"), which the filter accepts, so that
    a choice reads well in the box and in the address.
    """
    index = content.index
    counts = content.counts["municipality_id"]
    choices = []
    for code, label in index.choices:
        figures = counts.get(str(index.ids[code]))
        if figures:
            choices.append((label, f"{format_number(figures)} nyckeltal"))
    return tuple(choices)


def events_with_figures(content: Content) -> Choices:
    counts = content.counts["event_id"]
    return tuple(
        (slug, with_count(title, counts[str(pk)]))
        for pk, slug, title in event_choices()
        if str(pk) in counts
    )


# Choices that change with the content, read per request; the others are fixed.
CONTENT_CHOICES: dict[str, Callable[[Content], Choices]] = {
    "municipality": area_choices,
    "event": events_with_figures,
    "measure": lambda content: measure_choices(),
}
# Fixed choices that are offered only with figures, with their counts.
COUNTED_CHOICES = {"unit": "unit"}


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
class Chip:
    """A chosen area, shown with a link that removes it from the filter."""

    value: str  # as given in the query string
    label: str
    remove_query: str


@dataclass(frozen=True)
class Shortcut:
    label: str
    add_query: str


@dataclass(frozen=True)
class FilterField:
    """One filter's control on one page: the layout with the values given and errors."""

    layout: FieldLayout
    values: list[str]
    errors: list[str]
    choices_html: Markup  # the options or checkboxes, those given marked
    chips: tuple[Chip, ...] = ()  # the municipality picker's chosen areas
    shortcuts: tuple[Shortcut, ...] = ()

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
    primary: list[FilterField]
    more: list[FilterField]  # behind "Fler filter"
    hidden: list[FilterField]
    error_summary: list[tuple[str, list[str]]]  # (the filter's label, its messages)

    @property
    def visible(self) -> list[FilterField]:
        """Every filter the visitor sees, in order (the printed summary lists them)."""
        return self.primary + self.more

    @property
    def more_open(self) -> bool:
        """Whether "Fler filter" starts open: one of its filters is given or wrong."""
        return any(field.values or field.errors for field in self.more)


def kind_of(name: str, widget_type: str) -> str:
    if name == "municipality":
        return "areas"
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
        kind = kind_of(field.name, field.widget_type)
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


def counted(
    name: str, choices: Choices, values: list[str], content: Content
) -> Choices:
    """Return the choices that have figures, with their counts (and those given)."""
    counts = content.counts[COUNTED_CHOICES[name]]
    return tuple(
        (value, with_count(label, counts.get(value, 0)))
        for value, label in choices
        if value in counts or value in values
    )


def choices_html(field: FieldLayout, values: list[str], content: Content) -> Markup:
    if field.kind == "areas":
        # Datalist options: the value is what the box fills in, the label a hint.
        return Markup(  # noqa: S704  # nosec B704
            "".join(
                f'<option value="{escape(value)}" label="{escape(label)}"></option>'
                for value, label in CONTENT_CHOICES[field.name](content)
            )
        )
    if field.kind not in ("checkboxes", "select"):
        return Markup("")
    choices = (
        field.choices
        if field.choices is not None
        else CONTENT_CHOICES[field.name](content)
    )
    if field.name in COUNTED_CHOICES:
        choices = counted(field.name, choices, values, content)
    # choice_html escapes what it writes.
    return Markup(  # noqa: S704  # nosec B704
        "".join(
            choice_html(field.kind, field.name, index, value, label, value in values)
            for index, (value, label) in enumerate(choices)
        )
    )


def query_with(data, *, drop: tuple[str, str] | None = None, add=None) -> str:
    """Return the query string without ``drop`` (one name and value) and the page,
    with ``add`` (a name and value) at the end."""
    pairs = [
        (name, value)
        for name, values in data.lists()
        for value in values
        if name != "page" and value != "" and (name, value) != drop
    ]
    return urlencode([*pairs, *([add] if add else [])])


def area_chips(data, values: list[str], index: MunicipalityIndex) -> tuple[Chip, ...]:
    """Return a chip per area given: its name and a link without it."""
    labels = dict(index.choices)
    chips = []
    for value in values:
        if spelling_key(value) == GR_MEMBERS:
            label = f"GR:s {len(index.member_codes)} kommuner"
        else:
            label = labels.get(index.code_for(value) or "", value)
        name = "municipality"
        chips.append(Chip(value, label, query_with(data, drop=(name, value))))
    return tuple(chips)


def area_shortcuts(
    data, values: list[str], index: MunicipalityIndex
) -> tuple[Shortcut, ...]:
    """Return links that add GR's members or Riket, unless already chosen."""
    given = {spelling_key(value) for value in values}
    given_codes = {index.code_for(value) for value in values}
    shortcuts = []
    if GR_MEMBERS not in given:
        label = f"GR:s {len(index.member_codes)} kommuner"
        shortcuts.append(
            Shortcut(label, query_with(data, add=("municipality", GR_MEMBERS)))
        )
    if NATIONAL_CODE not in given_codes:
        shortcuts.append(
            Shortcut("Riket", query_with(data, add=("municipality", NATIONAL_CODE)))
        )
    return tuple(shortcuts)


def filter_form(data, errors: dict) -> FilterForm:
    """Return the form for a query string and the errors its FilterSet found."""
    primary, more, hidden, summary = [], [], [], []
    content = Content.read()
    for field in layout():
        values = [value for value in given_values(field, data) if value != ""]
        messages = [str(message) for message in errors.get(field.name, [])]
        extras = {}
        if field.kind == "areas":
            extras = {
                "chips": area_chips(data, values, content.index),
                "shortcuts": area_shortcuts(data, values, content.index),
            }
        control = FilterField(
            field, values, messages, choices_html(field, values, content), **extras
        )
        if field.kind == "hidden":
            hidden.append(control)
        else:
            (primary if field.name in PRIMARY else more).append(control)
    labels = {field.name: field.label for field in layout()}
    for name, messages in errors.items():
        summary.append(
            (labels.get(name, "Filtret"), [str(message) for message in messages])
        )
    return FilterForm(primary, more, hidden, summary)
