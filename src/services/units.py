"""Units of measure: exact factors, conversion (through density), base units, display.

Arithmetic is done in Fractions so that chains such as cup → ml → g through "1 cup = 125 g"
stay exact (3 cup of flour is exactly 375 g); results are returned as Decimal.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import cache, lru_cache

from src.models.enums import Unit
from src.services.errors import ConversionError
from src.services.fraction import Fraction


class Dimension(StrEnum):
    WEIGHT = "weight"
    VOLUME = "volume"
    COUNT = "count"


# Exact factors to the dimension's base unit (g, ml, each), as given in DOMAIN.md.
_FACTORS: dict[Unit, tuple[Dimension, Fraction]] = {
    Unit.GRAM: (Dimension.WEIGHT, Fraction(1)),
    Unit.KILOGRAM: (Dimension.WEIGHT, Fraction(1000)),
    Unit.OUNCE: (Dimension.WEIGHT, Fraction("28.349523125")),
    Unit.POUND: (Dimension.WEIGHT, Fraction("453.59237")),
    Unit.MILLILITER: (Dimension.VOLUME, Fraction(1)),
    Unit.LITER: (Dimension.VOLUME, Fraction(1000)),
    Unit.TEASPOON: (Dimension.VOLUME, Fraction("4.92892159375")),
    Unit.TABLESPOON: (Dimension.VOLUME, Fraction("14.78676478125")),
    Unit.FLUID_OUNCE: (Dimension.VOLUME, Fraction("29.5735295625")),
    Unit.CUP: (Dimension.VOLUME, Fraction("236.5882365")),
    Unit.PINT: (Dimension.VOLUME, Fraction("473.176473")),
    Unit.QUART: (Dimension.VOLUME, Fraction("946.352946")),
    Unit.GALLON: (Dimension.VOLUME, Fraction("3785.411784")),
    Unit.EACH: (Dimension.COUNT, Fraction(1)),
    Unit.DOZEN: (Dimension.COUNT, Fraction(12)),
}

BASE_UNIT = {
    Dimension.WEIGHT: Unit.GRAM,
    Dimension.VOLUME: Unit.MILLILITER,
    Dimension.COUNT: Unit.EACH,
}


@dataclass(frozen=True)
class Density:
    """ "1 cup = 125 g": a volume and the weight it holds."""

    volume_quantity: Decimal
    volume_unit: Unit
    weight_quantity: Decimal
    weight_unit: Unit

    def __post_init__(self) -> None:
        if dimension(self.volume_unit) is not Dimension.VOLUME:
            raise ConversionError(
                f"A density needs a volume first ('1 cup = 125 g'), not '{self.volume_unit}'."
            )
        if dimension(self.weight_unit) is not Dimension.WEIGHT:
            raise ConversionError(
                f"A density needs a weight second ('1 cup = 125 g'), not '{self.weight_unit}'."
            )
        if self.volume_quantity <= 0 or self.weight_quantity <= 0:
            raise ConversionError("Both sides of a density must be more than zero.")

    def grams_per_ml(self) -> Fraction:
        grams = Fraction(self.weight_quantity) * factor(self.weight_unit)
        return grams / (Fraction(self.volume_quantity) * factor(self.volume_unit))

    def __str__(self) -> str:
        volume = f"{_plain(self.volume_quantity)} {self.volume_unit}"
        return f"{volume} = {_plain(self.weight_quantity)} {self.weight_unit}"


def parse_unit(text: str) -> Unit:
    """The Unit for text such as 'cup', 'cups', 'Tbsp', 'fl oz'; ConversionError otherwise."""
    key = " ".join(text.strip().lower().replace(".", "").split())
    unit = _ALIASES.get(key)
    if unit is None:
        known = ", ".join(u.value for u in Unit)
        raise ConversionError(f"'{text}' is not a unit Bake Tracker knows. Use one of: {known}.")
    return unit


def unit_names() -> list[str]:
    """Every unit's name as a baker types it ("g", "cup", "fl oz"), weight, volume, count."""
    return [unit.value for unit in _FACTORS]


