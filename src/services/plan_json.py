"""How numbers travel in plan JSON: Decimals as exact strings ("4812.5"), unknown as null."""

from __future__ import annotations

from decimal import Decimal

# A str() this long or shorter has at most 28 digits, which normalize leaves as they are.
_PLAIN_DIGITS = 28


def dec_str(value: Decimal | int) -> str:
    """ "4812.5", "240", "0": exact, no exponent, no trailing zeros (as 28 significant digits
    write it: normalize rounds to the context's precision).

    A plan writes thousands: most are short and their plain str() needs only its trailing
    zeros cut, in half the time of normalizing and formatting."""
    text = str(value)
    if "E" in text or len(text) > _PLAIN_DIGITS:
        text = format(Decimal(value).normalize(), "f")
    elif "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "0") else text


def dec_or_none(value: Decimal | None) -> str | None:
    return None if value is None else dec_str(value)


def parse_dec(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)
