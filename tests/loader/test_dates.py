"""Swedish date phrases and the event date a page gives (no database needed)."""

import datetime

import pytest

from conference.loader.dates import event_date, find_date_phrases, find_dates
from conference.loader.records import Hints


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def phrase_parts(text: str) -> list[tuple[int, int, int | None]]:
    return [(p.day, p.month, p.year) for p in find_date_phrases(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Konferensen hölls 9 april 2025 i Göteborg.", [(9, 4, 2025)]),
        ("Den 9 april samlades alla.", [(9, 4, None)]),
        ("Onsdag 9 april", [(9, 4, None)]),
        ("Onsdagen den 9 april träffades nätverket.", [(9, 4, None)]),
        ("Dagarna 3–4 juni fylldes salen.", [(3, 6, None)]),
        ("den 3-4 juni 2025", [(3, 6, 2025)]),
        ("3 och 4 juni", [(3, 6, None)]),
        ("30 maj–1 juni 2025", [(30, 5, 2025)]),
        ("den 9:e april", [(9, 4, None)]),
        ("tisdag 7/10", [(7, 10, None)]),
        ("Tisdag 7/10 2024 kl. 9–16", [(7, 10, 2024)]),
        ("Datum: 7/10", [(7, 10, None)]),
        ("7/10\nPlats: Stadshuset", [(7, 10, None)]),
        ("2025-03-18", [(18, 3, 2025)]),
        ("Start 2025-03-18T09:00", [(18, 3, 2025)]),
        ("Datum 18.3.2025", [(18, 3, 2025)]),
        ("fredag 3 okt.", [(3, 10, None)]),
        ("12 MAJ 2025", [(12, 5, 2025)]),
    ],
)
def test_find_date_phrases_reads_swedish_forms(text, expected):
    assert phrase_parts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1/3 av deltagarna var nya.",
        "Var 3/4 deltagare svarade.",
        "kl. 10 Jan Berg, rektor",
        "10 Maj Ek inledde.",
        "kl. 18.30 började middagen",
        "Hela 31 februari 2025 är inget datum.",
        "Sedan 2019 har 250 personer fått jobb.",
    ],
)
def test_find_date_phrases_leaves_what_is_not_a_date(text):
    assert find_date_phrases(text) == []


def test_find_dates_places_a_yearless_date_before_every_real_date():
    [(found, start, end)] = find_dates("onsdag 9 april")

    assert (found < datetime.date(1900, 1, 1), start, end) == (True, 0, 14)


def test_find_dates_places_a_yearless_date_in_the_given_year():
    [(found, _, _)] = find_dates("den 3 juni", year=2023)

    assert found == day("2023-06-03")


def test_event_date_staff_date_wins():
    hints = Hints(date=day("2025-01-02"), event_dates=[day("2024-05-05")])

    found = event_date(
        title="Dag", intro="Den 3 juni 2024 möttes vi.", text="", hints=hints
    )

    assert found == day("2025-01-02")


def test_event_date_prefers_a_marked_up_event_date_over_prose():
    hints = Hints(event_dates=[day("2024-10-08")])

    found = event_date(
        title="Dag", intro="Den 3 juni 2024 möttes vi.", text="", hints=hints
    )

    assert found == day("2024-10-08")


def test_event_date_prefers_the_lead_over_dates_deep_in_the_text():
    found = event_date(
        title="Nätverksträff",
        intro="Onsdag 9 april 2025 samlades nätverket.",
        text="Rapporten kom den 2 februari 2025. Onsdag 9 april 2025 samlades nätverket.",
        hints=Hints(),
    )

    assert found == day("2025-04-09")


def test_event_date_takes_the_year_from_the_sentence():
    found = event_date(
        title="Temadag",
        intro="Den 3–4 juni, i Borås 2023, hölls dagarna.",
        text="",
        hints=Hints(),
    )

    assert found == day("2023-06-03")


def test_event_date_takes_the_year_from_the_title():
    found = event_date(
        title="Vårkonferens 2023",
        intro="Onsdagen den 12 april fylldes salen.",
        text="",
        hints=Hints(),
    )

    assert found == day("2023-04-12")