def dimension(unit: Unit) -> Dimension:
    return _FACTORS[unit][0]


def units_of(measure: Dimension) -> list[Unit]:
    """The units of a dimension (weight: g, kg, oz, lb)."""
    return [unit for unit, (unit_dimension, _) in _FACTORS.items() if unit_dimension is measure]


def factor(unit: Unit) -> Fraction:
    """How many base units (g, ml or each) one `unit` is."""
    return _FACTORS[unit][1]


def to_fraction(quantity: Decimal | Fraction | int) -> Fraction:
    """The exact Fraction of a quantity (from its integer ratio: for a Decimal, in two-thirds
    of the time the Fraction constructor takes to read one)."""
    return quantity if isinstance(quantity, Fraction) else Fraction(*quantity.as_integer_ratio())


def to_decimal(value: Fraction) -> Decimal:
    """Exact when the fraction terminates; otherwise rounded to 28 significant digits."""
    return ratio_to_decimal(value.numerator, value.denominator)


def ratio_to_decimal(numerator: int, denominator: int) -> Decimal:
    """to_decimal(Fraction(numerator, denominator)), without making the Fraction: the pair
    need not be in lowest terms, as the quotient of two exact integers depends only on its
    value (correctly rounded; its exponent as near to 0 as the value allows)."""
    result = Decimal(numerator) / Decimal(denominator)
    return result.normalize() if result == result.to_integral_value() else result


def tidy(value: Decimal, places: int = 15) -> Decimal:
    """`value` without the dust that converting partial takes back and forth leaves behind
    (30.999999999999999996 eggs → 31). Exact factors need at most 11 decimals (1 tsp =
    4.92892159375 ml), so 15 keeps every real quantity and drops only the dust."""
    if value.as_tuple().exponent >= -places:  # type: ignore[operator]
        return value
    return value.quantize(Decimal(1).scaleb(-places)).normalize() + Decimal(0)


def convert_exact(
    quantity: Decimal | Fraction | int,
    from_unit: Unit,
    to_unit: Unit,
    density: Density | None = None,
    ingredient: str = "this ingredient",
) -> Fraction:
    """`quantity` of `from_unit` expressed in `to_unit`, as an exact Fraction.

    Raises ConversionError naming the ingredient and both units when the conversion needs a
    density the ingredient does not have, or is between incompatible dimensions.
    """
    return to_fraction(quantity) * conversion_ratio(from_unit, to_unit, density, ingredient)


def conversion_ratio(
    from_unit: Unit,
    to_unit: Unit,
    density: Density | None = None,
    ingredient: str = "this ingredient",
) -> Fraction:
    """How many `to_unit` one `from_unit` is (exact; remembered, as hot loops convert the same
    few unit pairs thousands of times). Raises ConversionError as convert_exact does.

    Within a dimension the density plays no part, so it is left out of the remembered key
    rather than hashed (a dataclass of two Decimals) on every call."""
    if dimension(from_unit) is dimension(to_unit):
        return _ratio_within(from_unit, to_unit)
    return _ratio_across(from_unit, to_unit, density, ingredient)


@cache  # one per pair of units of a dimension: 4² + 9² + 2²
def _ratio_within(from_unit: Unit, to_unit: Unit) -> Fraction:
    return factor(from_unit) / factor(to_unit)


@lru_cache(maxsize=16384)
def _ratio_across(
    from_unit: Unit, to_unit: Unit, density: Density | None, ingredient: str
) -> Fraction:
    source, target = dimension(from_unit), dimension(to_unit)
    base = _across(factor(from_unit), source, target, density, ingredient, (from_unit, to_unit))
    return base / factor(to_unit)


