"""Opening balance: stock already on the shelf when you start tracking (its price optional)."""

from __future__ import annotations

import tkinter
from functools import partial
from typing import Any

from src.services.formatting import format_date
from src.services.products import ProductView, list_products
from src.services.purchases import OpeningBalanceInput, record_opening_balance
from src.services.quantity_format import format_quantity
from src.ui import events
from src.ui.context import AppContext
from src.ui.dialogs.form_dialog import FormDialog
from src.ui.validation import optional, parse_date, parse_decimal, parse_money
from src.ui.views.pantry.choices import package_text, product_choices
from src.ui.views.pantry.fields import add_picker, optional_text
from src.ui.widgets.typeahead import Choice

HINT = "Choose the product first: the quantity is in its unit, the price per its package."


class OpeningBalanceDialog(FormDialog):
    def __init__(self, parent: tkinter.Misc, ctx: AppContext) -> None:
        super().__init__(parent, "Opening balance", save_text="Add stock", columns=2, width=600)
        self.ctx = ctx
        products = list_products(ctx.db)
        self.products: dict[int, ProductView] = {p.id: p for p in products}
        form = self.form
        self.product = add_picker(
            form, "Product", product_choices(products), on_choose=self._product_chosen
        )
        form.add("Quantity on hand", partial(parse_decimal, positive=True), placeholder="12.5")
        form.add("Price per package", optional(parse_money), placeholder="unknown")
        form.add("As of", parse_date)
        form.add("Location", optional_text, placeholder="Pantry shelf")
        form.field("As of").set_text(format_date(ctx.today()))
        self.unit_hint = self.hint(HINT)

    def _product_chosen(self, choice: Choice) -> None:
        product = self.products[int(choice.key)]
        self.unit_hint.configure(
            text=f"Quantity in {product.package_unit}; price per {package_text(product)} "
            "(leave it blank when you don't know it: the cost shows as unknown)."
        )

    def save(self, values: dict[str, Any]) -> None:
        lot = record_opening_balance(
            self.ctx.db,
            OpeningBalanceInput(
                product_id=values["Product"],
                quantity=values["Quantity on hand"],
                as_of=values["As of"],
                price_per_package=values["Price per package"],
                location=values["Location"],
            ),
        )
        amount = format_quantity(lot.initial_quantity, lot.unit)
        self.ctx.publish(events.INVENTORY_CHANGED, f"Added {amount} of {lot.product_label}.")
