"""How list cells show raw values the services return."""

from __future__ import annotations

from decimal import Decimal

from src.services.quantity_format import format_money


def money_cell(value: object) -> str:
    """Money; "unknown" when unpriced (None); blank when there is nothing to price ("")."""
    if value == "":
        return ""
    return format_money(value if isinstance(value, Decimal) else None)
