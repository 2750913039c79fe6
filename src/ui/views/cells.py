"""How list cells show raw values the services return."""

from __future__ import annotations

from decimal import Decimal

from src.services.quantity_format import format_money

PENDING = "…"  # a cost still being worked out off the Tk thread


def money_cell(value: object) -> str:
    """Money; "unknown" when unpriced (None); blank when there is nothing to price (""); the
    PENDING mark while it is being worked out."""
    if value in ("", PENDING):
        return str(value)
    return format_money(value if isinstance(value, Decimal) else None)
