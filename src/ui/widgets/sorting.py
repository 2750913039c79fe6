"""Sort keys that order a column as a baker expects: numbers by value, text naturally."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

DIGITS = re.compile(r"(\d+)")


def sort_key(value: object) -> tuple[Any, ...]:
    """A key comparable across one column's values (None and "" always sort last)."""
    if value is None or value == "":
        return (2,)
    if isinstance(value, bool):
        return (0, int(value))
    if isinstance(value, int | float | Decimal):
        return (0, Decimal(value))
    if isinstance(value, datetime):
        return (0, value.toordinal(), value.time())
    if isinstance(value, date):
        return (0, value.toordinal())
    return (1, natural_key(str(value)))


def natural_key(text: str) -> tuple[Any, ...]:
    """ "Event 2" before "Event 10"; case does not matter."""
    return tuple(int(part) if part.isdigit() else part.casefold() for part in DIGITS.split(text))
