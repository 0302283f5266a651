"""Admin for sessions and what they contain: speakers, content blocks, quotes."""

import json

from django.contrib import admin
from django.db import transaction
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from conference.admin_base import (
    REVERT_REASON,
    HistoryAdmin,
    LinesField,
    LoadedRecordAdmin,
    PreloadedRelationsForm,
    PublishableAdmin,
    StackedInline,
    TabularInline,
)
from conference.models import KeyFigure
from sessions_app.history import PART_CHANGES_SHOWN, part_changes
from sessions_app.models import ContentBlock, Quote, Session, SessionSpeaker
from sessions_app.services import restore_session_parts

RELATED_ONLY = admin.RelatedOnlyFieldListFilter


class SessionSpeakerInline(TabularInline):
    model = SessionSpeaker
    fk_name = "session"
    fields = ["person", "role", "order"]
    autocomplete_fields = ["person"]
    select_related = ("person",)


def kinds_using(field_name: str) -> str:
    """Return the kinds of block that use ``field_name``, as a Swedish phrase."""
    kinds = [
        str(ContentBlock.Kind(kind).label)
        for kind, fields in ContentBlock.FIELDS_BY_KIND.items()
        if field_name in fields
    ]
    return _("Används för: %s.") % ", ".join(kinds)


class ContentBlockForm(PreloadedRelationsForm):
    items = LinesField(label=_("listpunkter"), required=False)

    class Meta:
        model = ContentBlock
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Without JavaScript every field shows: each says which kinds use it.
        for name in ("text", "items", "person"):
            if name in self.fields:
                self.fields[name].help_text = kinds_using(name)
        if "items" in self.fields:
            self.fields["items"].help_text += " " + _("En punkt per rad.")


class ContentBlockInline(StackedInline):
    """The session's text in reading order, each block folded to one line.

    content_blocks.js shows the fields of each block's kind only and moves blocks
    by drag and drop or with buttons; without it, every field shows and the number
    "ordning" orders the blocks.
    """

    model = ContentBlock
    fk_name = "session"
    form = ContentBlockForm
    fields = [("order", "kind"), "text", "items", "person"]
    autocomplete_fields = ["person"]
    select_related = ("person",)
    template = "admin/sessions_app/contentblock/blocks_inline.html"

    class Media:
        js = ["js/admin/content_blocks.js"]
        css = {"all": ["css/admin/content_blocks.css"]}

    def fields_by_kind_json(self) -> str:
        """Return what content_blocks.js needs to know: the fields of each kind."""
        return json.dumps(
            {kind: list(fields) for kind, fields in ContentBlock.FIELDS_BY_KIND.items()}
        )


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

    object_history_template = "admin/sessions_app/session/object_history.html"

    def history_view(self, request, object_id, extra_context=None):
        """List the changes to the session's blocks, speakers and figures too."""
        context = {
            "part_changes": part_changes(object_id),
            "part_changes_shown": PART_CHANGES_SHOWN,
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, extra_context=context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Revert the session and bring its blocks, speakers, figures and quotes back
        as they were."""
        with transaction.atomic():
            response = super().history_form_view(
                request, object_id, version_id, extra_context=extra_context
            )
            if request.method == "POST" and response.status_code == 302:
                # The form saved the session, so its reason is valid.
                restore_session_parts(
                    session=Session.objects.get(pk=object_id),
                    version=Session.history.get(history_id=version_id),
                    user=request.user,
                    reason=request.POST[REVERT_REASON].strip(),
                )
        return response

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
