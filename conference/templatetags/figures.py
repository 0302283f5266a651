"""Template filters for Swedish number formatting: {% load figures %}."""

from django import template

from conference.formatting import format_figure, format_number, format_value_with_unit

register = template.Library()


@register.filter
def sv_number(value):
    """{{ 197760|sv_number }} → "197 760"."""
    if value is None or value == "":
        return ""
    return format_number(value)


@register.filter
def sv_value(value, unit):
    """{{ figure.value|sv_value:figure.unit }} → "1,4 dagar"."""
    return format_value_with_unit(value, unit)


@register.filter
def sv_figure(figure):
    """{{ figure|sv_figure }} → "knappt 39 mnkr"."""
    return format_figure(figure)
