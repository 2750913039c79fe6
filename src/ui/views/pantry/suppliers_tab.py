"""Suppliers: where you shop, and how much you bought there."""

from __future__ import annotations

import tkinter

from src.services.formatting import humanize
from src.services.suppliers import SupplierView, get_supplier, list_suppliers
from src.ui.context import AppContext
from src.ui.views.pantry.supplier_dialog import SupplierDialog
from src.ui.views.pantry.tab import PantryTab
from src.ui.widgets.data_table import Column, Row

EMPTY = "No suppliers yet. Add the stores you buy from with New…"


class SuppliersTab(PantryTab):
    def __init__(self, master: tkinter.Misc, ctx: AppContext) -> None:
        super().__init__(master, ctx)
        self.dialog: SupplierDialog | None = None
        self.button("New…", self.on_new, primary=True)
        self.button("Edit…", self.on_edit, needs_selection=True)
        self.main_table(
            [
                Column("name", "Supplier", width=220),
                Column("kind", "Kind", width=90),
                Column("where", "Where", width=160),
                Column("website", "Website", width=200),
                Column("products", "Products", width=80, numeric=True),
                Column("purchases", "Purchases", width=90, numeric=True),
            ],
            search="Search suppliers…",
            empty=EMPTY,
            on_activate=self.on_edit,
        )

    def refresh(self) -> None:
        self.table.set_rows([_row(s) for s in list_suppliers(self.ctx.db)])
        self.selection_changed()

    def on_new(self) -> None:
        self.dialog = SupplierDialog(self, self.ctx)
        self.dialog.show()

    def on_edit(self) -> None:
        supplier_id = self.selected_id()
        if supplier_id is not None:
            self.dialog = SupplierDialog(self, self.ctx, get_supplier(self.ctx.db, supplier_id))
            self.dialog.show()


def _row(supplier: SupplierView) -> Row:
    where = ", ".join(part for part in (supplier.city, supplier.state) if part)
    return Row(
        str(supplier.id),
        (
            supplier.name,
            humanize(supplier.kind.value),
            where,
            supplier.website or "",
            supplier.product_count,
            supplier.purchase_count,
        ),
    )
