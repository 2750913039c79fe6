"""Purchases: the fast entry for a trip to the store, opening balances, and recent purchases."""

from __future__ import annotations

import tkinter

import customtkinter as ctk

from src.services.formatting import format_count
from src.services.pages import Page
from src.services.products import list_products
from src.services.purchases import RECENT, PurchaseView, list_purchases, purchases_page
from src.services.quantity_format import format_number, format_unit_price
from src.ui import theme
from src.ui.context import AppContext
from src.ui.views.pantry.choices import supplier_choices
from src.ui.views.pantry.opening_balance_dialog import OpeningBalanceDialog
from src.ui.views.pantry.purchase_entry import PurchaseEntry
from src.ui.views.pantry.tab import PantryTab, date_text, money_text
from src.ui.widgets.data_table import Column, Row
from src.ui.widgets.paged_list import PagedList

EMPTY = "No purchases yet. Record the first one above."
EMPTY_RECENTLY = "No purchases in the last 12 months. Record one above."


class PurchasesTab(PantryTab):
    def __init__(self, master: tkinter.Misc, ctx: AppContext) -> None:
        super().__init__(master, ctx)
        self.dialog: OpeningBalanceDialog | None = None
        self.entry = PurchaseEntry(self, ctx)
        self.entry.pack(fill="x", pady=(0, theme.PAD), before=self.toolbar)
        self.title = ctk.CTkLabel(self.toolbar, text="", font=theme.heading_font())
        self.title.pack(side="left")
        self.button("Opening balance…", self.on_opening_balance).pack(side="right", padx=0)
        self.show_older = ctk.CTkSwitch(
            self.toolbar, text="Show older purchases", command=self.show_list,
            font=theme.body_font(),
        )  # fmt: skip
        self.show_older.pack(side="right", padx=(0, theme.PAD))
        self.main_table(
            [
                Column("date", "Bought", width=110, format=date_text),
                Column("product", "Product", width=240),
                Column("supplier", "Supplier", width=130),
                Column("packages", "Packages", width=100, numeric=True),
                Column("price", "Per package", width=120, numeric=True, format=money_text),
                Column("total", "Total", width=100, numeric=True, format=money_text),
                Column("unit_price", "Unit price", width=110, numeric=True),
            ],
            search="Search purchases…",
            empty=EMPTY,
        )
        self.every_year = PagedList(self.table, read=self._every_year, describe=_left_out)

    def refresh(self) -> None:
        self.entry.set_choices(list_products(self.ctx.db), supplier_choices(self.ctx.db))
        self.show_list()

    def show_list(self) -> None:
        """Ten years of shopping is a long list: the last 12 months unless older is asked for,
        and then the newest purchases, a search finding the older ones. (The switch reads the
        list alone: the entry's products and suppliers have not changed.)"""
        every_year = bool(self.show_older.get())
        self.title.configure(text="All purchases" if every_year else "Last 12 months")
        self.table.set_empty_text(EMPTY if every_year else EMPTY_RECENTLY)
        if every_year:
            self.every_year.show()
            return
        self.every_year.stop()
        recent = list_purchases(self.ctx.db, since=self.ctx.today() - RECENT)
        self.table.set_rows([_row(p) for p in recent])

    def _every_year(self, search: str, limit: int) -> Page[Row]:
        page = purchases_page(self.ctx.db, search=search, limit=limit)
        return Page(tuple(_row(p) for p in page.rows), page.total)

    def on_opening_balance(self) -> None:
        self.dialog = OpeningBalanceDialog(self, self.ctx)
        self.dialog.show()


def _left_out(shown: int, total: int, searched: bool) -> str:
    of = f"the newest {format_count(shown)} of {format_count(total)} purchases"
    if searched:
        return f"Showing {of} that match. Add a word to narrow the search."
    return f"Showing {of}. Search to find older ones."


def _row(purchase: PurchaseView) -> Row:
    return Row(
        str(purchase.id),
        (
            purchase.purchase_date,
            purchase.product_label,
            purchase.supplier_name or "",
            format_number(purchase.packages_bought),
            purchase.price_per_package,
            purchase.total_price,
            format_unit_price(purchase.unit_cost, purchase.unit),
        ),
    )
