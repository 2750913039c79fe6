"""How numbers travel in plan JSON: Decimals as exact strings ("4812.5"), unknown as null."""

from __future__ import annotations

from decimal import Decimal


def dec_str(value: Decimal | int) -> str:
    """ "4812.5", "240", "0": exact, no exponent, no trailing zeros."""
    text = format(Decimal(value).normalize(), "f")
    return "0" if text in ("-0", "0") else text


def dec_or_none(value: Decimal | None) -> str | None:
    return None if value is None else dec_str(value)


def parse_dec(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)
