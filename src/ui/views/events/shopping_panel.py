"""The shopping list by category: packages to buy, cost, leftover; CSV, PDF, "shopping done".

Where to save is asked of `ctx.files` (the system's save dialog; tests answer with paths).
"""

from __future__ import annotations

import tkinter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import customtkinter as ctk

from src.services.quantity_format import format_friendly, format_money
from src.services.shopping import (
    ShoppingList,
    export_shopping_csv,
    export_shopping_pdf,
    mark_shopping_done,
    shopping_list,
)
from src.services.shopping_list import ShoppingItem
from src.services.units import parse_unit
from src.ui import events, theme
from src.ui.context import AppContext
from src.ui.files import SHOPPING_CSV, SHOPPING_PDF, FileKind
from src.ui.tasks import Progress
from src.ui.views.events.panel import Panel, PlanView, button, title_row
from src.ui.widgets.data_table import Column, DataTable, Row


class ShoppingPanel(Panel):
    def __init__(
        self, master: tkinter.Misc, ctx: AppContext, on_change: Callable[[str], None]
    ) -> None:
        super().__init__(master, ctx, on_change)
        top = title_row(self, "Shopping list")
        top.pack_configure(pady=(0, theme.GAP))
        self.pdf_button = button(top, "Print to PDF…", self.on_pdf, primary=False)
        self.pdf_button.pack(side="right")
        self.csv_button = button(top, "Export CSV…", self.on_csv, primary=False)
        self.csv_button.pack(side="right", padx=(0, theme.GAP))
        self.done_switch = ctk.CTkSwitch(top, text="Shopping done", command=self.on_done)
        self.done_switch.pack(side="right", padx=(0, theme.PAD))
        self.table = DataTable(
            self,
            columns=[
                # Numbers keep a fixed, narrow width so names and packages get the room.
                Column("category", "Category", width=118),
                Column("ingredient", "Ingredient", width=184),
                Column("need", "Need", width=82, numeric=True, stretch=False),
                Column("have", "On hand", width=80, numeric=True, stretch=False),
                Column("buy", "To buy", width=78, numeric=True, stretch=False),
                Column("packages", "Packages", width=208),
                Column("cost", "Cost", width=64, numeric=True, stretch=False),
                Column("leftover", "Leftover", width=84, numeric=True, stretch=False),
            ],
            search_placeholder="Search the list…",
        )
        self.table.set_empty_text("Nothing to buy: no batches yet.")
        self.table.pack(fill="both", expand=True)
        self.total_label = ctk.CTkLabel(self, text="", font=theme.heading_font(), anchor="w")
        self.total_label.pack(fill="x", pady=(theme.GAP, 0))
        self.listing: ShoppingList | None = None

    def render(self, view: PlanView) -> None:
        super().render(view)
        self.listing = shopping_list(self.ctx.db, self.slug)
        rows = [_row(item) for group in self.listing.groups for item in group.items]
        self.table.set_rows(rows)
        self.total_label.configure(text=total_text(self.listing))
        if self.listing.shopping_complete:
            self.done_switch.select()
        else:
            self.done_switch.deselect()

    def on_done(self) -> None:
        done = bool(self.done_switch.get())
        mark_shopping_done(self.ctx.db, self.slug, done)
        # Not changed(): the plan's inputs are the same, so it is not recalculated.
        self.ctx.publish(events.PLAN_CHANGED, "Shopping done." if done else "Shopping not done.")

    def on_csv(self) -> None:
        self._export("Export shopping list", SHOPPING_CSV, export_shopping_csv)

    def on_pdf(self) -> None:
        self._export("Print shopping list to PDF", SHOPPING_PDF, export_shopping_pdf)

    def _export(self, title: str, kind: FileKind, write: Callable[..., Path]) -> None:
        path = self.ctx.files.save(self, kind, f"shopping-{self.slug}{kind.extension}")
        if path is None:
            return
        db, slug = self.ctx.db, self.slug

        def work(_progress: Progress) -> Path:
            return write(db, slug, path)

        self.ctx.run_in_background(title, work, self._saved)

    def _saved(self, path: Path) -> None:
        self.ctx.status.show_message(f"Shopping list saved to {path.name}.")


def total_text(listing: ShoppingList) -> str:
    """ "Estimated total: $19.46", or the priced part and what has no price yet."""
    if listing.total_cost is not None:
        return f"Estimated total: {format_money(listing.total_cost)}"
    to_buy = [item for group in listing.groups for item in group.items if item.to_buy]
    known = sum((item.cost for item in to_buy if item.cost is not None), Decimal(0))
    unpriced = ", ".join(item.name for item in to_buy if item.cost is None)
    return f"Estimated total: {format_money(known)} so far; no price yet for {unpriced}."


def _row(item: ShoppingItem) -> Row:
    unit = parse_unit(item.unit)

    def amount(value: Decimal) -> str:
        return format_friendly(value, unit) if value else ""

    packages = f"{item.packages} × {item.product}" if item.packages else ""
    if item.to_buy and item.product is None:
        packages = "No product on file"
    cost = format_money(item.cost) if item.to_buy else ""
    values = (
        item.category, item.name, amount(item.needed), amount(item.on_hand) or "none",
        amount(item.to_buy) or "—", packages, cost, amount(item.leftover),
    )  # fmt: skip
    return Row(item.ingredient, values)
