"""What a recipe costs, ingredient by ingredient: how much, from which lots, unpriced flagged."""

from __future__ import annotations

import tkinter
from decimal import Decimal

import customtkinter as ctk

from src.services.errors import ValidationError
from src.services.formatting import format_items
from src.services.quantity_format import format_friendly, format_money, format_quantity
from src.services.recipe_costs import CostLineView, RecipeCostView, estimate_recipe_cost
from src.services.records import quoted_list
from src.ui import theme
from src.ui.context import AppContext
from src.ui.dialogs.base import ModalDialog
from src.ui.editors.recipe_panels import plain_number
from src.ui.validation import parse_decimal
from src.ui.widgets.data_table import Column, DataTable, Row

UNPRICED = "⚠ "
NO_PRICE = "⚠ no price"


class CostBreakdownDialog(ModalDialog):
    def __init__(self, parent: tkinter.Misc, ctx: AppContext, recipe_id: int) -> None:
        super().__init__(parent, "Cost breakdown", width=960)
        self.ctx = ctx
        self.recipe_id = recipe_id
        self.heading = ctk.CTkLabel(self.body, text="", font=theme.heading_font(), anchor="w")
        self.heading.pack(fill="x")
        self.batches = self._batches_row()
        self.table = DataTable(
            self.body,
            columns=[
                Column("ingredient", "Ingredient", width=190),
                Column("quantity", "Quantity", width=90, numeric=True, stretch=False),
                Column("lots", "Comes from", width=500),
                Column("cost", "Cost", width=90, numeric=True, stretch=False, format=_cost),
            ],
            searchable=False,
            height=9,
        )
        self.table.pack(fill="both", expand=True)
        self.per_unit = _label(self.body, theme.TEXT)
        self.per_unit.pack(fill="x", pady=(theme.GAP, 0))
        self.unpriced_note = _label(self.body, theme.ERROR)
        self.unpriced_note.pack(fill="x", pady=(4, 0))
        self.close_button = self.add_button("Close", self.close, primary=True)
        self.on_batches()

    def on_batches(self) -> None:
        count = self._count()
        if count is not None:
            self.render(estimate_recipe_cost(self.ctx.db, self.recipe_id, count))

    def step(self, change: int) -> None:
        count = self._count()
        if count is not None and count + change > 0:
            self.batches.delete(0, "end")
            self.batches.insert(0, plain_number(count + change))
            self.on_batches()

    def render(self, cost: RecipeCostView) -> None:
        self.heading.configure(text=f"Cost of {cost.recipe_name}")
        self.total.configure(
            text=f"{format_items(cost.batches, 'batch')}: {format_money(cost.total)}"
        )
        self.table.set_rows([_row(line) for line in cost.lines])
        self.per_unit.configure(text="\n".join(
            f"{format_items(u.units_made, u.name)}: {format_money(u.cost_per_unit)} each"
            for u in cost.per_unit
        ) or "No yield set: add one in the recipe to see the cost of each item.")  # fmt: skip
        self.unpriced_note.configure(text=_unpriced_text(cost))

    def _count(self) -> Decimal | None:
        try:
            count = parse_decimal("Batches", self.batches.get(), positive=True, example="7")
        except ValidationError as error:
            self.batches_error.configure(text=str(error))
            self.batches.configure(border_color=theme.ERROR)
            return None
        self.batches_error.configure(text="")
        self.batches.configure(border_color=self._normal_border)
        return count

    def _batches_row(self) -> ctk.CTkEntry:
        row = ctk.CTkFrame(self.body, fg_color="transparent")
        row.pack(fill="x", pady=theme.GAP)
        ctk.CTkLabel(row, text="Batches", font=theme.body_font()).pack(side="left")
        entry = ctk.CTkEntry(row, width=70, justify="right")
        entry.insert(0, "1")
        entry.pack(side="left", padx=(theme.GAP, 0))
        entry.bind("<Return>", lambda _e: self.on_batches())
        entry.bind("<FocusOut>", lambda _e: self.on_batches())
        self._normal_border = entry.cget("border_color")
        for text, change in (("−", -1), ("+", 1)):
            ctk.CTkButton(row, text=text, width=30, command=lambda c=change: self.step(c)).pack(
                side="left", padx=(theme.GAP // 2, 0)
            )
        self.batches_error = _label(row, theme.ERROR)
        self.batches_error.pack(side="left", padx=theme.GAP)
        self.total = ctk.CTkLabel(row, text="", font=theme.heading_font())
        self.total.pack(side="right")
        return entry


def _row(line: CostLineView) -> Row:
    name = f"{UNPRICED}{line.ingredient_name}" if line.unpriced else line.ingredient_name
    quantity = format_friendly(line.quantity, line.unit)
    return Row(str(line.ingredient_id), (name, quantity, lots_text(line), line.cost))


def lots_text(line: CostLineView) -> str:
    """ "2 lb Flour 5 lb bag (Oct 1) + 2.2 kg to buy, at the latest price"."""
    parts = [
        f"{format_quantity(lot.quantity, lot.unit)} {lot.product_label} "
        f"({lot.purchase_date:%b} {lot.purchase_date.day})"
        for lot in line.lots
    ]
    if line.uncovered > 0:
        price = "at the latest price" if line.uncovered_cost is not None else "no price known"
        parts.append(f"{format_friendly(line.uncovered, line.unit)} to buy, {price}")
    return " + ".join(parts)


def _unpriced_text(cost: RecipeCostView) -> str:
    if not cost.unpriced:
        return ""
    return (
        f"{UNPRICED}No price yet for {quoted_list(cost.unpriced, limit=5)}, so the total is "
        f"unknown: the priced ingredients come to {format_money(cost.known_total)}. "
        "Record a purchase to price them."
    )


def _cost(value: object) -> str:
    return format_money(value) if isinstance(value, Decimal) else NO_PRICE


def _label(master: tkinter.Misc, color: tuple[str, str]) -> ctk.CTkLabel:
    return ctk.CTkLabel(
        master, text="", font=theme.body_font(), text_color=color,
        anchor="w", justify="left", wraplength=900,
    )  # fmt: skip