def test_event_date_takes_the_year_from_the_lead_before_the_file_name():
    found = event_date(
        title="Temadag",
        intro="Årets tema var 2022 års nya lag. Den 5 oktober möttes vi.",
        text="",
        hints=Hints(name="temadag-2021.txt"),
    )

    assert found == day("2022-10-05")


@pytest.mark.parametrize(
    "name",
    [
        "temadag-2023.html",
        "https://www.example.se/nyheter/2023/10/temadag.html",
    ],
)
def test_event_date_takes_the_year_from_the_file_name_or_url(name):
    found = event_date(
        title="Temadag",
        intro="Tisdag 7/10 möttes vi.",
        text="",
        hints=Hints(name=name),
    )

    assert found == day("2023-10-07")


def test_event_date_places_a_yearless_date_before_the_publishing_date():
    hints = Hints(published=day("2025-02-10"))

    found = event_date(
        title="Temadag", intro="Den 3 december möttes vi.", text="", hints=hints
    )

    assert found == day("2024-12-03")


def test_event_date_uses_the_weekday_to_pick_the_year_before_publishing():
    # 9 April was a Tuesday in 2024 and a Wednesday in 2025; published in 2025.
    hints = Hints(published=day("2025-06-01"))

    found = event_date(
        title="Dag", intro="Tisdag 9 april möttes vi.", text="", hints=hints
    )

    assert found == day("2024-04-09")


def test_event_date_rejects_a_date_after_the_publishing_date():
    hints = Hints(published=day("2024-03-01"))

    found = event_date(
        title="Dag",
        intro="Nästa träff blir 5 maj 2024.",
        text="Nästa träff blir 5 maj 2024. Vi sågs 20 februari 2024.",
        hints=hints,
    )

    assert found == day("2024-02-20")


def test_event_date_ignores_a_marked_up_date_after_publishing():
    hints = Hints(published=day("2024-03-01"), event_dates=[day("2024-09-01")])

    found = event_date(
        title="Dag", intro="Vi sågs 20 februari 2024.", text="", hints=hints
    )

    assert found == day("2024-02-20")


def test_event_date_reads_a_dateline_as_the_publishing_date_not_the_event():
    text = "Publicerad 2 maj 2025 Den 28 april samlades nätverket."

    found = event_date(title="Dag", intro=text, text=text, hints=Hints())

    assert found == day("2025-04-28")


def test_event_date_ignores_a_title_year_after_the_publishing_date():
    hints = Hints(published=day("2024-11-20"))

    found = event_date(
        title="Inför 2025", intro="Den 6 november möttes vi.", text="", hints=hints
    )

    assert found == day("2024-11-06")


def test_event_date_is_none_when_nothing_gives_a_date():
    found = event_date(
        title="Temadag",
        intro="Många kom och 1/3 av dem var nya.",
        text="Sedan 2019 har 250 personer fått jobb.",
        hints=Hints(name="temadag.txt"),
    )

    assert found is None


def test_event_date_is_none_when_no_year_can_be_known():
    found = event_date(
        title="Temadag", intro="Den 3 juni möttes vi.", text="", hints=Hints()
    )

    assert found is None


def test_event_date_takes_the_year_in_which_the_weekday_agrees():
    found = event_date(
        title="Frukostseminarium om klimatanpassning",
        intro="Seminariet hålls 5 mars. Målet gäller till 2030.\n2025-02-24 09:00",
        text="Dag och tid: Onsdagen den 5 mars klockan 8.30.",
        hints=Hints(),
    )

    assert found == day("2025-03-05")


def test_published_in_text_reads_a_saved_pages_dateline():
    from conference.loader.dates import published_in_text

    text = "Temadag\n\nDen 9 oktober möttes vi.\n\nSidan uppdaterades 2024-10-11\n"

    assert published_in_text(text) == day("2024-10-11")
    assert published_in_text("Den 9 oktober möttes vi.") is None
