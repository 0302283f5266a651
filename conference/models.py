"""Events, municipalities, key figures and document loads, plus the loaded-record mixin."""

import uuid
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from conference.formatting import format_figure

NATIONAL_CODE = "0000"


class ReviewStatus(models.TextChoices):
    UNREVIEWED = "unreviewed", _("Ogranskad")
    NEEDS_REVIEW = "needs_review", _("Behöver granskas")
    REVIEWED = "reviewed", _("Granskad")


class LoadedRecord(models.Model):
    """A record the loader writes, so that a reload can tell staff edits from its own.

    ``loaded_values`` holds the field values of the last load. A field whose current
    value differs from it was edited by staff since then and is kept on reload.
    """

    loaded_values = models.JSONField(
        _("värden från senaste inläsning"), default=dict, blank=True, editable=False
    )
    review_status = models.CharField(
        _("granskning"),
        max_length=20,
        choices=ReviewStatus,
        default=ReviewStatus.UNREVIEWED,
        db_index=True,
    )
    flags = models.JSONField(
        _("flaggor"),
        default=list,
        blank=True,
        help_text=_("Varför inläsningen vill att någon granskar posten."),
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)

    class Meta:
        abstract = True


# The loader's bookkeeping (JSON columns of LoadedRecord): public pages never show it,
# and decoding it for every row loaded cost an uncached page real time.
LOADER_FIELDS = ("loaded_values", "flags")


def loader_fields(*relations: str) -> list[str]:
    """Return the loader fields of a model and of its related models, for `.defer()`.

    `loader_fields("", "person")` → the model's own fields and its `person`'s.
    """
    return [
        f"{relation}__{name}" if relation else name
        for relation in relations
        for name in LOADER_FIELDS
    ]


def through(relation: str, field: str) -> str:
    """Return the lookup of ``field`` reached through ``relation`` ("" for the row itself)."""
    return f"{relation}__{field}" if relation else field


class MunicipalityQuerySet(models.QuerySet):
    def listed(self) -> "MunicipalityQuerySet":
        """GR's members and the areas that public sessions or key figures concern.

        Every municipality has a page (they are reference data); these are the ones the
        municipality list and the sitemap name.
        """
        # sessions_app.models imports this module: the Session model is looked up by
        # name when the query is built.
        session_model = apps.get_model("sessions_app", "Session")
        public_session = session_model.objects.public().filter(
            municipalities=OuterRef("pk")
        )
        public_figure = KeyFigure.objects.public().filter(municipality=OuterRef("pk"))
        return self.filter(
            Q(gr_member=True) | Exists(public_session) | Exists(public_figure)
        )


