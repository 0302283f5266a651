from decimal import Decimal
from types import SimpleNamespace

import pytest

from conference.formatting import (
    NBSP,
    format_figure,
    format_number,
    format_value_with_unit,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (197760, f"197{NBSP}760"),
        (Decimal("1.4000"), "1,4"),
        (Decimal("39000000.0000"), f"39{NBSP}000{NBSP}000"),
        (62, "62"),
        (0, "0"),
        (Decimal("-1234.5"), f"-1{NBSP}234,5"),
        (Decimal("3.14159"), "3,14"),
    ],
)
def test_format_number_writes_swedish_numbers(value, expected):
    assert format_number(value) == expected


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (62, "percent", f"62{NBSP}%"),
        (Decimal("1.4"), "days", f"1,4{NBSP}dagar"),
        (1, "persons", f"1{NBSP}person"),
        (115, "persons", f"115{NBSP}personer"),
        (39_000_000, "SEK", f"39{NBSP}mnkr"),
        (27_500_000, "SEK", f"27,5{NBSP}mnkr"),
        (5000, "SEK", f"5{NBSP}000{NBSP}kr"),
        (12, "count", "12"),
    ],
)
def test_format_value_with_unit_uses_swedish_units(value, unit, expected):
    assert format_value_with_unit(value, unit) == expected


def test_format_figure_puts_the_qualifier_first():
    figure = SimpleNamespace(
        value=Decimal("39000000"), unit="SEK", qualifier="just_under"
    )
    assert format_figure(figure) == f"knappt 39{NBSP}mnkr"


def test_format_figure_without_qualifier_is_the_plain_value():
    figure = SimpleNamespace(value=Decimal("62"), unit="percent", qualifier="")
    assert format_figure(figure) == f"62{NBSP}%"
