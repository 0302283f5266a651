"""Public pages of the conference app."""

from django.shortcuts import get_object_or_404, render

from conference.models import Event, Municipality


def home(request):
    events = Event.objects.filter(is_published=True).order_by("-date")
    return render(request, "conference/home.html", {"events": events})


def event_detail(request, slug):
    event = get_object_or_404(Event, slug=slug, is_published=True)
    return render(request, "conference/event_detail.html", {"event": event})


def municipality_list(request):
    municipalities = Municipality.objects.order_by("-gr_member", "name")
    return render(
        request,
        "conference/municipality_list.html",
        {"municipalities": municipalities},
    )


def municipality_detail(request, slug):
    municipality = get_object_or_404(Municipality, slug=slug)
    return render(
        request,
        "conference/municipality_detail.html",
        {"municipality": municipality},
    )
