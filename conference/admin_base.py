"""Building blocks shared by the admin classes of the three content apps."""

from decimal import Decimal

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.db import models
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from conference.formatting import format_number
from conference.permissions import can_publish_event, can_publish_session
from conference.publishing import mark_published, publish, unpublish
from conference.review import mark_reviewed

# Django's empty choice "---------" is not a word; staff read this instead.
EMPTY_CHOICE_LABEL = _("– Välj –")


class SwedishDecimalField(forms.DecimalField):
    """A decimal edited as Swedes write it: "197 760", "1,4" (not "197760.0000")."""

    widget = forms.TextInput(attrs={"inputmode": "decimal"})

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format_number(value, self.decimal_places or 0)
        return value

    def to_python(self, value):
        if isinstance(value, str):
            # Spaces of any kind separate thousands; the comma is the decimal sign.
            value = "".join(value.split()).replace(",", ".")
        return super().to_python(value)

    def widget_attrs(self, widget):
        # NumberInput's min/step attributes mean nothing to a text input.
        return {}


class SwedishFormFieldsMixin:
    """Form fields in Swedish: "– Välj –" for an empty choice, numbers with commas."""

    formfield_overrides = {models.DecimalField: {"form_class": SwedishDecimalField}}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(field, forms.ModelChoiceField):
            if field.empty_label is not None:
                field.empty_label = EMPTY_CHOICE_LABEL
        elif isinstance(field, forms.ChoiceField):
            field.choices = [
                ("", EMPTY_CHOICE_LABEL) if value == "" else (value, label)
                for value, label in field.choices
            ]
        return field


class PreloadedAutocompleteSelect(AutocompleteSelect):
    """An autocomplete that renders its selected option from an object already loaded.

    Django's widget runs one query per widget to find the selected option's label,
    so an inline with 50 rows would run 50 queries. The form hands the widget the
    related object it already holds (see ``PreloadedRelationsForm``).
    """

    preloaded: dict[str, str] | None = None

    def optgroups(self, name, value, attr=None):
        empty_values = self.choices.field.empty_values
        selected = {str(v) for v in value if str(v) not in empty_values}
        if (
            not selected
            or self.preloaded is None
            or not selected <= self.preloaded.keys()
        ):
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        for key in sorted(selected):
            options.append(
                self.create_option(
                    name, key, self.preloaded[key], selected, len(options)
                )
            )
        return [(None, options, 0)]


class PreloadedRelationsForm(forms.ModelForm):
    """Give autocomplete widgets the related objects the instance already holds."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = getattr(field.widget, "widget", field.widget)
            if not isinstance(widget, PreloadedAutocompleteSelect):
                continue
            model_field = self.instance._meta.get_field(name)
            if not model_field.is_cached(self.instance):
                continue
            related = getattr(self.instance, name)
            if related is not None:
                widget.preloaded = {str(related.pk): field.label_from_instance(related)}


class PreloadedAutocompleteMixin(SwedishFormFieldsMixin):
    """Use ``PreloadedAutocompleteSelect`` for the admin's autocomplete fields."""

    form = PreloadedRelationsForm

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget",
                PreloadedAutocompleteSelect(
                    db_field, self.admin_site, using=kwargs.get("using")
                ),
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class InlineMixin(PreloadedAutocompleteMixin):
    """An inline whose rows load their related objects in one query.

    Beyond ``max_rows`` rows the change form would take longer to build than anyone
    waits: the parent's admin then leaves the inline out and links to the rows' list
    (``BoundedInlinesMixin``). ``fk_name`` names the parent's foreign key.
    """

    extra = 0
    max_rows = 200
    select_related: tuple[str, ...] = ()

    def row_count(self, parent) -> int:
        return self.model._default_manager.filter(**{self.fk_name: parent}).count()

    def rows_url(self, parent) -> str:
        opts = self.model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        return f"{changelist}?{self.fk_name}__exact={parent.pk}"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        return queryset


class TabularInline(InlineMixin, admin.TabularInline):
    pass


class StackedInline(InlineMixin, admin.StackedInline):
    pass


class LinesField(forms.CharField):
    """A list of strings edited as lines of text, one item per line."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value)
        return [line.strip() for line in text.splitlines() if line.strip()]


def history_value(field, value) -> str:
    """Return a field's value in a version as staff read it: "Behöver granskas", "62"."""
    if value is None or value == "":
        return "–"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("Ja") if value else _("Nej"))
    if isinstance(value, list):
        return " · ".join(str(item) for item in value)
    if isinstance(value, Decimal):
        return format_number(value, field.decimal_places)
    return value


# The revert form's required field (HistoryAdmin.get_form).
REVERT_REASON = "revert_reason"


def without_reason(fields) -> list:
    return [field for field in fields if field != REVERT_REASON]


