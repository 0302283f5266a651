import pytest

from conference.loader.municipalities import (
    code_of,
    find_municipalities,
    municipality_of,
)


def test_find_municipalities_reads_the_swedish_forms():
    text = "Mölndals stad, Lerums kommun och kollegor i Partille samt Alingsås."

    assert find_municipalities(text) == ["1481", "1441", "1402", "1489"]


@pytest.mark.parametrize(
    "text",
    [
        "Hon forskar vid Lunds universitet.",
        "Göteborgsregionen samordnar.",
        "Studien gjordes i Hjällbo och Araby.",
        "Mark och vatten är viktigt.",
    ],
)
def test_find_municipalities_ignores_universities_regions_districts_and_words(text):
    assert find_municipalities(text) == []


def test_find_municipalities_trusts_an_ambiguous_name_with_kommun():
    assert find_municipalities("Marks kommun deltog.") == ["1463"]


@pytest.mark.parametrize(
    ("organization", "code"),
    [
        ("Arbetsmarknadsenheten Lerums kommun", "1441"),
        ("Mölndals stad", "1481"),
        ("Partille", "1402"),
        ("Högskolan Väst", ""),
        ("", ""),
    ],
)
def test_municipality_of_organisation(organization, code):
    assert municipality_of(organization) == code


def test_find_municipalities_skips_the_place_in_brackets_after_a_municipality():
    text = "Studien gjordes i Botkyrka (Stockholm) och Hjällbo (Göteborg)."

    assert find_municipalities(text) == ["0127", "1480"]


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("Lerum", "1441"),
        ("Vara", "1470"),
        ("Riket", "0000"),
        ("Göteborgs stad", "1480"),
    ],
)
def test_code_of_reads_a_table_cell(cell, code):
    assert code_of(cell) == code
