"""People who speak, moderate, are quoted or are contacts."""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from conference.models import EventPerson, EventQuerySet, LoadedRecord
from sessions_app.models import ContentBlock, Quote, SessionQuerySet, SessionSpeaker


class PersonQuerySet(models.QuerySet):
    def public(self) -> "PersonQuerySet":
        """The people a visitor may see: those with a role in a public session or event,
        quoted in a public quote, or quoted in the text of a public session.

        Anyone else (only in drafts, or no longer named anywhere) has no public page.
        """
        in_session = SessionSpeaker.objects.filter(
            SessionQuerySet.public_condition("session"), person=OuterRef("pk")
        )
        in_event = EventPerson.objects.filter(
            EventQuerySet.public_condition("event"), person=OuterRef("pk")
        )
        quoted = Quote.objects.public().filter(person=OuterRef("pk"))
        quoted_in_text = ContentBlock.objects.filter(
            SessionQuerySet.public_condition("session"), person=OuterRef("pk")
        )
        return self.filter(
            Exists(in_session)
            | Exists(in_event)
            | Exists(quoted)
            | Exists(quoted_in_text)
        )


class Person(LoadedRecord):
    name = models.CharField(_("namn"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    title = models.CharField(_("titel"), max_length=255, blank=True)
    organization = models.CharField(_("organisation"), max_length=255, blank=True)
    municipality = models.ForeignKey(
        "conference.Municipality",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("kommun"),
    )
    bio = models.TextField(
        _("kort presentation"),
        max_length=600,
        blank=True,
        help_text=_(
            "Några meningar om personen, visas under namnet på programpunkternas "
            "sidor. Högst 600 tecken."
        ),
    )
    phone = models.CharField(
        _("telefon"),
        max_length=40,
        blank=True,
        help_text=_("Bara för kontaktpersoner som dokumentationen själv publicerar."),
    )
    email = models.EmailField(_("e-post"), blank=True)
    photo = models.ImageField(_("foto"), upload_to="people/", blank=True)
    photo_alt = models.CharField(
        _("alternativtext för fotot"),
        max_length=255,
        blank=True,
        help_text=_(
            "Beskriv fotot för den som inte ser det. Krävs när det finns ett foto."
        ),
    )
    erased_at = models.DateTimeField(
        _("personuppgifter borttagna"), null=True, blank=True, editable=False
    )

    objects = PersonQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="person_name_not_empty"),
            models.CheckConstraint(condition=~Q(slug=""), name="person_slug_not_empty"),
            models.CheckConstraint(
                condition=Q(photo="") | ~Q(photo_alt=""),
                name="person_photo_has_alt_text",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("speakers_app:person_detail", kwargs={"slug": self.slug})
