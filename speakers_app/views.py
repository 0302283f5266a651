"""Public pages about people."""

from django.shortcuts import get_object_or_404, render

from speakers_app.models import Person


def person_list(request):
    people = Person.objects.order_by("name")
    return render(request, "speakers_app/person_list.html", {"people": people})


def person_detail(request, slug):
    person = get_object_or_404(Person, slug=slug)
    return render(request, "speakers_app/person_detail.html", {"person": person})
