"""How counts, dates and stored enum values read on screen.

Quantities and money are in quantity_format.py (format_quantity, format_money).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal

from src.services.quantity_format import format_number

_IRREGULAR = (("man", "men"), ("loaf", "loaves"), ("knife", "knives"))
_SIBILANT = re.compile(r"(s|x|z|ch|sh)$")
_CONSONANT_Y = re.compile(r"[^aeiou]y$")


def format_count(value: int) -> str:
    """Whole items with thousands separators: "1,250"."""
    return f"{value:,}"


def format_date(value: date) -> str:
    """A date as "Dec 20, 2026": unambiguous and short."""
    return f"{value:%b} {value.day}, {value.year}"


def local_time(stored: datetime) -> datetime:
    """A stored time (naive UTC) in this computer's time zone (naive)."""
    return stored.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def stored_time(local: datetime) -> datetime:
    """A time the baker typed (local, naive) as it is stored: naive UTC."""
    return local.astimezone(UTC).replace(tzinfo=None)


def format_timestamp(stored: datetime) -> str:
    """A stored time as the baker's local "Dec 20, 2026, 2:30 PM"."""
    local = local_time(stored)
    return f"{format_date(local.date())}, {local.hour % 12 or 12}:{local:%M %p}"


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


def plural(noun: str) -> str:
    """ "Sugar cookie" → "sugar cookies", "gingerbread man" → "gingerbread men"."""
    noun = noun[:1].lower() + noun[1:]
    for singular, many in _IRREGULAR:
        if noun.endswith(singular):
            return noun.removesuffix(singular) + many
    if _CONSONANT_Y.search(noun):
        return noun[:-1] + "ies"
    return noun + "es" if _SIBILANT.search(noun) else noun + "s"


def format_items(count: Decimal | int, name: str) -> str:
    """A count of named things as a baker says it: "36 sugar cookies", "1 tin", "0.5 cake"."""
    noun = name[:1].lower() + name[1:]
    return f"{format_number(Decimal(count))} {plural(noun) if count > 1 else noun}"


def format_yield(per_batch: Decimal, name: str) -> str:
    """What one batch makes: "36 sugar cookies per batch"."""
    return f"{format_items(per_batch, name)} per batch"


def format_percent(value: object) -> str:
    """Progress as "45%", or "—" before there is any (None)."""
    return "—" if value is None else f"{value}%"
