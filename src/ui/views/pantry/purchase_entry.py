"""The fast purchase entry: product, packages, price, supplier, date; Enter saves and clears."""

from __future__ import annotations

import tkinter
from collections.abc import Sequence
from functools import partial

import customtkinter as ctk

from src.services.formatting import format_date
from src.services.products import ProductView
from src.services.purchases import PurchaseInput, PurchaseView, record_purchase
from src.services.quantity_format import format_money, format_number
from src.ui import events, theme
from src.ui.context import AppContext
from src.ui.validation import parse_date, parse_decimal, parse_money
from src.ui.views.pantry.choices import package_text, product_choices
from src.ui.views.pantry.fields import add_picker, choose
from src.ui.widgets.forms import Form
from src.ui.widgets.typeahead import Choice

HINT = "Type a few letters of the product and pick it. Enter saves and clears for the next item."


class PurchaseEntry(ctk.CTkFrame):
    """A card for entering a shopping trip's receipt line by line."""

    def __init__(self, master: tkinter.Misc, ctx: AppContext) -> None:
        super().__init__(master, fg_color=theme.CARD, corner_radius=10)
        self.ctx = ctx
        self.products: dict[int, ProductView] = {}
        ctk.CTkLabel(self, text="Record a purchase", font=theme.heading_font(), anchor="w").pack(
            fill="x", padx=theme.PAD, pady=(theme.PAD - 6, 0)
        )
        self.hint = ctk.CTkLabel(
            self, text=HINT, font=theme.small_font(), text_color=theme.MUTED, anchor="w"
        )
        self.hint.pack(fill="x", padx=theme.PAD, pady=(0, theme.GAP))
        fields = ctk.CTkFrame(self, fg_color="transparent")
        fields.pack(fill="x", padx=theme.PAD, pady=(0, theme.PAD - 10))
        self.form = self._build_form(fields)
        self.add_button = ctk.CTkButton(fields, text="Add purchase", command=self.on_add)
        self.add_button.grid(row=1, column=2, sticky="w", pady=(18, 20))
        for field in self.form.fields.values():
            field.entry.bind("<Return>", lambda _event: self.on_add())
        self.clear()

    def _build_form(self, master: ctk.CTkFrame) -> Form:
        form = Form(master, columns=3)
        self.product = add_picker(form, "Product", (), on_choose=self._product_chosen, width=300)
        form.add("Packages", partial(parse_decimal, positive=True), width=130)
        form.add("Price per package", parse_money, placeholder="$14.99", width=130)
        self.supplier = add_picker(form, "Supplier", (), required=False, width=300)
        form.add("Date", parse_date, width=130)
        return form

    def set_choices(self, products: Sequence[ProductView], suppliers: Sequence[Choice]) -> None:
        self.products = {p.id: p for p in products}
        self.product.set_choices(product_choices(products))
        self.supplier.set_choices(suppliers)

    def on_add(self) -> None:
        values = self.form.values()
        if values is None:
            return
        purchase = record_purchase(
            self.ctx.db,
            PurchaseInput(
                product_id=values["Product"],
                purchase_date=values["Date"],
                packages_bought=values["Packages"],
                price_per_package=values["Price per package"],
                supplier_id=values["Supplier"],
            ),
        )
        self.clear()
        self.product.focus_set()
        self.ctx.publish(events.INVENTORY_CHANGED, _bought(purchase))

    def clear(self) -> None:
        """Ready for the next item: the same date, one package, no product."""
        fields = self.form.fields
        for label in ("Product", "Price per package", "Supplier"):
            fields[label].set_text("")
        choose(self.product, None)
        choose(self.supplier, None)
        fields["Packages"].set_text("1")
        if not fields["Date"].text.strip():
            fields["Date"].set_text(format_date(self.ctx.today()))
        self.hint.configure(text=HINT)

    def _product_chosen(self, choice: Choice) -> None:
        product = self.products[int(choice.key)]
        choose(self.supplier, product.supplier_id)
        if product.latest_price is not None and product.latest_price_date is not None:
            self.hint.configure(
                text=f"Last bought {format_date(product.latest_price_date)} at "
                f"{format_money(product.latest_price)} per {package_text(product)}."
            )


def _bought(purchase: PurchaseView) -> str:
    return (
        f"Bought {format_number(purchase.packages_bought)} × {purchase.product_label} "
        f"for {format_money(purchase.total_price)}."
    )
