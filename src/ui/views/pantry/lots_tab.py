"""Lots: what is on the shelf, what it is worth, and the selected lot's ledger."""

from __future__ import annotations

import tkinter
from collections.abc import Sequence
from datetime import UTC, datetime

import customtkinter as ctk

from src.services.formatting import format_count, format_date, humanize
from src.services.inventory import (
    LotView,
    MovementView,
    get_lot,
    list_lots,
    lot_history,
    lots_page,
)
from src.services.pages import Page
from src.services.quantity_format import format_quantity, format_unit_price
from src.ui import theme
from src.ui.context import AppContext
from src.ui.views.pantry.adjust_dialog import AdjustDialog
from src.ui.views.pantry.lot_details_dialog import LotDetailsDialog
from src.ui.views.pantry.tab import PantryTab, date_text, money_text
from src.ui.widgets.data_table import Column, DataTable, Row
from src.ui.widgets.paged_list import PagedList

EMPTY = "Nothing on the shelf. Record a purchase or an opening balance in Purchases."
NO_LEDGER = "Select a lot to see every change to it."


class LotsTab(PantryTab):
    def __init__(self, master: tkinter.Misc, ctx: AppContext) -> None:
        super().__init__(master, ctx)
        self.dialog: AdjustDialog | LotDetailsDialog | None = None
        self.lots: dict[int, LotView] = {}
        self.button("Adjust…", self.on_adjust, primary=True, needs_selection=True)
        self.button("Edit details…", self.on_edit_details, needs_selection=True)
        self.show_empty = ctk.CTkSwitch(
            self.toolbar, text="Show empty lots", command=self.refresh, font=theme.body_font()
        )
        self.show_empty.pack(side="right")
        self.ledger = self._ledger_table()
        self.main_table(
            [
                Column("product", "Product", width=165),
                Column("ingredient", "Ingredient", width=110),
                Column("date", "Purchased", width=105, format=date_text),
                Column("initial", "Initial", width=80, numeric=True),
                Column("remaining", "Remaining", width=90, numeric=True),
                Column("unit_cost", "Unit cost", width=95, numeric=True),
                Column("value", "Value", width=80, numeric=True, format=money_text),
                Column("expiry", "Expires", width=100, format=date_text),
                Column("location", "Location", width=95),
            ],
            search="Search lots…",
            empty=EMPTY,
            on_activate=self.on_adjust,
        )
        self.with_empty = PagedList(self.table, read=self._with_empty, describe=_left_out)

    def _ledger_table(self) -> DataTable:
        self.ledger_title, ledger = self.detail_table(
            "Ledger",
            [
                Column("when", "When", width=150, format=_when_text),
                Column("kind", "What", width=120),
                Column("change", "Change", width=100, numeric=True),
                Column("value", "Value", width=100, numeric=True, format=money_text),
                Column("note", "Note", width=260),
            ],
            empty=NO_LEDGER,
        )
        return ledger

    def refresh(self) -> None:
        """The lots in stock; with the empty ones asked for, the newest of those too (years of
        empty lots are a long list), a search finding the older ones."""
        if self.show_empty.get():
            self.with_empty.show()
        else:
            self.with_empty.stop()
            self.table.set_rows(self._rows(list_lots(self.ctx.db)))
        self.selection_changed()

    def _with_empty(self, search: str, limit: int) -> Page[Row]:
        page = lots_page(self.ctx.db, search=search, limit=limit)
        return Page(self._rows(page.rows), page.total)

    def _rows(self, lots: Sequence[LotView]) -> tuple[Row, ...]:
        """The list's rows; the lots kept for the ledger of the one selected."""
        self.lots = {lot.id: lot for lot in lots}
        return tuple(_row(lot) for lot in lots)

    def selection_changed(self) -> None:
        super().selection_changed()
        lot_id = self.selected_id()
        if lot_id is None:
            self.ledger_title.configure(text="Ledger")
            self.ledger.set_rows([])
            return
        lot = self.lots[lot_id]
        self.ledger_title.configure(text=f"Ledger · {lot.product_label}")
        self.ledger.set_rows([_movement_row(m, lot) for m in lot_history(self.ctx.db, lot_id)])

    def on_adjust(self) -> None:
        lot_id = self.selected_id()
        if lot_id is not None:
            self.dialog = AdjustDialog(self, self.ctx, get_lot(self.ctx.db, lot_id))
            self.dialog.show()

    def on_edit_details(self) -> None:
        lot_id = self.selected_id()
        if lot_id is not None:
            self.dialog = LotDetailsDialog(self, self.ctx, get_lot(self.ctx.db, lot_id))
            self.dialog.show()


def _left_out(shown: int, total: int, searched: bool) -> str:
    of = f"{format_count(shown)} of {format_count(total)} lots"
    if searched:
        return (
            f"Showing {of} that match: those in stock and the most recently bought empty "
            "ones. Add a word to narrow the search."
        )
    return (
        f"Showing {of}: every lot in stock and the most recently bought empty ones. "
        "Search to find older ones."
    )


def _row(lot: LotView) -> Row:
    return Row(
        str(lot.id),
        (
            lot.product_label,
            lot.ingredient_name,
            lot.purchase_date,
            format_quantity(lot.initial_quantity, lot.unit),
            format_quantity(lot.remaining_quantity, lot.unit),
            format_unit_price(lot.unit_cost, lot.unit),
            lot.remaining_value,
            lot.expiry_date,
            lot.location or "",
        ),
    )


def _movement_row(movement: MovementView, lot: LotView) -> Row:
    sign = "−" if movement.quantity < 0 else "+"
    value = None if movement.unit_cost is None else movement.quantity * movement.unit_cost
    return Row(
        str(movement.id),
        (
            movement.occurred_at,
            humanize(movement.kind.value),
            f"{sign}{format_quantity(abs(movement.quantity), lot.unit)}",
            value,
            movement.note or "",
        ),
    )


def _when_text(value: object) -> str:
    """The ledger keeps UTC; the baker reads local time."""
    if not isinstance(value, datetime):
        return ""
    local = (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone()
    return f"{format_date(local.date())} {local:%H:%M}"
