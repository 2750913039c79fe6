"""The shopping list of an event's current plan: by category, as CSV or PDF, "shopping done".

The list comes from the current calculated plan (calculated first when there is none).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby
from pathlib import Path
from typing import Any

from src.models import Unit, utc_now
from src.services.database import Database
from src.services.errors import NotFoundError
from src.services.event_guards import find_event
from src.services.plan import PlanResult, calculate_plan, current_plan, latest_snapshot
from src.services.plan_json import parse_dec
from src.services.quantity_format import format_friendly, format_money
from src.services.shopping_list import ShoppingItem

REPORT_KEYS = (
    "ingredient", "needed", "on_hand", "to_buy", "unit", "product", "packages", "cost", "leftover",
)  # fmt: skip
CSV_HEADER = ["Category", "Ingredient", "Needed", "On hand", "To buy", "Unit", "Product",
              "Packages", "Cost", "Leftover"]  # fmt: skip


@dataclass(frozen=True)
class ShoppingGroup:
    category: str
    items: tuple[ShoppingItem, ...]


@dataclass(frozen=True)
class ShoppingList:
    event: str
    groups: tuple[ShoppingGroup, ...]
    total_cost: Decimal | None  # None when something to buy has no price
    shopping_complete: bool
    is_stale: bool
    stale_reasons: tuple[str, ...]


def shopping_list(db: Database, event_slug: str) -> ShoppingList:
    """The current plan's shopping list grouped by category. Raises NotFoundError."""
    plan = _plan(db, event_slug)
    listing = plan.results["shopping_list"]
    items = [ShoppingItem.from_json(item) for item in listing["items"]]
    groups = tuple(
        ShoppingGroup(category, tuple(members))
        for category, members in groupby(items, key=lambda item: item.category)
    )
    return ShoppingList(
        plan.event,
        groups,
        parse_dec(listing["total_cost"]),
        plan.shopping_complete,
        plan.is_stale,
        plan.stale_reasons,
    )


def shopping_report(db: Database, event_slug: str) -> dict[str, Any]:
    """The list as the CLI prints it (`shopping-list --json`). Raises NotFoundError."""
    plan = _plan(db, event_slug)
    listing = plan.results["shopping_list"]
    return {
        "event": plan.event,
        "items": [{key: item[key] for key in REPORT_KEYS} for item in listing["items"]],
        "total_cost": listing["total_cost"],
    }


def export_shopping_csv(db: Database, event_slug: str, path: Path) -> Path:
    """Write the shopping list as CSV (exact numbers, base units). Raises NotFoundError."""
    listing = shopping_list(db, event_slug)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
        for group in listing.groups:
            writer.writerows(_csv_row(item) for item in group.items)
        writer.writerow(["Total", "", "", "", "", "", "", "", _money_text(listing.total_cost), ""])
    return path


def export_shopping_pdf(db: Database, event_slug: str, path: Path) -> Path:
    """Write a printable shopping list (what to buy, by category). Raises NotFoundError."""
    from fpdf import FPDF  # fpdf2 takes about a third of start-up: load it on first PDF

    listing = shopping_list(db, event_slug)
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, _latin(f"Shopping list: {listing.event}"), new_x="LMARGIN", new_y="NEXT")
    for group in listing.groups:
        to_buy = [item for item in group.items if item.to_buy > 0]
        if to_buy:
            pdf.set_font("Helvetica", "B", 12)
            pdf.cell(0, 8, _latin(group.category), new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "", 11)
            for item in to_buy:
                pdf.cell(0, 6, _latin(f"[  ] {_buy_text(item)}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 10, _latin(f"Estimated total: {format_money(listing.total_cost)}"))
    pdf.output(str(path))
    return path


def mark_shopping_done(db: Database, event_slug: str, done: bool = True) -> None:
    """Mark (or unmark) the current plan's shopping as done. Raises NotFoundError."""
    with db.transaction() as s:
        event = find_event(s, event_slug)
        snapshot = latest_snapshot(s, event.id)
        if snapshot is None:
            raise NotFoundError(f"{event.name} has no calculated plan yet; calculate it first.")
        snapshot.shopping_complete = done
        snapshot.shopping_completed_at = utc_now() if done else None


def _plan(db: Database, event_slug: str) -> PlanResult:
    return current_plan(db, event_slug) or calculate_plan(db, event_slug)


def _csv_row(item: ShoppingItem) -> list[str]:
    numbers = [item.needed, item.on_hand, item.to_buy]
    return [
        item.category,
        item.name,
        *(format(n, "f") for n in numbers),
        item.unit,
        item.product or "",
        str(item.packages),
        _money_text(item.cost),
        format(item.leftover, "f"),
    ]


def _money_text(amount: Decimal | None) -> str:
    return "unknown" if amount is None else format(amount, "f")


def _buy_text(item: ShoppingItem) -> str:
    amount = format_friendly(item.to_buy, Unit(item.unit))
    if item.product is None:
        return f"{item.name}: {amount} (no product on file)"
    return f"{item.name}: {amount} -> {item.packages} x {item.product} ({format_money(item.cost)})"


def _latin(text: str) -> str:
    """The PDF's core font is Latin-1; anything outside it prints as '?'."""
    return text.encode("latin-1", "replace").decode("latin-1")
