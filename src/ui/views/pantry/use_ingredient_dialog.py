"""Use an ingredient outside production (a gift, spoilage, a test bake), oldest lots first.

A dry run previews, as the baker types, which lots it takes from, the cost and any shortfall;
Use takes it for real, or refuses a shortfall under the quantity with nothing changed.
"""

from __future__ import annotations

import tkinter
from decimal import Decimal
from functools import partial
from typing import Any

from src.services.choices import ingredient_options
from src.services.errors import ConversionError, ValidationError
from src.services.formatting import format_date
from src.services.ingredients import get_ingredient
from src.services.inventory import ConsumptionView, consume_ingredient
from src.services.quantity_format import format_friendly, format_money, format_quantity
from src.services.stock import StockShortError
from src.services.units import Unit
from src.ui import events, theme
from src.ui.context import AppContext
from src.ui.dialogs.form_dialog import FormDialog
from src.ui.validation import parse_decimal
from src.ui.views.pantry.fields import add_picker, add_unit_field, choose
from src.ui.views.pantry.kind_picker import KindPicker
from src.ui.widgets.typeahead import Choice

PREVIEW_HINT = "Choose the ingredient and enter how much: the lots it takes show here."


class UseIngredientDialog(FormDialog):
    def __init__(
        self, parent: tkinter.Misc, ctx: AppContext, ingredient_id: int | None = None
    ) -> None:
        super().__init__(
            parent,
            "Use ingredient",
            save_text="Use",
            columns=2,
            width=600,
            field_errors={StockShortError: "Quantity", ConversionError: "Unit"},
        )
        self.ctx = ctx
        choices = [Choice(str(i.id), i.name) for i in ingredient_options(ctx.db)]
        self.ingredient = add_picker(
            self.form, "Ingredient", choices, on_choose=self._ingredient_chosen
        )
        self.form.add("Quantity", partial(parse_decimal, positive=True), placeholder="250")
        add_unit_field(self.form, placeholder="g", on_choose=lambda _c: self.update_preview())
        self.kind = KindPicker(self.body, self.form, "What it was for")
        self.form.add("Note", self.kind.parse_note, placeholder="Gift for the neighbours")
        self.preview = self.hint(PREVIEW_HINT)
        self.preview.bind("<Configure>", lambda _event: self._fit_height(), add="+")  # grows
        for field in ("Ingredient", "Quantity", "Unit"):
            self.form.field(field).entry.bind("<KeyRelease>", self._typed, add="+")
        choose(self.ingredient, ingredient_id)  # a chosen one fills in its unit and previews

    def _ingredient_chosen(self, choice: Choice) -> None:
        ingredient = get_ingredient(self.ctx.db, int(choice.key))
        self.form.field("Unit").set_text(ingredient.base_unit.value)
        self.update_preview()

    def _typed(self, _event: tkinter.Event) -> None:
        self.update_preview()

    def update_preview(self) -> None:
        """Show what using this much would take (a dry run), or what is still missing."""
        wanted = self._wanted()
        if wanted is None:
            self.preview.configure(text=PREVIEW_HINT, text_color=theme.MUTED)
            return
        try:
            use = consume_ingredient(self.ctx.db, *wanted, dry_run=True)
        except ConversionError as error:
            self.preview.configure(text=str(error), text_color=theme.ERROR)
            return
        color = theme.ERROR if use.shortfall else theme.MUTED
        self.preview.configure(text=preview_text(use), text_color=color)

    def _wanted(self) -> tuple[int, Decimal, Unit] | None:
        """(ingredient, quantity, unit) as typed so far; None until all three read well."""
        fields = [self.form.field(label) for label in ("Ingredient", "Quantity", "Unit")]
        try:
            ingredient_id, quantity, unit = (f.parser(f.label, f.text) for f in fields)
        except ValidationError:
            return None
        return ingredient_id, quantity, unit

    def save(self, values: dict[str, Any]) -> None:
        use = consume_ingredient(
            self.ctx.db, values["Ingredient"], values["Quantity"], values["Unit"],
            kind=self.kind.kind, note=values["Note"],
        )  # fmt: skip
        amount = format_quantity(use.quantity, use.unit)
        self.ctx.publish(
            events.INVENTORY_CHANGED,
            f"Used {amount} of {use.ingredient_name} ({format_money(use.cost)}).",
        )


def preview_text(use: ConsumptionView) -> str:
    """The lots a use takes from, oldest first, its cost, and what stock lacks."""
    short = f"{format_friendly(use.shortfall, use.base_unit)}: not enough {use.ingredient_name}"
    if not use.takes:
        return f"Short by {short} on hand (none at all)."
    lines = [
        "Takes, oldest first:",
        *(
            f"• {format_quantity(t.quantity, t.unit)} from {t.product_label}, "
            f"bought {format_date(t.purchase_date)} · {format_money(t.cost)}"
            for t in use.takes
        ),
        f"Cost: {format_money(use.cost)}",
    ]
    if use.shortfall:
        lines.append(f"Short by {short} on hand.")
    return "\n".join(lines)
