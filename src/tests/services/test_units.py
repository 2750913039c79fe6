"""Exact unit factors and conversions, through density both ways."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from src.models import Unit
from src.services.errors import ConversionError
from src.services.fraction import Fraction
from src.services.units import (
    Density,
    Dimension,
    base_unit_for,
    convert,
    convert_exact,
    parse_unit,
    ratio_to_decimal,
    to_decimal,
    to_fraction,
    unit_names,
    units_of,
)

FLOUR = Density(Decimal(1), Unit.CUP, Decimal(125), Unit.GRAM)


@pytest.mark.parametrize(
    ("unit", "base", "expected"),
    [
        (Unit.POUND, Unit.GRAM, "453.59237"),
        (Unit.OUNCE, Unit.GRAM, "28.349523125"),
        (Unit.KILOGRAM, Unit.GRAM, "1000"),
        (Unit.CUP, Unit.MILLILITER, "236.5882365"),
        (Unit.TABLESPOON, Unit.MILLILITER, "14.78676478125"),
        (Unit.TEASPOON, Unit.MILLILITER, "4.92892159375"),
        (Unit.FLUID_OUNCE, Unit.MILLILITER, "29.5735295625"),
        (Unit.PINT, Unit.MILLILITER, "473.176473"),
        (Unit.QUART, Unit.MILLILITER, "946.352946"),
        (Unit.GALLON, Unit.MILLILITER, "3785.411784"),
        (Unit.LITER, Unit.MILLILITER, "1000"),
        (Unit.DOZEN, Unit.EACH, "12"),
    ],
)
def test_unit_factors_are_exact(unit: Unit, base: Unit, expected: str) -> None:
    assert convert(Decimal(1), unit, base) == Decimal(expected)


def test_spoons_and_cups_relate_exactly() -> None:
    assert convert(Decimal(1), Unit.TABLESPOON, Unit.TEASPOON) == 3
    assert convert(Decimal(1), Unit.CUP, Unit.TABLESPOON) == 16
    assert convert(Decimal(1), Unit.POUND, Unit.OUNCE) == 16
    assert convert(Decimal(1), Unit.GALLON, Unit.CUP) == 16


def test_volume_to_weight_through_density() -> None:
    assert convert(Decimal(3), Unit.CUP, Unit.GRAM, FLOUR, "flour") == Decimal(375)


def test_weight_to_volume_through_density() -> None:
    assert convert(Decimal(375), Unit.GRAM, Unit.CUP, FLOUR, "flour") == Decimal(3)
    assert convert(Decimal(5), Unit.POUND, Unit.CUP, FLOUR, "flour") == Decimal("18.1436948")


def test_round_trip_through_density_is_exact() -> None:
    there = convert_exact(Decimal("2.5"), Unit.POUND, Unit.TABLESPOON, FLOUR, "flour")
    assert convert_exact(there, Unit.TABLESPOON, Unit.POUND, FLOUR, "flour") == Fraction(5, 2)


def test_missing_density_names_ingredient_and_units() -> None:
    with pytest.raises(ConversionError, match=r"Cannot convert Cocoa from 'cup' to 'g'.*density"):
        convert(Decimal(1), Unit.CUP, Unit.GRAM, None, "Cocoa")


def test_count_cannot_become_weight() -> None:
    with pytest.raises(ConversionError, match="'each' to 'g'"):
        convert(Decimal(1), Unit.EACH, Unit.GRAM, FLOUR, "Eggs")


def test_density_must_be_volume_then_weight() -> None:
    with pytest.raises(ConversionError, match="volume first"):
        Density(Decimal(125), Unit.GRAM, Decimal(1), Unit.CUP)
    with pytest.raises(ConversionError, match="more than zero"):
        Density(Decimal(0), Unit.CUP, Decimal(1), Unit.GRAM)
    assert str(FLOUR) == "1 cup = 125 g"


@pytest.mark.parametrize(
    ("text", "unit"),
    [("cups", Unit.CUP), ("Tbsp.", Unit.TABLESPOON), ("fl  oz", Unit.FLUID_OUNCE),
     ("lbs", Unit.POUND), ("g", Unit.GRAM), ("large", Unit.EACH)],
)  # fmt: skip
def test_parse_unit_accepts_common_spellings(text: str, unit: Unit) -> None:
    assert parse_unit(text) is unit


def test_parse_unit_refuses_unknown_with_the_list() -> None:
    with pytest.raises(ConversionError, match=r"'smidgen' is not a unit.*cup"):
        parse_unit("smidgen")


def test_units_of_a_dimension() -> None:
    assert units_of(Dimension.WEIGHT) == [Unit.GRAM, Unit.KILOGRAM, Unit.OUNCE, Unit.POUND]
    assert units_of(Dimension.COUNT) == [Unit.EACH, Unit.DOZEN]


def test_base_unit_is_grams_whenever_it_can_be_weighed() -> None:
    assert base_unit_for(FLOUR, [Unit.CUP]) is Unit.GRAM
    assert base_unit_for(None, [Unit.CUP, Unit.POUND]) is Unit.GRAM
    assert base_unit_for(None, [Unit.TEASPOON, Unit.FLUID_OUNCE]) is Unit.MILLILITER
    assert base_unit_for(None, [Unit.EACH, Unit.DOZEN]) is Unit.EACH
    assert base_unit_for(FLOUR, []) is Unit.GRAM
    assert base_unit_for(None, []) is Unit.EACH


@pytest.mark.parametrize(
    ("value", "tidied"),
    [("30.999999999999999996", "31"), ("2663.98896000000000001129", "2663.98896"),
     ("12246.99399", "12246.99399"), ("69.0049023125", "69.0049023125"), ("0", "0")],
)  # fmt: skip
def test_tidy_removes_conversion_dust_only(value: str, tidied: str) -> None:
    from src.services.units import tidy

    assert str(tidy(Decimal(value))) == tidied


def test_unit_names_list_every_unit_once_in_a_sensible_order() -> None:
    names = unit_names()
    assert names[:2] == ["g", "kg"] and "fl oz" in names and names[-1] == "dozen"
    assert sorted(names) == sorted(u.value for u in Unit)
    assert all(parse_unit(name).value == name for name in names)


@given(
    st.integers(min_value=0, max_value=10**40),
    st.integers(min_value=1, max_value=10**40),
    st.integers(min_value=1, max_value=10**30),
)
def test_a_ratio_makes_the_same_decimal_in_or_out_of_lowest_terms(
    numerator: int, denominator: int, common: int
) -> None:
    exact = to_decimal(Fraction(numerator, denominator))
    unreduced = ratio_to_decimal(numerator * common, denominator * common)
    assert (unreduced, str(unreduced)) == (exact, str(exact))


def test_to_fraction_is_exact_for_decimals_ints_and_fractions() -> None:
    assert to_fraction(Decimal("236.5882365")) == Fraction(473176473, 2000000)
    assert to_fraction(Decimal("-0.125")) == Fraction(-1, 8)
    assert to_fraction(12) == Fraction(12)
    third = Fraction(1, 3)
    assert to_fraction(third) is third
