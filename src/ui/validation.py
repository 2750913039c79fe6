"""Turning what a baker typed into values, with messages that say how to fix it.

Each parser takes the field's label and the raw text and raises ValidationError; the form
widgets show the message under the field.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from src.services.errors import ValidationError

T = TypeVar("T")

UNICODE_FRACTIONS = {"¼": "1/4", "½": "1/2", "¾": "3/4", "⅓": "1/3", "⅔": "2/3", "⅛": "1/8"}
MIXED_NUMBER = re.compile(r"^(?:(?P<whole>\d+)\s+)?(?P<num>\d+)\s*/\s*(?P<den>\d+)$")
THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%b %d, %Y", "%B %d, %Y", "%b %d %Y")
TIME_FORMATS = ("%H:%M", "%I:%M %p", "%I:%M%p")


def required_text(label: str, text: str) -> str:
    """The trimmed text; blank is refused."""
    value = text.strip()
    if not value:
        raise ValidationError(f"{label} is required.")
    return value


def parse_decimal(
    label: str, text: str, *, positive: bool = False, example: str = "2.5"
) -> Decimal:
    """A number such as 2.5, 1 1/2, 3/4 or ½ (kitchen fractions are welcome)."""
    value = _to_decimal(required_text(label, text))
    if value is None or not value.is_finite():
        raise ValidationError(f"{label} must be a number, e.g. {example}.")
    if positive and value <= 0:
        raise ValidationError(f"{label} must be more than 0.")
    if not positive and value < 0:
        raise ValidationError(f"{label} cannot be negative.")
    return value


def parse_whole_number(label: str, text: str, *, positive: bool = True) -> int:
    """A whole number such as 12 (counts of cookies, tins, attendees)."""
    value = parse_decimal(label, text, positive=positive, example="12")
    if value != value.to_integral_value():
        raise ValidationError(f"{label} must be a whole number, e.g. 12.")
    return int(value)


def parse_money(label: str, text: str) -> Decimal:
    """An amount such as 4.99 or $4.99."""
    return parse_decimal(label, text.strip().removeprefix("$"), example="4.99")


def parse_date(label: str, text: str) -> date:
    """A date such as 2026-12-20, 12/20/2026 or Dec 20, 2026."""
    value = required_text(label, text)
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValidationError(f"{label} must be a date, e.g. 2026-12-20.")


def parse_datetime(label: str, text: str) -> datetime:
    """A date and time such as 2026-12-20 14:30 or Dec 20, 2026 2:30 PM (a date alone: 12:00)."""
    value = required_text(label, text).replace(",", " ").upper()
    for day in DATE_FORMATS:
        day = day.replace(",", " ")
        for pattern in (day, *(f"{day} {time}" for time in TIME_FORMATS)):
            try:
                parsed = datetime.strptime(" ".join(value.split()), " ".join(pattern.split()))
            except ValueError:
                continue
            return parsed if pattern != day else parsed.replace(hour=12)
    raise ValidationError(f"{label} must be a date and time, e.g. 2026-12-20 14:30.")


def _to_decimal(text: str) -> Decimal | None:
    for glyph, fraction in UNICODE_FRACTIONS.items():
        text = text.replace(glyph, f" {fraction}")
    text = text.strip()
    if THOUSANDS.match(text):
        text = text.replace(",", "")
    mixed = MIXED_NUMBER.match(text)
    if mixed:
        denominator = int(mixed["den"])
        if denominator == 0:
            return None
        return int(mixed["whole"] or 0) + Decimal(int(mixed["num"])) / denominator
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def optional(parse: Callable[[str, str], T]) -> Callable[[str, str], T | None]:
    """A parser that accepts a blank field as None (e.g. an unknown expiry date)."""

    def parse_optional(label: str, text: str) -> T | None:
        return parse(label, text) if text.strip() else None

    return parse_optional
