"""New / Edit ingredient: name, category, kind, density as "1 cup = 125 g", notes."""

from __future__ import annotations

import tkinter
from collections.abc import Callable
from typing import Any

import customtkinter as ctk

from src.services.errors import ConflictError
from src.services.formatting import humanize
from src.services.ingredients import (
    INGREDIENT_KINDS,
    IngredientInput,
    IngredientView,
    create_ingredient,
    ingredient_categories,
    parse_density,
    update_ingredient,
)
from src.ui import events
from src.ui.context import AppContext
from src.ui.dialogs.form_dialog import FormDialog
from src.ui.validation import required_text
from src.ui.views.pantry.fields import labelled, optional_text, service_parser
from src.ui.widgets.typeahead import Choice, TypeAheadEntry

KIND_LABELS = {humanize(kind.value): kind for kind in INGREDIENT_KINDS}


def density_text(label: str, text: str) -> str | None:
    """The density as the service stores it ("1 cup = 125 g"), None when blank."""
    if not text.strip():
        return None
    density = service_parser(parse_density)(label, text)
    return None if density is None else str(density)


class IngredientDialog(FormDialog):
    def __init__(
        self,
        parent: tkinter.Misc,
        ctx: AppContext,
        ingredient: IngredientView | None = None,
        on_saved: Callable[[IngredientView], None] | None = None,
    ) -> None:
        title = "Edit ingredient" if ingredient else "New ingredient"
        super().__init__(parent, title, columns=2, width=600, field_errors={ConflictError: "Name"})
        self.ctx = ctx
        self.ingredient = ingredient
        self.on_saved = on_saved
        categories = [Choice(name, name) for name in ingredient_categories(ctx.db)]
        self.form.add("Name", required_text, placeholder="All-purpose flour")
        self.form.add(
            "Category",
            optional_text,
            entry_factory=lambda master: TypeAheadEntry(
                master, categories, width=260, placeholder_text="Baking"
            ),
        )
        self.form.add("Density", density_text, placeholder="1 cup = 125 g")
        self.form.add("Notes", optional_text)
        self.hint("Density lets recipes in cups use stock bought by weight: a volume = a weight.")
        self.kind = ctk.CTkSegmentedButton(self.body, values=list(KIND_LABELS))
        labelled(self.body, "Kind", self.kind)
        self._fill(ingredient)

    def _fill(self, ingredient: IngredientView | None) -> None:
        self.kind.set(humanize((ingredient.kind if ingredient else INGREDIENT_KINDS[0]).value))
        if ingredient is None:
            return
        fields = self.form.fields
        fields["Name"].set_text(ingredient.name)
        fields["Category"].set_text(ingredient.category)
        fields["Density"].set_text(str(ingredient.density) if ingredient.density else "")
        fields["Notes"].set_text(ingredient.notes or "")

    def save(self, values: dict[str, Any]) -> None:
        data = IngredientInput(
            name=values["Name"],
            category=values["Category"] or "",  # blank: the service files it as Uncategorized
            kind=KIND_LABELS[self.kind.get()],
            density=values["Density"],
            notes=values["Notes"],
        )
        if self.ingredient is None:
            saved = create_ingredient(self.ctx.db, data)
        else:
            saved = update_ingredient(self.ctx.db, self.ingredient.id, data)
        self.ctx.publish(events.CATALOG_CHANGED, f"Saved ingredient {saved.name}.")
        if self.on_saved is not None:
            self.on_saved(saved)
