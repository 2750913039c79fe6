"""How quantities and money read on screen: "2.5 lb", "3 ¼ cup", "1.2 kg", "$37.85".

Display only: storage and arithmetic keep full precision.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from decimal import ROUND_HALF_UP, Decimal

from src.models.enums import Unit
from src.services.fraction import Fraction
from src.services.units import convert_exact, factor, to_decimal, to_fraction

_VULGAR = {
    Fraction(1, 8): "⅛", Fraction(1, 4): "¼", Fraction(1, 3): "⅓", Fraction(3, 8): "⅜",
    Fraction(1, 2): "½", Fraction(5, 8): "⅝", Fraction(2, 3): "⅔", Fraction(3, 4): "¾",
    Fraction(7, 8): "⅞",
}  # fmt: skip
_KITCHEN_UNITS = {Unit.CUP, Unit.TEASPOON, Unit.TABLESPOON}
# What a kitchen fraction rounds to, in the order that breaks a tie; and each in 24ths.
_CHOICES = (Fraction(0), Fraction(1), *_VULGAR)
_IN_24THS = {int(choice * 24): position for position, choice in enumerate(_CHOICES)}
_24THS = sorted(_IN_24THS)
# format_number's steps for the places lists ask for; friendly_unit's thresholds, exactly, as
# Decimals (a Decimal compared with a Fraction is made a Fraction first).
_STEPS = {2: Decimal("0.01"), 0: Decimal(1)}
_HALF_CUP_ML = to_decimal(factor(Unit.CUP) / 2)
_TABLESPOON_ML = to_decimal(factor(Unit.TABLESPOON))


def format_money(amount: Decimal | None) -> str:
    """ "$37.85"; an unknown amount reads "unknown", never "$0.00"."""
    if amount is None:
        return "unknown"
    rounded = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    return f"{sign}${abs(rounded):,.2f}"


def format_unit_price(amount: Decimal | None, unit: Unit) -> str:
    """A price per unit: "$0.60/lb"; sub-dime prices keep 4 decimals ("$0.0110/g")."""
    if amount is None:
        return "unknown"
    if abs(amount) >= Decimal("0.1"):
        return f"{format_money(amount)}/{unit}"
    return f"${amount.quantize(Decimal('0.0001'), rounding=ROUND_HALF_UP)}/{unit}"


def format_number(value: Decimal, places: int = 2) -> str:
    """At most `places` decimals, trailing zeros dropped: 2.50 → "2.5", 3.0 → "3"."""
    step = _STEPS.get(places) or Decimal(1).scaleb(-places)
    rounded = value.quantize(step, rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_quantity(quantity: Decimal, unit: Unit) -> str:
    """A quantity as a baker writes it: cups and spoons in fractions, the rest in decimals."""
    if unit in _KITCHEN_UNITS:
        return f"{_kitchen_fraction(to_fraction(quantity))} {unit}"
    places = 0 if abs(quantity) >= 100 else 2
    return f"{format_number(quantity, places)} {unit}"


def friendly_unit(quantity_in_base: Decimal, base_unit: Unit) -> Unit:
    """The unit that reads best for a total kept in g, ml or each."""
    amount = abs(quantity_in_base)
    if base_unit is Unit.GRAM:
        return Unit.KILOGRAM if amount >= 1000 else Unit.GRAM
    if base_unit is Unit.MILLILITER:
        if amount >= 1000:
            return Unit.LITER
        if amount >= _HALF_CUP_ML:
            return Unit.CUP
        return Unit.TABLESPOON if amount >= _TABLESPOON_ML else Unit.TEASPOON
    return Unit.EACH


def format_friendly(quantity_in_base: Decimal, base_unit: Unit) -> str:
    """A base-unit total shown in its friendliest unit: 4812.5 g → "4.81 kg"."""
    unit = friendly_unit(quantity_in_base, base_unit)
    if unit is base_unit:  # grams under a kilo, counts: the same digits, no Fraction needed
        return format_quantity(quantity_in_base, unit)
    shown = convert_exact(quantity_in_base, base_unit, unit)
    return format_quantity(Decimal(shown.numerator) / Decimal(shown.denominator), unit)


def _kitchen_fraction(value: Fraction) -> str:
    whole, rest = divmod(value, 1)
    nearest = _nearest_choice(rest)
    if value and abs(nearest - rest) > value * Fraction(3, 100):
        return format_number(Decimal(value.numerator) / Decimal(value.denominator))
    if nearest == 1:
        whole, nearest = whole + 1, Fraction(0)
    if nearest == 0:
        return str(whole)
    return f"{whole} {_VULGAR[nearest]}" if whole else _VULGAR[nearest]


def _nearest_choice(rest: Fraction) -> Fraction:
    """The choice nearest to `rest` (0 ≤ rest < 1), ties to the earlier one. Every choice is
    a whole number of 24ths, so only the two around rest × 24 can be nearest."""
    scaled = rest * 24
    below, above = _24THS[bisect_right(_24THS, scaled) - 1], _24THS[bisect_left(_24THS, scaled)]
    # Which is nearer, on integers: scaled − below against above − scaled.
    twice, between = 2 * scaled.numerator, (below + above) * scaled.denominator
    if twice == between:
        nearest = min(below, above, key=_IN_24THS.__getitem__)
    else:
        nearest = below if twice < between else above
    return _CHOICES[_IN_24THS[nearest]]


def format_stored_quantity(quantity_in_base: Decimal, unit: str) -> str:
    """Like format_friendly, for a unit given as its stored value ("g", "ml", "each")."""
    return format_friendly(quantity_in_base, Unit(unit))
