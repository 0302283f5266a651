"""The admin start page's review queue: how much the loader flagged, per kind."""

from django import template
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from conference.models import LoadedRecord, ReviewStatus

register = template.Library()


@register.inclusion_tag("admin/includes/review_queue.html", takes_context=True)
def review_queue(context):
    """Return, per model the user may view, how many records need review and where."""
    request = context["request"]
    rows = []
    for model in apps.get_models():
        if not issubclass(model, LoadedRecord) or not admin.site.is_registered(model):
            continue
        if not admin.site.get_model_admin(model).has_view_permission(request):
            continue
        count = model.objects.filter(review_status=ReviewStatus.NEEDS_REVIEW).count()
        if count:
            opts = model._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            rows.append(
                {
                    "count": count,
                    "name": opts.verbose_name
                    if count == 1
                    else opts.verbose_name_plural,
                    "url": f"{url}?review_status__exact={ReviewStatus.NEEDS_REVIEW}",
                }
            )
    return {"rows": rows}
