from datetime import date
from decimal import Decimal

import pytest

from src.services.formatting import (
    format_count,
    format_date,
    format_days_until,
    format_money,
    format_number,
    format_quantity,
    humanize,
)


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("37.848553"), "$37.85"),
        (Decimal("0.1502"), "$0.15"),
        (Decimal("1234.5"), "$1,234.50"),
        (Decimal("-1.8"), "-$1.80"),
        (Decimal("0.005"), "$0.01"),
        (None, "unknown"),
    ],
)
def test_money_reads_as_dollars_and_cents(amount: Decimal | None, text: str) -> None:
    assert format_money(amount) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("0.666667"), "0.67"),
        (Decimal("2.50"), "2.5"),
        (Decimal("12.34"), "12.3"),
        (Decimal("4812.5"), "4,813"),
        (Decimal("69.005"), "69"),
        (Decimal("3"), "3"),
        (Decimal("-0.001"), "0"),
        (7, "7"),
    ],
)
def test_numbers_are_rounded_to_what_matters(value: Decimal, text: str) -> None:
    assert format_number(value) == text


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (Decimal("2.5"), "lb", "2.5 lb"),
        (Decimal("1.2"), "kg", "1.2 kg"),
        (Decimal("3.25"), "cup", "3 ¼ cup"),
        (Decimal("0.5"), "tsp", "½ tsp"),
        (Decimal("2") / 3, "cup", "⅔ cup"),
        (Decimal("0.99"), "cup", "1 cup"),
        (Decimal("2"), "tbsp", "2 tbsp"),
        (Decimal("1.43"), "cup", "1.43 cup"),
        (Decimal("0.01"), "tsp", "0.01 tsp"),
        (Decimal("19.5"), "each", "19.5 each"),
    ],
)
def test_quantities_read_like_a_recipe(value: Decimal, unit: str, text: str) -> None:
    assert format_quantity(value, unit) == text


def test_counts_dates_and_enum_values_read_as_words() -> None:
    assert format_count(1250) == "1,250"
    assert format_date(date(2026, 12, 20)) == "Dec 20, 2026"
    assert humanize("in_production") == "In production"


@pytest.mark.parametrize(
    ("day", "text"),
    [(20, "today"), (21, "tomorrow"), (19, "yesterday"), (30, "in 10 days"), (17, "3 days ago")],
)
def test_days_until_says_how_far_away_a_date_is(day: int, text: str) -> None:
    assert format_days_until(date(2026, 12, day), date(2026, 12, 20)) == text