class Municipality(models.Model):
    """A Swedish municipality, or the whole country ("Riket", code 0000)."""

    class Level(models.TextChoices):
        MUNICIPALITY = "municipality", _("Kommun")
        COUNTRY = "country", _("Riket")

    code = models.CharField(
        _("kommunkod"),
        max_length=4,
        unique=True,
        validators=[RegexValidator(r"^[0-9]{4}$", _("Koden ska vara fyra siffror."))],
        help_text=_("Officiell fyrsiffrig kod (SCB/Kolada); 0000 är hela riket."),
    )
    name = models.CharField(_("namn"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    level = models.CharField(
        _("nivå"), max_length=20, choices=Level, default=Level.MUNICIPALITY
    )
    county_code = models.CharField(_("länskod"), max_length=2, blank=True)
    county_name = models.CharField(_("län"), max_length=100, blank=True)
    gr_member = models.BooleanField(_("medlem i GR"), default=False, db_index=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("kommun")
        verbose_name_plural = _("kommuner")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[0-9]{4}$"),
                name="municipality_code_four_digits",
            ),
            models.CheckConstraint(
                condition=~Q(name=""), name="municipality_name_not_empty"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("conference:municipality_detail", kwargs={"slug": self.slug})

    @property
    def is_national(self) -> bool:
        return self.code == NATIONAL_CODE


class EventQuerySet(models.QuerySet):
    @staticmethod
    def public_condition(relation: str = "") -> Q:
        """The rule of public(), for an event reached through ``relation`` ("event")."""
        return Q(**{through(relation, "is_published"): True})

    def public(self) -> "EventQuerySet":
        """The events a visitor may see: the published ones."""
        return self.filter(self.public_condition())

    def visible(self, *, include_drafts: bool = False) -> "EventQuerySet":
        """The public events, or every event for staff who preview drafts."""
        return self.all() if include_drafts else self.public()


class Event(LoadedRecord):
    """One conference day ("mötesplats") and the document it was loaded from."""

    class AttendanceMode(models.TextChoices):
        ON_SITE = "on_site", _("På plats")
        ONLINE = "online", _("Digitalt")
        MIXED = "mixed", _("På plats och digitalt")

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    date = models.DateField(_("datum"), null=True, blank=True)
    organizer = models.CharField(_("arrangör"), max_length=200, blank=True)
    venue = models.CharField(
        _("plats"),
        max_length=200,
        blank=True,
        help_text=_("Lokalens namn, till exempel ett konferenscenter."),
    )
    venue_address = models.CharField(_("gatuadress"), max_length=200, blank=True)
    venue_locality = models.CharField(
        _("ort"), max_length=100, blank=True, help_text=_("Till exempel Göteborg.")
    )
    attendance_mode = models.CharField(
        _("deltagande"),
        max_length=20,
        choices=AttendanceMode,
        default=AttendanceMode.ON_SITE,
    )
    online_url = models.URLField(
        _("länk för digitalt deltagande"),
        blank=True,
        help_text=_(
            "Sändningens eller mötets adress, när dagen gick att följa digitalt."
        ),
    )
    description = models.TextField(_("inledning"), blank=True)
    is_published = models.BooleanField(_("publicerad"), default=False, db_index=True)
    published_at = models.DateTimeField(_("publicerad den"), null=True, blank=True)
    source_name = models.CharField(_("källdokument"), max_length=255, blank=True)
    source_checksum = models.CharField(
        _("kontrollsumma (SHA-256)"), max_length=64, blank=True
    )
    source_loaded_at = models.DateTimeField(_("inläst"), null=True, blank=True)
    people = models.ManyToManyField(
        "speakers_app.Person",
        through="EventPerson",
        related_name="events",
        verbose_name=_("personer"),
        blank=True,
    )

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evenemang")
        verbose_name_plural = _("evenemang")
        ordering = ["-date", "title"]
        permissions = [("publish_event", _("Kan publicera och avpublicera evenemang"))]
        constraints = [
            models.CheckConstraint(
                condition=~Q(title=""), name="event_title_not_empty"
            ),
            models.CheckConstraint(condition=~Q(slug=""), name="event_slug_not_empty"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("conference:event_detail", kwargs={"slug": self.slug})

    @property
    def place_text(self) -> str:
        """Return where the day was held, as one line ("Lokal, Gatan 1, Ort")."""
        parts = (self.venue, self.venue_address, self.venue_locality)
        return ", ".join(part for part in parts if part)


class EventPerson(models.Model):
    """A person's role for a whole event: moderator of the day or contact."""

    class Role(models.TextChoices):
        MODERATOR = "moderator", _("Moderator")
        CONTACT = "contact", _("Kontaktperson")

    event = models.ForeignKey(
        Event,
        on_delete=models.CASCADE,
        related_name="event_people",
        verbose_name=_("evenemang"),
    )
    person = models.ForeignKey(
        "speakers_app.Person",
        on_delete=models.CASCADE,
        related_name="event_roles",
        verbose_name=_("person"),
    )
    role = models.CharField(_("roll"), max_length=20, choices=Role)
    order = models.PositiveIntegerField(_("ordning"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("person på evenemanget")
        verbose_name_plural = _("personer på evenemanget")
        ordering = ["event", "role", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person", "role"], name="unique_event_person_role"
            )
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"


class KeyFigureQuerySet(models.QuerySet):
    def public(self) -> "KeyFigureQuerySet":
        """The figures a visitor may see: of a public event, and of a published session
        when they belong to one.

        The session's own flag is enough: its event is the figure's, already public (the
        loader keeps them together). Asking for the session's event as well would join
        the event table a second time on every listing of 100 000 figures.
        """
        return self.filter(EventQuerySet.public_condition("event")).filter(
            Q(session__isnull=True) | Q(session__is_published=True)
        )

    def visible(self, *, include_drafts: bool = False) -> "KeyFigureQuerySet":
        """The public figures, or every figure for staff who preview drafts."""
        return self.all() if include_drafts else self.public()


class KeyFigure(LoadedRecord):
    """A number quoted on stage: what it measures, for which area and period, and where."""

    class Unit(models.TextChoices):
        PERSONS = "persons", _("personer")
        PERCENT = "percent", _("procent")
        SEK = "SEK", _("kronor")
        DAYS = "days", _("dagar")
        WEEKS = "weeks", _("veckor")
        MONTHS = "months", _("månader")
        YEARS = "years", _("år")
        HOURS = "hours", _("timmar")
        HOUSEHOLDS = "households", _("hushåll")
        COUNT = "count", _("antal")

    class Qualifier(models.TextChoices):
        EXACT = "", _("exakt")
        JUST_UNDER = "just_under", _("knappt")
        JUST_OVER = "just_over", _("drygt")
        ABOUT = "about", _("cirka")
        AT_LEAST = "at_least", _("minst")
        AT_MOST = "at_most", _("högst")

    class Scope(models.TextChoices):
        MUNICIPALITY = "municipality", _("Kommun")
        REGION = "region", _("Göteborgsregionen")
        COUNTRY = "country", _("Riket")

    event = models.ForeignKey(
        Event,
        on_delete=models.CASCADE,
        related_name="key_figures",
        verbose_name=_("evenemang"),
    )
    session = models.ForeignKey(
        "sessions_app.Session",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="key_figures",
        verbose_name=_("programpunkt"),
    )
    label = models.CharField(_("vad som mäts"), max_length=255)
    value = models.DecimalField(_("värde"), max_digits=20, decimal_places=4)
    unit = models.CharField(_("enhet"), max_length=20, choices=Unit)
    period = models.CharField(
        _("period"), max_length=20, blank=True, help_text=_("Till exempel 2022.")
    )
    year = models.PositiveSmallIntegerField(
        _("år"), null=True, blank=True, db_index=True
    )
    scope = models.CharField(
        _("område"), max_length=20, choices=Scope, default=Scope.MUNICIPALITY
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="key_figures",
        verbose_name=_("kommun"),
        help_text=_("Kommunen, eller Riket (0000) för hela landet."),
    )
    measure = models.ForeignKey(
        "Measure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        db_index=False,  # key_figure_measure_area starts with it
        related_name="key_figures",
        verbose_name=_("mått"),
        help_text=_("Siffror som mäter samma sak hör till samma mått."),
    )
    qualifier = models.CharField(
        _("precisering"), max_length=20, choices=Qualifier, blank=True, default=""
    )
    source_text = models.TextField(_("källmening"), blank=True)
    order = models.PositiveIntegerField(_("ordning"), default=0)
    natural_key = models.CharField(
        _("inläsningsnyckel"), max_length=64, blank=True, editable=False
    )

    objects = KeyFigureQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nyckeltal")
        verbose_name_plural = _("nyckeltal")
        ordering = ["event", "order", "pk"]
        # Measured with scripts/bench_analysis.py on 100 000 figures (PostgreSQL):
        # the explorer's and API's default order walks (label, year, id) instead of
        # sorting every row, counting published figures becomes an index-only scan,
        # and a municipality filter with a year range reads only its rows.
        indexes = [
            models.Index(
                fields=["label", "-year", "id"], name="key_figure_listing_order"
            ),
            # Also the event page's highlights: the first figure of a session, by order.
            models.Index(
                fields=["event", "session", "order", "id"],
                name="key_figure_event_session",
            ),
            models.Index(fields=["municipality", "year"], name="key_figure_area_year"),
            # The comparison table: some measures in some areas (scripts/
            # bench_analysis.py, 100 000 figures: a sequential scan without it).
            models.Index(
                fields=["measure", "municipality", "year"],
                name="key_figure_measure_area",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(label=""), name="key_figure_label_not_empty"
            ),
            models.CheckConstraint(
                condition=~Q(unit=""), name="key_figure_unit_not_empty"
            ),
            models.CheckConstraint(
                condition=Q(scope="region", municipality__isnull=True)
                | (~Q(scope="region") & Q(municipality__isnull=False)),
                name="key_figure_area_matches_scope",
            ),
            models.UniqueConstraint(
                fields=["event", "natural_key"],
                condition=~Q(natural_key=""),
                name="unique_key_figure_natural_key",
            ),
        ]

    def __str__(self):
        return f"{self.label}: {format_figure(self)}"

    def get_absolute_url(self):
        return reverse("analysis:key_figure_detail", kwargs={"pk": self.pk})

    @property
    def year_unfinished(self) -> bool:
        """Whether the figure's year had not ended on the day of its event."""
        return year_unfinished(self.year, self.event.date)

    @property
    def reader_notes(self) -> list[str]:
        """What a reader should know about the figure, from the loader's review flags.

        The flags themselves are for staff (a code and the loader's reasoning); only
        the ones that change how the number reads become a note, in Swedish.
        """
        codes = {flag.split(":", 1)[0] for flag in self.flags or []}
        return [str(note) for code, note in READER_NOTES.items() if code in codes]


def year_unfinished(year: int | None, event_date) -> bool:
    """Return whether a figure of ``year`` told on ``event_date`` was for a year still
    running: the number may change before the year ends (a partial or preliminary
    figure). Unknown when either is missing.

    The loader's review flag future_period says the same to staff; this is what every
    page shows a reader, from the figure's fields as they are now.
    """
    return year is not None and event_date is not None and year >= event_date.year


class MeasureQuerySet(models.QuerySet):
    def public(self) -> "MeasureQuerySet":
        """The measures of at least one public figure: a measure named only by drafts
        would tell what they say."""
        return self.filter(
            Exists(KeyFigure.objects.public().filter(measure=OuterRef("pk")))
        )


class Measure(models.Model):
    """What figures measure, Kolada's KPI: figures of one measure form a series.

    The loader assigns a figure the measure of its normalised label and unit
    (conference/measures.py) and creates a measure for a label it has not seen; staff
    rename measures and merge those that measure the same thing. ``keys`` holds every
    normalised label the measure stands for, so a merge holds on the next load.
    """

    name = models.CharField(_("namn"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("Måttets namn i adresser och i API:t (?measure=…)."),
    )
    unit = models.CharField(_("enhet"), max_length=20, choices=KeyFigure.Unit)
    definition = models.TextField(
        _("definition"), blank=True, help_text=_("Vad måttet mäter och hur.")
    )
    source = models.CharField(
        _("källa"),
        max_length=255,
        blank=True,
        help_text=_("Var siffrorna kommer ifrån, till exempel SCB eller Kolada."),
    )
    keys = models.JSONField(
        _("normaliserade etiketter"),
        default=list,
        blank=True,
        editable=False,
        help_text=_("Etiketterna, normaliserade, som inläsningen för till måttet."),
    )

    objects = MeasureQuerySet.as_manager()

    class Meta:
        verbose_name = _("mått")
        verbose_name_plural = _("mått")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="measure_name_not_empty")
        ]

    def __str__(self):
        return self.name


# The review flag of a figure whose period had not ended when it was quoted.
UNFINISHED_FLAG = "future_period"

# Review flags of the loader (docs/loader.md, "Review flags") that a reader is told about.
READER_NOTES = {
    UNFINISHED_FLAG: _("Perioden hade inte tagit slut när siffran nämndes."),
    "no_period": _("Texten anger inte vilket år siffran gäller."),
    "area_guessed": _(
        "Texten anger inget område; siffran antas gälla Göteborgsregionen som helhet."
    ),
    "qualifier_contradiction": _(
        "Orden och siffran i källmeningen stämmer inte helt överens."
    ),
}


def document_storage():
    # Looked up when used, so that settings (and tests) choose the folder.
    return storages["documents"]


def document_copy_path(instance: "DocumentLoad", filename: str) -> str:
    """Return a random name: the uploader's file name is shown, never used as a path."""
    return f"dokumentation/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class DocumentLoad(models.Model):
    """One document loaded from the admin: its text, who loaded it, what it changed.

    The copy is the document's text as the loader read it (UTF-8), so "Läs in igen"
    loads exactly the same text; ``checksum`` is that of the bytes received.
    """

    # A record (a preview, say) changes no public page: saving one keeps cached pages.
    changes_public_content = False

    class Kind(models.TextChoices):
        FILE = "file", _("Fil")
        TEXT = "text", _("Inklistrad text")
        URL = "url", _("Webbadress")

    class Format(models.TextChoices):
        TEXT = "text", _("Text")
        HTML = "html", _("HTML")

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("Förhandsgranskad")
        LOADED = "loaded", _("Inläst")
        FAILED = "failed", _("Misslyckades")

    kind = models.CharField(_("källa"), max_length=10, choices=Kind)
    source_name = models.CharField(_("dokument"), max_length=255)
    text_format = models.CharField(_("format"), max_length=10, choices=Format)
    copy = models.FileField(
        _("kopia"),
        upload_to=document_copy_path,
        storage=document_storage,
        max_length=200,
    )
    checksum = models.CharField(_("kontrollsumma (SHA-256)"), max_length=64)
    title = models.CharField(_("angiven titel"), max_length=200, blank=True)
    event_date = models.DateField(_("angivet datum"), null=True, blank=True)
    organizer = models.CharField(_("angiven arrangör"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.PREVIEWED
    )
    report = models.JSONField(_("rapport"), default=dict, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("användare"),
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    loaded_at = models.DateTimeField(_("inläst"), null=True, blank=True)

    class Meta:
        verbose_name = _("inläsning av dokumentation")
        verbose_name_plural = _("inläsningar av dokumentation")
        ordering = ["-created_at", "-pk"]
        permissions = [("load_documentation", _("Kan läsa in dokumentation"))]

    def __str__(self):
        return self.source_name
