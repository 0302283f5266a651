"""Admin for events, municipalities, key figures and document loads; the site's titles."""

from django.contrib import admin, messages
from django.db.models import Count
from django.shortcuts import redirect
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from conference.admin_base import (
    HistoryAdmin,
    LoadedRecordAdmin,
    PublishableAdmin,
    TabularInline,
)
from conference.formatting import format_figure, format_number
from conference.measures import MergeError, merge_measures
from conference.models import (
    DocumentLoad,
    Event,
    EventPerson,
    KeyFigure,
    Measure,
    Municipality,
)
from conference.permissions import can_load_documentation
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
    autocomplete_fields = ["event", "session", "municipality", "measure"]
    list_select_related = ["municipality", "session"]
    fieldsets = [
        (None, {"fields": ["event", "session", "label", "measure"]}),
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


@admin.register(DocumentLoad)
class DocumentLoadAdmin(admin.ModelAdmin):
    """Every document loaded from the admin, read-only; "Lägg till" starts a new load."""

    list_display = ["created_at", "source_name", "kind", "status", "user", "summary"]
    list_filter = ["status", "kind"]
    search_fields = ["source_name", "checksum"]
    list_select_related = ["user"]
    date_hierarchy = "created_at"
    fields = [
        "source_name",
        "kind",
        "text_format",
        "copy",
        "checksum",
        "status",
        "user",
        "created_at",
        "loaded_at",
        "title",
        "event_date",
        "organizer",
        "report_text",
    ]

    def has_add_permission(self, request):
        return can_load_documentation(request.user)

    def has_change_permission(self, request, obj=None):
        return False  # a record of what happened; "Läs in igen" makes a new one

    def add_view(self, request, form_url="", extra_context=None):
        return redirect("document_loads:start")

    @admin.display(description=_("resultat"))
    def summary(self, obj) -> str:
        if "error" in obj.report:
            return obj.report["error"]
        counts = obj.report.get("counts", {})
        parts = [
            f"{format_number(sum(counts.get(outcome, {}).values()))} {word}"
            for outcome, word in [
                ("created", "skapade"),
                ("updated", "uppdaterade"),
                ("deleted", "borttagna"),
            ]
        ]
        parts.append(f"{format_number(len(obj.report.get('flagged', [])))} flaggade")
        return ", ".join(parts)

    @admin.display(description=_("rapport"))
    def report_text(self, obj) -> str:
        lines = obj.report.get("lines", [])
        if "error" in obj.report:
            lines = [obj.report["error"], *lines]
        return format_html("<pre>{}</pre>", "\n".join(lines))


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin):
    """What figures measure: rename by editing the name, merge with the action."""

    list_display = ["name", "unit", "figure_count", "source", "slug"]
    list_filter = ["unit"]
    search_fields = ["name", "slug", "definition", "source"]
    fields = ["name", "slug", "unit", "definition", "source", "keys"]
    readonly_fields = ["keys"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["merge"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(figure_total=Count("key_figures"))

    @admin.display(description=_("antal nyckeltal"), ordering="figure_total")
    def figure_count(self, obj) -> int:
        return obj.figure_total

    @admin.action(
        description=_("Slå ihop valda mått till det med flest nyckeltal"),
        permissions=["change"],
    )
    def merge(self, request, queryset):
        measures = list(queryset.order_by("-figure_total", "pk"))
        if len(measures) < 2:
            self.message_user(
                request, _("Välj minst två mått att slå ihop."), messages.WARNING
            )
            return
        target = measures[0]
        try:
            moved = merge_measures(target=target, others=measures[1:])
        except MergeError as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        self.message_user(
            request,
            _(
                "%(count)s mått slogs ihop till ”%(name)s”; %(moved)s nyckeltal flyttades."
            )
            % {"count": len(measures), "name": target.name, "moved": moved},
            messages.SUCCESS,
        )
