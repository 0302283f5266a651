"""Public session pages."""

from django.shortcuts import get_object_or_404, render

from sessions_app.models import Session


def session_detail(request, event_slug, slug):
    session = get_object_or_404(
        Session.objects.select_related("event"),
        event__slug=event_slug,
        slug=slug,
        is_published=True,
        event__is_published=True,
    )
    return render(request, "sessions_app/session_detail.html", {"session": session})
