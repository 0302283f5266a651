import pytest
from django.core.management import CommandError, call_command

from conference.demo_data import delete_generated
from conference.models import Event, KeyFigure, Measure
from sessions_app.models import Session
from speakers_app.models import Person
from tests.factories.conference import EventFactory, MeasureFactory

pytestmark = pytest.mark.django_db

SMALL = {"events": 3, "sessions": 12, "people": 5, "key_figures": 300, "verbosity": 0}


def test_generate_demo_data_writes_the_asked_amounts_all_marked():
    call_command("generate_demo_data", **SMALL)
    events = Event.objects.all()
    assert (events.count(), Session.objects.count(), Person.objects.count()) == (
        3,
        12,
        5,
    )
    assert KeyFigure.objects.count() == 300
    assert all(event.title.startswith("[Genererad]") for event in events)
    assert all(event.slug.startswith("genererad-") for event in events)
    assert set(events.values_list("organizer", flat=True)) == {"Genererad testdata"}
    assert not Session.objects.exclude(slug__startswith="genererad-").exists()


def test_generate_demo_data_spreads_figures_over_areas_and_ten_years():
    call_command("generate_demo_data", **SMALL)
    years = set(KeyFigure.objects.values_list("year", flat=True))
    areas = KeyFigure.objects.values("municipality").distinct().count()
    assert years == set(range(2015, 2025))
    assert areas > 100
    assert KeyFigure.objects.filter(scope="region", municipality__isnull=True).exists()
    assert KeyFigure.objects.filter(municipality__code="0000").exists()


def test_generate_demo_data_refuses_to_run_twice():
    call_command("generate_demo_data", **SMALL)
    with pytest.raises(CommandError, match="--replace"):
        call_command("generate_demo_data", **SMALL)
    assert KeyFigure.objects.count() == 300


def test_generate_demo_data_replace_keeps_real_data():
    real = EventFactory(title="Riktig mötesplats", slug="riktig")
    call_command("generate_demo_data", **SMALL)
    call_command("generate_demo_data", replace=True, **{**SMALL, "key_figures": 50})
    assert KeyFigure.objects.count() == 50
    assert Event.objects.filter(pk=real.pk).exists()
    assert Event.objects.count() == 4


def test_generate_demo_data_same_seed_same_values():
    call_command("generate_demo_data", seed=7, **SMALL)
    first = list(KeyFigure.objects.order_by("order").values_list("value", flat=True))
    call_command("generate_demo_data", seed=7, replace=True, **SMALL)
    second = list(KeyFigure.objects.order_by("order").values_list("value", flat=True))
    assert first == second


def test_generate_demo_data_rejects_negative_counts():
    with pytest.raises(CommandError):
        call_command("generate_demo_data", **{**SMALL, "key_figures": -1})


def test_generate_demo_data_keeps_some_drafts_unless_all_published():
    call_command("generate_demo_data", **{**SMALL, "events": 10})
    drafts = Event.objects.filter(is_published=False).count()
    call_command(
        "generate_demo_data",
        replace=True,
        all_published=True,
        **{**SMALL, "events": 10},
    )
    assert drafts == 1
    assert not Event.objects.filter(is_published=False).exists()
    assert not Session.objects.filter(is_published=False).exists()


def test_generate_demo_data_invalidates_cached_pages_and_counts(
    django_capture_on_commit_callbacks,
):
    from conference.content_version import content_version

    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("generate_demo_data", **SMALL)
    assert content_version() != before


def test_generate_demo_data_gives_each_label_a_marked_measure_and_removes_it():
    MeasureFactory(name="Riktigt mått", slug="riktigt")
    call_command("generate_demo_data", **SMALL)

    generated = Measure.objects.filter(slug__startswith="genererad-")
    assert not KeyFigure.objects.filter(measure__isnull=True).exists()
    assert generated.count() == KeyFigure.objects.values("label").distinct().count()

    delete_generated()

    assert list(Measure.objects.values_list("slug", flat=True)) == ["riktigt"]
