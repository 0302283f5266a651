"""Template tags for the session page's text."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def segments_html(segments) -> SafeString:
    """{{ rendered.segments|segments_html }}: the text, key-figure sentences marked.

    A filter rather than an include: a session page has a hundred or so segment lists,
    and an include per list was a large part of the page's render time.
    """
    parts = []
    for segment in segments:
        text = conditional_escape(segment.text)
        if segment.figures:
            anchor = conditional_escape(segment.anchor)
            # One sentence may give several figures: each one's link lands here.
            others = "".join(
                f'<span id="kalla-{figure.pk}"></span>'
                for figure in segment.figures[1:]
            )
            # A span, not <mark>: the sentence is highlighted only as the target
            # of a figure's link (static/css/site.css), never while reading.
            parts.append(
                f'<span class="source-sentence" id="{anchor}">{others}{text}</span>'
            )
        else:
            parts.append(text)
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above
