"""New / Edit product: which ingredient, brand and name, the package, UPC, supplier, preferred."""

from __future__ import annotations

import tkinter
from collections.abc import Callable
from functools import partial
from typing import Any

import customtkinter as ctk

from src.services.errors import ConversionError
from src.services.products import ProductInput, ProductView, create_product, update_product
from src.ui import events, theme
from src.ui.context import AppContext
from src.ui.dialogs.form_dialog import FormDialog
from src.ui.validation import parse_decimal, required_text
from src.ui.views.pantry.choices import ingredient_choices, supplier_choices
from src.ui.views.pantry.fields import add_picker, add_unit_field, choose, optional_text


class ProductDialog(FormDialog):
    def __init__(
        self,
        parent: tkinter.Misc,
        ctx: AppContext,
        product: ProductView | None = None,
        *,
        ingredient_id: int | None = None,
        on_saved: Callable[[ProductView], None] | None = None,
    ) -> None:
        title = "Edit product" if product else "New product"
        super().__init__(
            parent, title, columns=2, width=600, field_errors={ConversionError: "Unit"}
        )
        self.ctx = ctx
        self.product = product
        self.on_saved = on_saved
        form = self.form
        self.ingredient = add_picker(form, "Ingredient", ingredient_choices(ctx.db))
        form.add("Brand", optional_text, placeholder="King Arthur")
        form.add("Name", required_text, placeholder="Bread flour")
        form.add("Package type", optional_text, placeholder="bag, sack, carton")
        form.add("Package quantity", partial(parse_decimal, positive=True), placeholder="25")
        add_unit_field(form, placeholder="lb")
        form.add("UPC", optional_text)
        self.supplier = add_picker(form, "Supplier", supplier_choices(ctx.db), required=False)
        self.preferred = ctk.CTkCheckBox(
            self.body, text="Preferred product for this ingredient ★", font=theme.body_font()
        )
        self.preferred.pack(anchor="w", pady=(theme.GAP // 2, theme.GAP))
        self._fill(product, ingredient_id)

    def _fill(self, product: ProductView | None, ingredient_id: int | None) -> None:
        choose(self.ingredient, product.ingredient_id if product else ingredient_id)
        if product is None:
            return
        fields = self.form.fields
        fields["Brand"].set_text(product.brand or "")
        fields["Name"].set_text(product.name)
        fields["Package type"].set_text(product.package_type or "")
        fields["Package quantity"].set_text(format(product.package_quantity.normalize(), "f"))
        fields["Unit"].set_text(product.package_unit.value)
        fields["UPC"].set_text(product.upc or "")
        choose(self.supplier, product.supplier_id)
        if product.is_preferred:
            self.preferred.select()

    def save(self, values: dict[str, Any]) -> None:
        data = ProductInput(
            ingredient_id=values["Ingredient"],
            name=values["Name"],
            package_quantity=values["Package quantity"],
            package_unit=values["Unit"],
            brand=values["Brand"],
            package_type=values["Package type"],
            upc=values["UPC"],
            supplier_id=values["Supplier"],
            is_preferred=bool(self.preferred.get()),
            notes=self.product.notes if self.product else None,
        )
        if self.product is None:
            saved = create_product(self.ctx.db, data)
        else:
            saved = update_product(self.ctx.db, self.product.id, data)
        self.ctx.publish(events.CATALOG_CHANGED, f"Saved product {saved.label}.")
        if self.on_saved is not None:
            self.on_saved(saved)
