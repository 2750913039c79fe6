"""How counts, dates and stored enum values read on screen.

Quantities and money are in quantity_format.py (format_quantity, format_money).
"""

from __future__ import annotations

from datetime import date


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
