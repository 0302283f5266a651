"""Sessions (talks, seminars, presentations), their ordered content, speakers and quotes."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from conference.models import EventQuerySet, LoadedRecord, through


class SessionQuerySet(models.QuerySet):
    @staticmethod
    def public_condition(relation: str = "") -> Q:
        """The rule of public(), for a session reached through ``relation`` ("session")."""
        return Q(**{through(relation, "is_published"): True}) & (
            EventQuerySet.public_condition(through(relation, "event"))
        )

    def public(self) -> "SessionQuerySet":
        """The sessions a visitor may see: published, of a public event.

        Undocumented sessions (only mentioned in the text) are public all the same: the
        programme lists them without a summary.
        """
        return self.filter(self.public_condition())

    def visible(self, *, include_drafts: bool = False) -> "SessionQuerySet":
        """The public sessions, or every session for staff who preview drafts."""
        return self.all() if include_drafts else self.public()


class Session(LoadedRecord):
    class Kind(models.TextChoices):
        TALK = "talk", _("Föreläsning")
        SEMINAR = "seminar", _("Seminarium")
        PANEL = "panel", _("Panelsamtal")
        PRESENTATION = "presentation", _("Verksamhetspresentation")
        VOICES = "voices", _("Röster från deltagarna")
        OTHER = "other", _("Övrigt")

    event = models.ForeignKey(
        "conference.Event",
        on_delete=models.CASCADE,
        related_name="sessions",
        verbose_name=_("evenemang"),
    )
    title = models.CharField(_("titel"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255)
    kind = models.CharField(_("typ"), max_length=20, choices=Kind, default=Kind.TALK)
    order = models.PositiveIntegerField(_("ordning"), default=0)
    summary = models.TextField(
        _("ingress"), blank=True, help_text=_("Kort sammanfattning för listor.")
    )
    documented = models.BooleanField(
        _("dokumenterad"),
        default=True,
        help_text=_("Nej om programpunkten bara nämns i texten och saknar referat."),
    )
    is_published = models.BooleanField(_("publicerad"), default=False, db_index=True)
    published_at = models.DateTimeField(_("publicerad den"), null=True, blank=True)
    municipalities = models.ManyToManyField(
        "conference.Municipality",
        related_name="sessions",
        verbose_name=_("berörda kommuner"),
        blank=True,
    )
    speakers = models.ManyToManyField(
        "speakers_app.Person",
        through="SessionSpeaker",
        related_name="sessions",
        verbose_name=_("medverkande"),
        blank=True,
    )

    objects = SessionQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[municipalities])

    class Meta:
        verbose_name = _("programpunkt")
        verbose_name_plural = _("programpunkter")
        ordering = ["event", "order", "pk"]
        permissions = [
            ("publish_session", _("Kan publicera och avpublicera programpunkter"))
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "slug"], name="unique_session_slug_per_event"
            ),
            models.CheckConstraint(
                condition=~Q(title=""), name="session_title_not_empty"
            ),
            models.CheckConstraint(
                condition=~Q(slug=""), name="session_slug_not_empty"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "sessions_app:session_detail",
            kwargs={"event_slug": self.event.slug, "slug": self.slug},
        )

    @property
    def is_public(self) -> bool:
        """SessionQuerySet.public()'s rule for a session already loaded with its event."""
        return self.is_published and self.event.is_published


