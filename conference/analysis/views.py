"""Analyst pages: key figures."""

from django.shortcuts import get_object_or_404, render

from conference.models import KeyFigure


def key_figure_list(request):
    figures = KeyFigure.objects.filter(event__is_published=True).select_related(
        "municipality"
    )
    return render(request, "analysis/key_figure_list.html", {"figures": figures})


def key_figure_detail(request, pk):
    figure = get_object_or_404(KeyFigure, pk=pk, event__is_published=True)
    return render(request, "analysis/key_figure_detail.html", {"figure": figure})
