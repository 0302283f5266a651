"""Admin for sessions and what they contain: speakers, content blocks, quotes."""

from django.contrib import admin
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from conference.admin_base import (
    HistoryAdmin,
    LinesField,
    LoadedRecordAdmin,
    PreloadedRelationsForm,
    PublishableAdmin,
    StackedInline,
    TabularInline,
)
from conference.models import KeyFigure
from sessions_app.models import ContentBlock, Quote, Session, SessionSpeaker

RELATED_ONLY = admin.RelatedOnlyFieldListFilter


class SessionSpeakerInline(TabularInline):
    model = SessionSpeaker
    fk_name = "session"
    fields = ["person", "role", "order"]
    autocomplete_fields = ["person"]
    select_related = ("person",)


class ContentBlockForm(PreloadedRelationsForm):
    items = LinesField(
        label=_("listpunkter"),
        required=False,
        help_text=_("En punkt per rad, för punktlistor och numrerade listor."),
    )

    class Meta:
        model = ContentBlock
        fields = "__all__"


class ContentBlockInline(StackedInline):
    """The session's text in reading order; change "ordning" to move a block."""

    model = ContentBlock
    fk_name = "session"
    form = ContentBlockForm
    fields = [("order", "kind"), "text", "items", "person"]
    autocomplete_fields = ["person"]
    select_related = ("person",)


class KeyFigureInline(TabularInline):
    model = KeyFigure
    fk_name = "session"
    fields = [
        "label",
        "qualifier",
        "value",
        "unit",
        "period",
        "scope",
        "municipality",
        "review_status",
        "source_text",
    ]
    readonly_fields = ["source_text"]
    autocomplete_fields = ["municipality"]
    select_related = ("municipality",)
    show_change_link = True


class QuoteInline(TabularInline):
    model = Quote
    fk_name = "session"
    fields = ["order", "text", "person", "attribution", "municipality"]
    autocomplete_fields = ["person", "municipality"]
    select_related = ("person", "municipality")


@admin.register(Session)
class SessionAdmin(PublishableAdmin):
    list_display = [
        "title",
        "event",
        "kind",
        "order",
        "documented",
        "is_published",
        "review_status",
        "review_reasons",
    ]
    list_filter = [
        "review_status",
        "is_published",
        ("event", RELATED_ONLY),
        "kind",
        "documented",
        ("municipalities", RELATED_ONLY),
    ]
    search_fields = ["title", "summary", "event__title"]
    autocomplete_fields = ["event", "municipalities"]
    list_select_related = ["event"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SessionSpeakerInline, ContentBlockInline, KeyFigureInline, QuoteInline]
    fieldsets = [
        (None, {"fields": ["event", "title", "slug", "kind", "order"]}),
        (None, {"fields": ["summary", "documented", "municipalities"]}),
        (_("Publicering"), {"fields": ["is_published", "published_at"]}),
        PublishableAdmin.review_fieldset,
    ]

    def save_formset(self, request, form, formset, change):
        """Give key figures and quotes added here the session's event."""
        if formset.model not in (KeyFigure, Quote):
            return super().save_formset(request, form, formset, change)
        for obj in formset.save(commit=False):
            obj.event_id = form.instance.event_id
            obj.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()
        return None


@admin.register(SessionSpeaker)
class SessionSpeakerAdmin(HistoryAdmin):
    list_display = ["person", "role", "session", "order"]
    list_filter = ["role", ("session__event", RELATED_ONLY)]
    search_fields = ["person__name", "session__title"]
    autocomplete_fields = ["session", "person"]
    list_select_related = ["person", "session"]


@admin.register(ContentBlock)
class ContentBlockAdmin(HistoryAdmin):
    form = ContentBlockForm
    list_display = ["session", "order", "kind", "text_start", "person"]
    list_filter = ["kind", ("session__event", RELATED_ONLY)]
    search_fields = ["text", "session__title"]
    autocomplete_fields = ["session", "person"]
    list_select_related = ["session", "person"]

    @admin.display(description=_("text"))
    def text_start(self, obj) -> str:
        return Truncator(obj.text).chars(80)


@admin.register(Quote)
class QuoteAdmin(LoadedRecordAdmin):
    list_display = [
        "text_start",
        "person",
        "attribution",
        "municipality",
        "session",
        "review_status",
        "review_reasons",
    ]
    list_filter = [
        "review_status",
        ("event", RELATED_ONLY),
        ("municipality", RELATED_ONLY),
    ]
    search_fields = ["text", "person__name", "attribution"]
    autocomplete_fields = ["event", "session", "person", "municipality"]
    list_select_related = ["person", "municipality", "session"]
    fieldsets = [
        (None, {"fields": ["event", "session", "order", "text"]}),
        (_("Vem"), {"fields": ["person", "attribution", "municipality"]}),
        LoadedRecordAdmin.review_fieldset,
    ]

    @admin.display(description=_("citat"))
    def text_start(self, obj) -> str:
        return Truncator(obj.text).chars(80)
