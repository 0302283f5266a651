"""Admin for people: photo upload, review, and erasure of personal data (GDPR)."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from conference.admin_base import LoadedRecordAdmin
from speakers_app.forms import PersonAdminForm
from speakers_app.models import Person
from speakers_app.services import erase_person


class ErasedFilter(admin.SimpleListFilter):
    title = _("personuppgifter")
    parameter_name = "borttagen"

    def lookups(self, request, model_admin):
        return [("nej", _("Finns kvar")), ("ja", _("Borttagna (GDPR)"))]

    def queryset(self, request, queryset):
        if self.value() == "ja":
            return queryset.filter(erased_at__isnull=False)
        if self.value() == "nej":
            return queryset.filter(erased_at__isnull=True)
        return queryset


@admin.register(Person)
class PersonAdmin(LoadedRecordAdmin):
    form = PersonAdminForm
    list_display = [
        "name",
        "title",
        "organization",
        "municipality",
        "has_photo",
        "review_status",
        "review_reasons",
    ]
    list_filter = [
        "review_status",
        ("municipality", admin.RelatedOnlyFieldListFilter),
        ("sessions__event", admin.RelatedOnlyFieldListFilter),
        ErasedFilter,
    ]
    search_fields = ["name", "title", "organization", "email"]
    autocomplete_fields = ["municipality"]
    list_select_related = ["municipality"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "title", "organization", "municipality"]}),
        (None, {"fields": ["bio"]}),
        (_("Kontakt"), {"fields": ["phone", "email"]}),
        (
            _("Foto"),
            {
                "fields": ["photo", "photo_alt"],
                "description": _(
                    "JPEG, PNG eller WebP, högst 5 MB. Fotot förminskas till "
                    "800 bildpunkter och bildens metadata (till exempel GPS-position) "
                    "tas bort."
                ),
            },
        ),
        (_("Personuppgifter"), {"fields": ["erased_at"]}),
        LoadedRecordAdmin.review_fieldset,
    ]
    readonly_fields = ["erased_at"]
    actions = ["mark_as_reviewed", "erase_personal_data"]

    @admin.display(description=_("foto"), boolean=True)
    def has_photo(self, obj) -> bool:
        return bool(obj.photo)

    @admin.action(
        description=_("Ta bort personuppgifter (GDPR)…"), permissions=["delete"]
    )
    def erase_personal_data(self, request, queryset):
        """Ask for confirmation, then erase the selected people's personal data."""
        people = list(queryset.filter(erased_at__isnull=True))
        if request.POST.get("confirm") == "yes":
            for person in people:
                erase_person(person=person, by_user=request.user)
            self.message_user(
                request,
                ngettext(
                    "Personuppgifterna för %(count)d person togs bort.",
                    "Personuppgifterna för %(count)d personer togs bort.",
                    len(people),
                )
                % {"count": len(people)},
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Ta bort personuppgifter"),
            "opts": self.model._meta,
            "people": people,
            "queryset": queryset,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(
            request, "admin/speakers_app/person/erase_confirmation.html", context
        )
