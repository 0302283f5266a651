from decimal import Decimal

import pytest

from conference.loader.numbers import (
    contradicts,
    find_dates,
    find_quantities,
    find_years,
    parse_number,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("123 456", Decimal(123456)), ("2,5", Decimal("2.5")), ("7", Decimal(7))],
)
def test_parse_number_reads_swedish_notation(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "qualifier"),
    [
        (
            "Det kostade knappt 12 miljoner kronor.",
            Decimal(12_000_000),
            "SEK",
            "just_under",
        ),
        ("Andelen var 48 % i fjol.", Decimal(48), "percent", ""),
        ("Drygt 300 personer kom.", Decimal(300), "persons", "just_over"),
        ("Väntetiden var 2,5 dagar.", Decimal("2.5"), "days", ""),
        ("Cirka 1 200 hushåll fick stöd.", Decimal(1200), "households", "about"),
        ("Budgeten var 3 mnkr.", Decimal(3_000_000), "SEK", ""),
        ("Hela 56 procent svarade.", Decimal(56), "percent", ""),
    ],
)
def test_find_quantities_normalises_value_unit_and_qualifier(
    sentence, value, unit, qualifier
):
    [quantity] = find_quantities(sentence)

    assert (quantity.value, quantity.unit, quantity.qualifier) == (
        value,
        unit,
        qualifier,
    )


def test_find_quantities_skips_years_dates_phones_references_and_citations():
    sentence = (
        "Den 3 mars 2021 ringde hon 031-123 45 67 om SFS 2010:800 "
        "(Berg och Ek, 2019) och om årskurs 3 under 2020."
    )

    assert find_quantities(sentence) == []


def test_find_quantities_keeps_a_bare_number_without_unit():
    [quantity] = find_quantities("År 2020 var det 154 som fick jobb.")

    assert (quantity.value, quantity.unit) == (Decimal(154), "")


def test_find_years_ignores_dates_and_citations():
    years = find_years("Sedan 2019 (Ek, 2015) och den 4 maj 2020 har det ökat.")

    assert [year for year, _ in years] == [2019]


def test_find_dates_reads_swedish_and_iso_dates():
    dates = find_dates("Den 4 maj 2020 och 2021-03-02.")

    assert [found.isoformat() for found, _, _ in dates] == ["2020-05-04", "2021-03-02"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Den 3–4 juni kom 250 deltagare.",
        "Onsdagen den 9 april kom 250 deltagare.",
        "Tisdag 7/10 kom 250 deltagare.",
    ],
)
def test_find_quantities_skips_dates_without_a_year(sentence):
    quantities = find_quantities(sentence)

    assert [(q.value, q.unit) for q in quantities] == [(Decimal(250), "persons")]


def test_find_dates_leaves_a_fraction_alone():
    assert find_dates("Sedan dess har 1/3 av deltagarna fått jobb.") == []


def test_contradicts_when_just_over_is_far_above_reference():
    assert contradicts("just_over", Decimal(70), Decimal(50)) is True
    assert contradicts("just_over", Decimal(53), Decimal(50)) is False
    assert contradicts("just_under", Decimal(53), Decimal(50)) is True
