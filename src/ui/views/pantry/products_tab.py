"""Products: the packages you buy, their latest price and stock, and the selected one's prices."""

from __future__ import annotations

import tkinter
from functools import partial

import customtkinter as ctk

from src.services.products import (
    ProductView,
    archive_product,
    delete_product,
    get_product,
    list_products,
    set_preferred_product,
)
from src.services.purchases import PurchaseView, price_history
from src.services.quantity_format import format_number, format_quantity, format_unit_price
from src.ui import events, theme
from src.ui.context import AppContext
from src.ui.views.pantry.choices import ingredient_choices, package_text
from src.ui.views.pantry.product_dialog import ProductDialog
from src.ui.views.pantry.removal import DeleteOrArchive
from src.ui.views.pantry.tab import PantryTab, date_text, money_text
from src.ui.widgets.data_table import Column, DataTable, Row
from src.ui.widgets.typeahead import TypeAheadEntry

EMPTY = "No products yet. A product is what you buy: “King Arthur Bread flour, 25 lb sack”."
NO_HISTORY = "Select a product to see what you paid for it."


class ProductsTab(PantryTab):
    def __init__(self, master: tkinter.Misc, ctx: AppContext) -> None:
        super().__init__(master, ctx)
        self.dialog: ProductDialog | None = None
        self.filter_id: int | None = None  # the ingredient the list shows, None = all
        self.removal: DeleteOrArchive | None = None
        self.button("New…", self.on_new, primary=True)
        self.button("Edit…", self.on_edit, needs_selection=True)
        self.button("Prefer ★", self.on_prefer, needs_selection=True)
        self.button("Delete", self.on_delete, needs_selection=True)
        self.ingredient_filter = TypeAheadEntry(
            self.toolbar,
            on_choose=lambda _c: self.refresh(),
            width=220,
            placeholder_text="All ingredients",
        )
        self.ingredient_filter.pack(side="right")
        self.ingredient_filter.bind("<KeyRelease>", self._filter_typed)
        ctk.CTkLabel(self.toolbar, text="Ingredient", font=theme.body_font()).pack(
            side="right", padx=(0, theme.GAP)
        )
        self.history = self._history_table()
        self.main_table(
            [
                Column("preferred", "★", width=34, stretch=False),
                Column("label", "Product", width=230),
                Column("ingredient", "Ingredient", width=150),
                Column("package", "Package", width=110),
                Column("supplier", "Supplier", width=120),
                Column("price", "Latest price", width=100, numeric=True, format=money_text),
                Column("on_hand", "On hand", width=90, numeric=True),
            ],
            search="Search products…",
            empty=EMPTY,
            on_activate=self.on_edit,
        )

    def _history_table(self) -> DataTable:
        _heading, history = self.detail_table(
            "Price history",
            [
                Column("date", "Bought", width=110, format=date_text),
                Column("supplier", "Supplier", width=160),
                Column("packages", "Packages", width=90, numeric=True),
                Column("price", "Price per package", width=140, numeric=True, format=money_text),
                Column("unit_price", "Unit price", width=120, numeric=True),
            ],
            empty=NO_HISTORY,
        )
        return history

    def refresh(self) -> None:
        self.ingredient_filter.set_choices(ingredient_choices(self.ctx.db))
        key = self.ingredient_filter.selected_key
        self.filter_id = int(key) if key else None
        products = list_products(self.ctx.db, ingredient_id=self.filter_id)
        self.table.set_rows([_row(p) for p in products])
        self.selection_changed()

    def selection_changed(self) -> None:
        super().selection_changed()
        product_id = self.selected_id()
        purchases = [] if product_id is None else price_history(self.ctx.db, product_id)
        self.history.set_rows([_history_row(p) for p in purchases])
        if product_id is not None and not purchases:
            self.history.set_empty_text("Not bought yet: record a purchase in Purchases.")
        else:
            self.history.set_empty_text(NO_HISTORY)

    def on_new(self) -> None:
        self.dialog = ProductDialog(
            self, self.ctx, ingredient_id=self.filter_id, on_saved=self._select
        )
        self.dialog.show()

    def on_edit(self) -> None:
        product_id = self.selected_id()
        if product_id is not None:
            product = get_product(self.ctx.db, product_id)
            self.dialog = ProductDialog(self, self.ctx, product, on_saved=self._select)
            self.dialog.show()

    def on_prefer(self) -> None:
        product_id = self.selected_id()
        if product_id is not None:
            product = set_preferred_product(self.ctx.db, product_id)
            self.ctx.publish(events.CATALOG_CHANGED, f"{product.label} is now preferred.")

    def on_delete(self) -> None:
        product_id = self.selected_id()
        if product_id is None:
            return
        label = get_product(self.ctx.db, product_id).label
        self.removal = DeleteOrArchive(
            self,
            self.ctx,
            f"product '{label}'",
            partial(delete_product, self.ctx.db, product_id),
            partial(archive_product, self.ctx.db, product_id),
        )

    def _filter_typed(self, _event: tkinter.Event) -> None:
        if not self.ingredient_filter.get().strip() and self.filter_id is not None:
            self.refresh()

    def _select(self, product: ProductView) -> None:
        self.table.select([str(product.id)])
        self.selection_changed()


def _row(product: ProductView) -> Row:
    return Row(
        str(product.id),
        (
            "★" if product.is_preferred else "",
            product.label,
            product.ingredient_name,
            package_text(product),
            product.supplier_name or "",
            product.latest_price,
            format_quantity(product.on_hand, product.package_unit),
        ),
    )


def _history_row(purchase: PurchaseView) -> Row:
    return Row(
        str(purchase.id),
        (
            purchase.purchase_date,
            purchase.supplier_name or "",
            format_number(purchase.packages_bought),
            purchase.price_per_package,
            format_unit_price(purchase.unit_cost, purchase.unit),
        ),
    )
