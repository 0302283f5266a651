"""The Jinja2 environment of the public site and the analyst pages.

The public pages are rendered with Jinja2 rather than Django's template language: Jinja2
compiles a template to Python once, and renders a page several times faster, which is
most of what an uncached page costs (docs/production.md, "Figures"). The admin keeps
Django's templates. The site has one language, so the templates hold their Swedish text
directly instead of translation tags.
"""

from functools import lru_cache

import jinja2
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.backends import jinja2 as jinja2_backend
from django.template.defaultfilters import linebreaks_filter, truncatewords
from django.test.signals import template_rendered
from django.urls import reverse
from django.utils.dateformat import format as format_date
from django.utils.http import urlencode as urlencode_query
from django.utils.translation import get_language

from conference.templatetags.figures import sv_figure, sv_number, sv_value
from sessions_app.templatetags.session_text import segments_html


def url(name: str, *args) -> str:
    """{{ url("conference:event_detail", event.slug) }}: reverse() with positional args."""
    return reverse(name, args=args)


def static(path: str) -> str:
    """{{ static("css/site.css") }}: the URL of the hashed file, as {% static %} gives."""
    return staticfiles_storage.url(path)


def date(value, format_string: str = "j F Y") -> str:
    """{{ event.date|date("j F Y") }}: Django's date formats, Swedish month names."""
    if not value:
        return ""
    return format_date(value, format_string)


def display(instance, field_name: str) -> str:
    """{{ session|display("kind") }}: the label of a choice, as get_kind_display() gives.

    Django's get_FOO_display() builds a dictionary of all the field's choices on every
    call, translating each lazy label to hash it, and a page makes many such calls. A
    field's choices are fixed in the code, so each label is looked up once per process
    and language.
    """
    field = instance._meta.get_field(field_name)
    return _choice_label(field, getattr(instance, field.attname), get_language())


@lru_cache(maxsize=1024)
def _choice_label(field, value, language: str | None) -> str:
    return str(dict(field.flatchoices).get(value, value))


def plural(count: int, singular: str, plural_form: str) -> str:
    """{{ plural(n, "programpunkt", "programpunkter") }} → "1 programpunkt", "2 programpunkter"."""
    return f"{sv_number(count)} {singular if count == 1 else plural_form}"


def environment(**options) -> jinja2.Environment:
    # A typo in a template must fail in the tests, not print an empty string.
    options["undefined"] = jinja2.StrictUndefined
    options.pop("autoescape", None)
    env = jinja2.Environment(autoescape=True, **options)
    env.globals.update(url=url, static=static, plural=plural)
    env.filters.update(
        date=date,
        display=display,
        sv_figure=sv_figure,
        sv_number=sv_number,
        sv_value=sv_value,
        segments_html=segments_html,
        truncatewords=truncatewords,
        linebreaks=linebreaks_filter,
        query=urlencode_query,
    )
    return env


class Jinja2(jinja2_backend.Jinja2):
    """Django's Jinja2 backend, with templates that announce their rendering."""

    def get_template(self, template_name):
        return Template(super().get_template(template_name).template, self)


class Template(jinja2_backend.Template):
    """Sends `template_rendered` as Django's own templates do, so the test client's
    `response.context` and `response.templates` work for Jinja2 pages too. Without a
    listener (outside tests) the signal costs a dictionary lookup."""

    @property
    def name(self) -> str:
        return self.template.name

    def render(self, context=None, request=None):
        context = {} if context is None else context
        template_rendered.send(sender=self, template=self, context=context)
        return super().render(context, request)
