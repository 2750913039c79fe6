"""How quantities, money and dates read on screen: rounded for a baker, never "0.666667".

Pure functions over plain values; storage keeps full precision, only display rounds.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")

# Units a baker measures with spoons and cups read best as kitchen fractions ("3 ¼ cup").
FRACTION_UNITS = frozenset({"cup", "tsp", "tbsp"})
KITCHEN_FRACTIONS: tuple[tuple[Decimal, str], ...] = (
    (Decimal(0), ""),
    (Decimal(1) / 8, "⅛"),
    (Decimal(1) / 4, "¼"),
    (Decimal(1) / 3, "⅓"),
    (Decimal(3) / 8, "⅜"),
    (Decimal(1) / 2, "½"),
    (Decimal(5) / 8, "⅝"),
    (Decimal(2) / 3, "⅔"),
    (Decimal(3) / 4, "¾"),
    (Decimal(7) / 8, "⅞"),
    (Decimal(1), ""),
)
FRACTION_TOLERANCE = Decimal("0.02")


def format_money(amount: Decimal | None) -> str:
    """Money as "$37.85"; None (an unknown cost) reads "unknown", never "$0.00"."""
    if amount is None:
        return "unknown"
    cents = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    sign = "-" if cents < 0 else ""
    return f"{sign}${abs(cents):,.2f}"


def format_number(value: Decimal | int) -> str:
    """A quantity rounded to what matters: 4,813 · 12.5 · 2.25 · 0.67 (trailing zeros dropped)."""
    number = Decimal(value)
    magnitude = abs(number)
    places = 0 if magnitude >= 100 else 1 if magnitude >= 10 else 2
    rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def format_quantity(value: Decimal | int, unit: str) -> str:
    """A quantity with its unit: "2.5 lb", "1.2 kg", "3 ¼ cup" (kitchen fractions when they fit)."""
    if unit in FRACTION_UNITS:
        kitchen = _kitchen_fraction(Decimal(value))
        if kitchen is not None:
            return f"{kitchen} {unit}"
    return f"{format_number(value)} {unit}"


def _kitchen_fraction(value: Decimal) -> str | None:
    if value <= 0:
        return None
    whole = int(value)
    rest = value - whole
    for fraction, glyph in KITCHEN_FRACTIONS:
        if abs(rest - fraction) <= FRACTION_TOLERANCE:
            if fraction == 1:
                return str(whole + 1)
            if not glyph:
                return str(whole) if whole else None
            return f"{whole} {glyph}" if whole else glyph
    return None


def format_count(value: int) -> str:
    """Whole items with thousands separators: "1,250"."""
    return f"{value:,}"


def format_date(value: date) -> str:
    """A date as "Dec 20, 2026": unambiguous and short."""
    return f"{value:%b} {value.day}, {value.year}"


def format_days_until(value: date, today: date) -> str:
    """How far away a date is: "today", "tomorrow", "in 12 days", "3 days ago"."""
    days = (value - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


def humanize(value: str) -> str:
    """A stored enum value as words: "in_production" → "In production"."""
    words = value.replace("_", " ").strip()
    return words[:1].upper() + words[1:]
