"""Read-only representations of the API. No phone numbers or e-mail addresses, ever."""

from urllib.parse import urlencode

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from conference.analysis.exports import DetailUrls, key_figure_record
from conference.models import Event, KeyFigure, Measure, Municipality
from sessions_app.models import Session
from speakers_app.models import Person


class PageUrlField(serializers.SerializerMethodField):
    """The absolute address of the object's public page."""

    def __init__(self, **kwargs):
        super().__init__(method_name="get_url", **kwargs)


class PublicPageMixin:
    @extend_schema_field(serializers.URLField)
    def get_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())


class MunicipalitySerializer(PublicPageMixin, serializers.ModelSerializer):
    url = PageUrlField()

    class Meta:
        model = Municipality
        fields = [
            "code",
            "name",
            "slug",
            "level",
            "county_code",
            "county_name",
            "gr_member",
            "url",
        ]


class EventSerializer(PublicPageMixin, serializers.ModelSerializer):
    url = PageUrlField()

    class Meta:
        model = Event
        fields = [
            "slug",
            "title",
            "date",
            "organizer",
            "venue",
            "description",
            "published_at",
            "url",
        ]


class SessionSerializer(PublicPageMixin, serializers.ModelSerializer):
    event = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    municipalities = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    url = PageUrlField()

    class Meta:
        model = Session
        fields = [
            "id",
            "event",
            "title",
            "slug",
            "kind",
            "order",
            "summary",
            "documented",
            "municipalities",
            "url",
        ]


class MeasureSerializer(serializers.ModelSerializer):
    key_figures = serializers.SerializerMethodField(
        help_text="Adressen till måttets nyckeltal i API:t (?measure=…)."
    )

    class Meta:
        model = Measure
        fields = ["slug", "name", "unit", "definition", "source", "key_figures"]

    @extend_schema_field(serializers.URLField)
    def get_key_figures(self, obj) -> str:
        path = reverse("api:key-figure-list") + "?" + urlencode({"measure": obj.slug})
        return self.context["request"].build_absolute_uri(path)


class PersonSerializer(PublicPageMixin, serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True
    )
    url = PageUrlField()

    class Meta:
        model = Person
        fields = ["slug", "name", "title", "organization", "municipality", "url"]


def detail_urls(request) -> DetailUrls:
    """Return the builder of figure page addresses on the host the request came to."""
    return DetailUrls(request.build_absolute_uri("/").rstrip("/"))


class KeyFigureListSerializer(serializers.ListSerializer):
    """A page of figures: one address builder for the page, then one record per row.

    DRF would ask the child for each row, which looks the context up through the
    serializer tree twice per row; a page of 500 makes that add up.
    """

    def to_representation(self, data):
        url_for = detail_urls(self.context["request"])
        return [key_figure_record(row, url_for=url_for) for row in data]


class KeyFigureSerializer(serializers.ModelSerializer):
    """A key figure with the field names of the export_conference JSON.

    The declared fields document the schema; the representation itself comes from
    the exports' record function over the same plain rows, so the API and the JSON
    export cannot drift apart.
    """

    value = serializers.DecimalField(
        max_digits=20, decimal_places=4, coerce_to_string=False, read_only=True
    )
    municipality = serializers.CharField(
        allow_null=True,
        read_only=True,
        help_text="Kommunkod (fyra siffror), 0000 för Riket, null för GR som helhet.",
    )
    measure = serializers.CharField(
        allow_null=True,
        read_only=True,
        help_text="Måttets slug (filtret measure): siffror som mäter samma sak.",
    )
    measure_name = serializers.CharField(
        allow_null=True, read_only=True, help_text="Måttets namn."
    )
    area = serializers.CharField(read_only=True)
    event = serializers.CharField(read_only=True, help_text="Evenemangets slug.")
    event_title = serializers.CharField(read_only=True)
    session = serializers.CharField(
        allow_null=True, read_only=True, help_text="Programpunktens slug."
    )
    session_id = serializers.IntegerField(
        allow_null=True,
        read_only=True,
        help_text="Programpunktens id (filtret session).",
    )
    session_title = serializers.CharField(read_only=True)
    year_unfinished = serializers.BooleanField(read_only=True)
    flags = serializers.ListField(child=serializers.CharField(), read_only=True)
    url = serializers.URLField(read_only=True)

    class Meta:
        model = KeyFigure
        list_serializer_class = KeyFigureListSerializer
        fields = [
            "id",
            "label",
            "value",
            "unit",
            "qualifier",
            "period",
            "year",
            "year_unfinished",
            "scope",
            "municipality",
            "area",
            "event",
            "event_title",
            "session",
            "session_id",
            "session_title",
            "source_text",
            "review_status",
            "flags",
            "url",
            "measure_name",
            "measure",
        ]

    def to_representation(self, instance):
        """Represent a row of exports.record_rows() (the view's queryset)."""
        return key_figure_record(instance, url_for=detail_urls(self.context["request"]))
