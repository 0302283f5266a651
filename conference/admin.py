"""Admin for events, municipalities and key figures, and the admin site's titles."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from conference.admin_base import (
    HistoryAdmin,
    LoadedRecordAdmin,
    PublishableAdmin,
    TabularInline,
)
from conference.formatting import format_figure
from conference.models import Event, EventPerson, KeyFigure, Municipality
from sessions_app.models import Session

admin.site.site_header = _("Göteborgsregionen – konferensdokumentation")
admin.site.site_title = _("Göteborgsregionen")
admin.site.index_title = _("Redigera dokumentationen")

RELATED_ONLY = admin.RelatedOnlyFieldListFilter


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    """Reference data from SCB: searchable for autocompletes, read by staff."""

    list_display = ["name", "code", "level", "county_name", "gr_member"]
    list_filter = ["gr_member", "level", "county_name"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"slug": ["name"]}

    def has_delete_permission(self, request, obj=None):
        # Key figures and quotes refer to municipalities; the list comes from SCB.
        return False


class SessionInline(TabularInline):
    model = Session
    fk_name = "event"
    fields = ["order", "title", "slug", "kind", "documented", "is_published"]
    readonly_fields = ["is_published"]
    prepopulated_fields = {"slug": ["title"]}
    show_change_link = True


class EventPersonInline(TabularInline):
    model = EventPerson
    fk_name = "event"
    fields = ["person", "role", "order"]
    autocomplete_fields = ["person"]
    select_related = ("person",)


@admin.register(Event)
class EventAdmin(PublishableAdmin):
    list_display = [
        "title",
        "date",
        "venue",
        "session_count",
        "is_published",
        "review_status",
        "review_reasons",
    ]
    list_display_links = ["title"]
    list_filter = ["is_published", "review_status", "date"]
    search_fields = ["title", "description", "venue", "source_name"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title"]}
    inlines = [EventPersonInline, SessionInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "date", "organizer"]}),
        (
            _("Plats"),
            {
                "fields": [
                    "attendance_mode",
                    "venue",
                    "venue_address",
                    "venue_locality",
                    "online_url",
                ]
            },
        ),
        (None, {"fields": ["description"]}),
        (_("Publicering"), {"fields": ["is_published", "published_at"]}),
        (
            _("Källa"),
            {"fields": ["source_name", "source_checksum", "source_loaded_at"]},
        ),
        PublishableAdmin.review_fieldset,
    ]
    readonly_fields = ["source_name", "source_checksum", "source_loaded_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(session_total=Count("sessions"))

    @admin.display(description=_("programpunkter"), ordering="session_total")
    def session_count(self, obj) -> int:
        return obj.session_total


@admin.register(EventPerson)
class EventPersonAdmin(HistoryAdmin):
    list_display = ["person", "role", "event", "order"]
    list_filter = ["role", ("event", RELATED_ONLY)]
    search_fields = ["person__name", "event__title"]
    autocomplete_fields = ["event", "person"]
    list_select_related = ["person", "event"]


@admin.register(KeyFigure)
class KeyFigureAdmin(LoadedRecordAdmin):
    list_display = [
        "label",
        "figure",
        "period",
        "municipality",
        "session",
        "review_status",
        "review_reasons",
    ]
    list_filter = [
        "review_status",
        ("event", RELATED_ONLY),
        ("municipality", RELATED_ONLY),
        "scope",
        "unit",
        "year",
    ]
    search_fields = ["label", "source_text", "municipality__name", "session__title"]
    autocomplete_fields = ["event", "session", "municipality"]
    list_select_related = ["municipality", "session"]
    fieldsets = [
        (None, {"fields": ["event", "session", "label"]}),
        (
            _("Värde"),
            {"fields": ["qualifier", "value", "unit", "period", "year", "order"]},
        ),
        (_("Område"), {"fields": ["scope", "municipality"]}),
        (_("Ursprung"), {"fields": ["source_text"]}),
        LoadedRecordAdmin.review_fieldset,
    ]
    readonly_fields = ["source_text"]

    @admin.display(description=_("värde"), ordering="value")
    def figure(self, obj) -> str:
        return format_figure(obj)
