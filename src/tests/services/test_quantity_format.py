"""Display rounding: sensible on screen, never in storage."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from src.models import Unit
from src.services.fraction import Fraction
from src.services.quantity_format import (
    _CHOICES,
    _nearest_choice,
    format_friendly,
    format_money,
    format_number,
    format_quantity,
    format_stored_quantity,
    format_unit_price,
)


@pytest.mark.parametrize(
    ("amount", "text"),
    [("37.848553", "$37.85"), ("0.1502", "$0.15"), ("1.8", "$1.80"), ("1234.5", "$1,234.50"),
     ("-2.345", "-$2.35")],
)  # fmt: skip
def test_money(amount: str, text: str) -> None:
    assert format_money(Decimal(amount)) == text


def test_unknown_money_is_not_zero() -> None:
    assert format_money(None) == "unknown"


@pytest.mark.parametrize(
    ("quantity", "unit", "text"),
    [("2.5", Unit.POUND, "2.5 lb"), ("3.25", Unit.CUP, "3 ¼ cup"),
     ("0.5", Unit.TEASPOON, "½ tsp"), ("0.666667", Unit.CUP, "⅔ cup"),
     ("1.2", Unit.KILOGRAM, "1.2 kg"), ("19.5", Unit.EACH, "19.5 each"),
     ("2440.25", Unit.GRAM, "2,440 g"), ("4", Unit.CUP, "4 cup"), ("0.99", Unit.CUP, "1 cup"),
     ("1.4", Unit.CUP, "1 ⅜ cup"), ("1.44", Unit.CUP, "1.44 cup")],
)  # fmt: skip
def test_quantities_read_like_a_baker_writes_them(quantity: str, unit: Unit, text: str) -> None:
    assert format_quantity(Decimal(quantity), unit) == text


@pytest.mark.parametrize(
    ("quantity", "unit", "text"),
    [("4812.5", Unit.GRAM, "4.81 kg"), ("450", Unit.GRAM, "450 g"),
     ("69.0049023125", Unit.MILLILITER, "4 ⅔ tbsp"), ("9.8578431875", Unit.MILLILITER, "2 tsp"),
     ("473.176473", Unit.MILLILITER, "2 cup"), ("19.5", Unit.EACH, "19.5 each"),
     ("450.000", Unit.GRAM, "450 g"), ("1.2E+2", Unit.EACH, "120 each"),
     ("999.995", Unit.GRAM, "1,000 g")],
)  # fmt: skip
def test_friendly_unit_for_base_totals(quantity: str, unit: Unit, text: str) -> None:
    assert format_friendly(Decimal(quantity), unit) == text


def test_format_number_drops_trailing_zeros() -> None:
    assert format_number(Decimal("2.50")) == "2.5"
    assert format_number(Decimal("3.000")) == "3"


def test_a_quantity_with_its_stored_unit_reads_like_a_friendly_one() -> None:
    assert format_stored_quantity(Decimal("4812.5"), "g") == "4.81 kg"
    assert format_stored_quantity(Decimal("19.5"), "each") == "19.5 each"


@pytest.mark.parametrize(
    ("amount", "unit", "text"),
    [("0.5996", Unit.POUND, "$0.60/lb"), ("0.011013", Unit.GRAM, "$0.0110/g"),
     ("4.99", Unit.EACH, "$4.99/each"), (None, Unit.GRAM, "unknown")],
)  # fmt: skip
def test_unit_prices_keep_enough_decimals_to_mean_something(
    amount: str | None, unit: Unit, text: str
) -> None:
    assert format_unit_price(None if amount is None else Decimal(amount), unit) == text


@given(st.fractions(min_value=0, max_value=1).filter(lambda f: f < 1))
def test_the_nearest_kitchen_fraction_is_the_nearest_of_all_choices(rest: Fraction) -> None:
    every_choice = min(_CHOICES, key=lambda choice: abs(choice - rest))
    assert _nearest_choice(rest) == every_choice


@pytest.mark.parametrize(
    ("rest", "nearest"),
    [(Fraction(1, 16), Fraction(0)), (Fraction(17, 48), Fraction(1, 3)),
     (Fraction(15, 16), Fraction(1)), (Fraction(7, 24), Fraction(1, 4))],
)  # fmt: skip
def test_a_tie_goes_to_the_simpler_choice(rest: Fraction, nearest: Fraction) -> None:
    assert _nearest_choice(rest) == nearest