def convert(
    quantity: Decimal | Fraction | int,
    from_unit: Unit,
    to_unit: Unit,
    density: Density | None = None,
    ingredient: str = "this ingredient",
) -> Decimal:
    """Like convert_exact, returned as a Decimal."""
    return to_decimal(convert_exact(quantity, from_unit, to_unit, density, ingredient))


def _across(
    base: Fraction,
    source: Dimension,
    target: Dimension,
    density: Density | None,
    ingredient: str,
    units: tuple[Unit, Unit],
) -> Fraction:
    pair = {source, target}
    if pair != {Dimension.WEIGHT, Dimension.VOLUME}:
        raise ConversionError(
            f"Cannot convert {ingredient} from '{units[0]}' to '{units[1]}': "
            f"a {source.value} cannot be turned into a {target.value}."
        )
    if density is None:
        raise ConversionError(
            f"Cannot convert {ingredient} from '{units[0]}' to '{units[1]}' without a density. "
            f"Add one to the ingredient, e.g. '1 cup = 125 g'."
        )
    if source is Dimension.VOLUME:
        return base * density.grams_per_ml()
    return base / density.grams_per_ml()


def base_unit_for(density: Density | None, used_units: Iterable[Unit]) -> Unit:
    """The unit an ingredient's totals and stock are kept in.

    Grams when it can be weighed (it has a density, or some recipe line or product is by
    weight); otherwise ml when something measures it by volume; otherwise each.
    """
    return base_unit_in(density, {dimension(u) for u in used_units})


def base_unit_in(density: Density | None, dims: Collection[Dimension]) -> Unit:
    """base_unit_for of units in the dimensions `dims`."""
    if Dimension.WEIGHT in dims or (density is not None and Dimension.VOLUME in dims):
        return Unit.GRAM
    if Dimension.VOLUME in dims:
        return Unit.MILLILITER
    if Dimension.COUNT in dims:
        return Unit.EACH
    return Unit.GRAM if density is not None else Unit.EACH


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


_ALIASES: dict[str, Unit] = {u.value: u for u in Unit} | {
    "gram": Unit.GRAM, "grams": Unit.GRAM, "gr": Unit.GRAM,
    "kilogram": Unit.KILOGRAM, "kilograms": Unit.KILOGRAM, "kgs": Unit.KILOGRAM,
    "ounce": Unit.OUNCE, "ounces": Unit.OUNCE, "oz wt": Unit.OUNCE,
    "pound": Unit.POUND, "pounds": Unit.POUND, "lbs": Unit.POUND,
    "milliliter": Unit.MILLILITER, "milliliters": Unit.MILLILITER, "millilitre": Unit.MILLILITER,
    "millilitres": Unit.MILLILITER, "mls": Unit.MILLILITER,
    "liter": Unit.LITER, "liters": Unit.LITER, "litre": Unit.LITER, "litres": Unit.LITER,
    "teaspoon": Unit.TEASPOON, "teaspoons": Unit.TEASPOON, "tsps": Unit.TEASPOON,
    "tablespoon": Unit.TABLESPOON, "tablespoons": Unit.TABLESPOON, "tbsps": Unit.TABLESPOON,
    "tbs": Unit.TABLESPOON,
    "floz": Unit.FLUID_OUNCE, "fluid ounce": Unit.FLUID_OUNCE, "fluid ounces": Unit.FLUID_OUNCE,
    "cups": Unit.CUP, "c": Unit.CUP,
    "pint": Unit.PINT, "pints": Unit.PINT,
    "quart": Unit.QUART, "quarts": Unit.QUART,
    "gallon": Unit.GALLON, "gallons": Unit.GALLON,
    "ea": Unit.EACH, "count": Unit.EACH, "piece": Unit.EACH, "pieces": Unit.EACH,
    "whole": Unit.EACH, "large": Unit.EACH, "item": Unit.EACH, "items": Unit.EACH,
    "doz": Unit.DOZEN, "dozens": Unit.DOZEN,
}  # fmt: skip