class SwedishHistoryContextHelper(HistoricalRecordContextHelper):
    """Show changed values as the form shows them: choice labels, Swedish numbers."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if field.many_to_many:
            return super().prepare_delta_change_value(change, value)
        return history_value(field, value)


class HistoryAdmin(PreloadedAutocompleteMixin, SimpleHistoryAdmin):
    """Admin with history: who changed what and when, diff and revert."""

    list_per_page = 50

    def get_historical_record_context_helper(self, request, historical_record):
        return SwedishHistoryContextHelper(self.model, historical_record)

    def history_view(self, request, object_id, extra_context=None):
        # simple-history heads each extra column with its name; staff read its label.
        columns = [
            getattr(getattr(self, name, None), "short_description", name)
            for name in self.get_history_list_display(request)
        ]
        return super().history_view(
            request,
            object_id,
            extra_context={"history_column_labels": columns, **(extra_context or {})},
        )

    def get_action_choices(
        self,
        request,
        default_choices=None,
        action_location=ActionLocation.CHANGE_LIST,
    ):
        # Django 6's "- Select an option -" has no Swedish translation yet.
        return super().get_action_choices(
            request,
            default_choices=[("", _("– Välj en åtgärd –"))],
            action_location=action_location,
        )

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history shows a past version to anyone who may view the object and
        # would save a POST from them too: only those who may change it may revert.
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        return super().history_form_view(
            request, object_id, version_id, extra_context=extra_context
        )

    def is_revert(self, request, obj=None) -> bool:
        """Return True on the revert form: a version's page, for one who may revert."""
        match = request.resolver_match
        return (
            match is not None
            and match.url_name.endswith("_simple_history")
            and not self.revert_disabled(request, obj)
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.is_revert(request, obj):
            # Without fieldsets of its own, an admin lists every field of its form,
            # the reason included: it must appear once, or its empty twin wins.
            others = [
                (name, {**options, "fields": without_reason(options["fields"])})
                for name, options in fieldsets
            ]
            return [(_("Återställning"), {"fields": [REVERT_REASON]}), *others]
        return fieldsets

    def get_form(self, request, obj=None, **kwargs):
        if self.is_revert(request, obj):
            # A revert says why: the reason is stored with the version it makes.
            reason = forms.CharField(
                label=_("Anledning till återställningen"),
                max_length=100,
                help_text=_("Sparas i historiken, till exempel ”Fel text i talet”."),
            )
            base = kwargs.get("form", self.form)
            kwargs["form"] = type(base.__name__, (base,), {REVERT_REASON: reason})
        return super().get_form(request, obj, **kwargs)

    def save_model(self, request, obj, form, change):
        if REVERT_REASON in form.cleaned_data:
            obj._change_reason = form.cleaned_data[REVERT_REASON]
        super().save_model(request, obj, form, change)

    def history_view_title(self, request, obj):
        return _("Historik: %s") % obj

    def history_form_view_title(self, request, obj):
        if self.revert_disabled(request, obj):
            return _("Tidigare version av %s") % obj
        return _("Återställ %s") % obj

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        # As simple-history does, but without a bare select_related() (deprecated
        # in Django 6) for models whose history has no foreign keys.
        foreign_keys = [
            field.name
            for field in history_manager.model.tracked_fields
            if isinstance(field, models.ForeignKey)
        ]
        return history_manager.filter(**{pk_name: object_id}).select_related(
            "history_user", *foreign_keys
        )


class BoundedInlinesMixin:
    """Leave out an inline with more rows than it shows, and say where they are."""

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if obj is None:
            return inlines
        shown = []
        for inline in inlines:
            count = inline.row_count(obj) if isinstance(inline, InlineMixin) else 0
            if count <= getattr(inline, "max_rows", count):
                shown.append(inline)
                continue
            self.message_user(
                request,
                format_html(
                    "{} har {} {}, fler än formuläret visar ({}): "
                    '<a href="{}">redigera dem i listan</a>.',
                    capfirst(obj._meta.verbose_name),
                    format_number(count),
                    inline.model._meta.verbose_name_plural,
                    inline.max_rows,
                    inline.rows_url(obj),
                ),
                messages.INFO,
            )
        return shown


class LoadedRecordAdmin(HistoryAdmin):
    """Admin for records the loader writes: review queue, history, provenance."""

    history_list_display = ["review_state"]
    review_fieldset = (
        _("Granskning"),
        {"fields": ("review_status", "review_reasons", "created_at", "updated_at")},
    )
    actions = ["mark_as_reviewed"]

    def get_readonly_fields(self, request, obj=None):
        return (
            *super().get_readonly_fields(request, obj),
            "review_reasons",
            "created_at",
            "updated_at",
        )

    @admin.display(description=_("Granskning"))
    def review_state(self, record) -> str:
        """Return a version's review status as its label ("Behöver granskas")."""
        return record.get_review_status_display()

    @admin.display(description=_("skäl till granskning"))
    def review_reasons(self, obj) -> str:
        """Show the loader's flags, one per line."""
        return format_html_join("", "<div>{}</div>", ((flag,) for flag in obj.flags))

    @admin.action(description=_("Markera som granskade"), permissions=["change"])
    def mark_as_reviewed(self, request, queryset):
        count = mark_reviewed(records=queryset, user=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d post markerades som granskad.",
                "%(count)d poster markerades som granskade.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


class PublishableAdmin(BoundedInlinesMixin, LoadedRecordAdmin):
    """Admin for events and sessions, which are drafts until someone publishes them."""

    actions = ["publish_selected", "unpublish_selected", "mark_as_reviewed"]

    def has_publish_permission(self, request, obj=None) -> bool:
        if self.model._meta.model_name == "event":
            return can_publish_event(request.user)
        return can_publish_session(request.user)

    def get_readonly_fields(self, request, obj=None):
        readonly = (*super().get_readonly_fields(request, obj), "published_at")
        if not self.has_publish_permission(request, obj):
            readonly += ("is_published",)
        return readonly

    def save_model(self, request, obj, form, change):
        if "is_published" in form.changed_data:
            mark_published(obj, published=obj.is_published)
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Publicera markerade"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        count = publish(records=queryset, user=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d post publicerades.", "%(count)d poster publicerades.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Avpublicera markerade"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        count = unpublish(records=queryset, user=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d post blev utkast igen.",
                "%(count)d poster blev utkast igen.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