class SessionSpeaker(models.Model):
    """A person's role in one session."""

    class Role(models.TextChoices):
        SPEAKER = "speaker", _("Talare")
        MODERATOR = "moderator", _("Moderator")
        PARTICIPANT = "participant", _("Deltagare")
        CONTACT = "contact", _("Kontaktperson")

    session = models.ForeignKey(
        Session,
        on_delete=models.CASCADE,
        related_name="session_speakers",
        verbose_name=_("programpunkt"),
    )
    person = models.ForeignKey(
        "speakers_app.Person",
        on_delete=models.CASCADE,
        related_name="session_roles",
        verbose_name=_("person"),
    )
    role = models.CharField(
        _("roll"), max_length=20, choices=Role, default=Role.SPEAKER
    )
    order = models.PositiveIntegerField(_("ordning"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("medverkande")
        verbose_name_plural = _("medverkande")
        ordering = ["session", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person", "role"], name="unique_session_person_role"
            )
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"


class ContentBlock(models.Model):
    """One block of a session's summary, in reading order."""

    class Kind(models.TextChoices):
        PARAGRAPH = "paragraph", _("Stycke")
        HEADING = "heading", _("Mellanrubrik")
        BULLET_LIST = "bullet_list", _("Punktlista")
        NUMBERED_LIST = "numbered_list", _("Numrerad lista")
        QUOTE = "quote", _("Citat")
        CASE_EXAMPLE = "case_example", _("Exempel")

    # The fields each kind of block uses; the others stay empty for it.
    FIELDS_BY_KIND = {
        Kind.PARAGRAPH: ("text",),
        Kind.HEADING: ("text",),
        Kind.BULLET_LIST: ("items",),
        Kind.NUMBERED_LIST: ("items",),
        Kind.QUOTE: ("text", "person"),
        Kind.CASE_EXAMPLE: ("text",),
    }

    session = models.ForeignKey(
        Session,
        on_delete=models.CASCADE,
        related_name="blocks",
        verbose_name=_("programpunkt"),
    )
    order = models.PositiveIntegerField(_("ordning"), default=0)
    kind = models.CharField(_("typ"), max_length=20, choices=Kind)
    text = models.TextField(_("text"), blank=True)
    items = models.JSONField(
        _("listpunkter"),
        default=list,
        blank=True,
        help_text=_("Punkterna i en lista, i ordning."),
    )
    person = models.ForeignKey(
        "speakers_app.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quoted_blocks",
        verbose_name=_("vem som sa det"),
        db_index=False,  # the partial index content_block_person in Meta
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("innehållsblock")
        verbose_name_plural = _("innehållsblock")
        ordering = ["session", "order", "pk"]
        # Only quotes name a person. A full index on person is mostly NULLs, which
        # SQLite's planner then takes as useless: finding whether someone is quoted
        # in public text (Person.objects.public()) read every public block per person.
        indexes = [
            models.Index(
                fields=["person"],
                condition=Q(person__isnull=False),
                name="content_block_person",
            )
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(kind=""), name="content_block_has_kind")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.order}"

    @property
    def summary(self) -> str:
        """Return the block on one line: its kind and the start of its words."""
        words = self.text or " · ".join(self.items or [])
        if self.kind == self.Kind.QUOTE and self.person_id:
            words = f"{words} – {self.person}"
        start = Truncator(" ".join(words.split())).chars(80)
        kind = self.get_kind_display() or _("Nytt block")
        return f"{kind}: {start}" if start else str(kind)


class QuoteQuerySet(models.QuerySet):
    def public(self) -> "QuoteQuerySet":
        """The quotes a visitor may see: of a public event, and of a published session
        when they belong to one (as for key figures, see KeyFigureQuerySet.public)."""
        return self.filter(EventQuerySet.public_condition("event")).filter(
            Q(session__isnull=True) | Q(session__is_published=True)
        )


class Quote(LoadedRecord):
    """Something a named or anonymous participant said."""

    event = models.ForeignKey(
        "conference.Event",
        on_delete=models.CASCADE,
        related_name="quotes",
        verbose_name=_("evenemang"),
    )
    session = models.ForeignKey(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quotes",
        verbose_name=_("programpunkt"),
    )
    text = models.TextField(_("citat"))
    person = models.ForeignKey(
        "speakers_app.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quotes",
        verbose_name=_("person"),
        help_text=_("Tomt för anonyma citat."),
    )
    attribution = models.CharField(
        _("källa"),
        max_length=255,
        blank=True,
        help_text=_("För anonyma citat, till exempel 'Utvärderingen av mötesplatsen'."),
    )
    municipality = models.ForeignKey(
        "conference.Municipality",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quotes",
        verbose_name=_("kommun"),
    )
    order = models.PositiveIntegerField(_("ordning"), default=0)
    natural_key = models.CharField(
        _("inläsningsnyckel"), max_length=64, blank=True, editable=False
    )

    objects = QuoteQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("citat")
        verbose_name_plural = _("citat")
        ordering = ["event", "order", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="quote_text_not_empty"),
            models.UniqueConstraint(
                fields=["event", "natural_key"],
                condition=~Q(natural_key=""),
                name="unique_quote_natural_key",
            ),
        ]

    def __str__(self):
        return self.text[:60]
