"""Ingredients: what recipes use, with stock on hand in friendly units and density."""

from __future__ import annotations

import tkinter
from functools import partial

import customtkinter as ctk

from src.services.formatting import humanize
from src.services.ingredients import (
    IngredientView,
    archive_ingredient,
    delete_ingredient,
    get_ingredient,
    list_ingredients,
)
from src.services.quantity_format import format_friendly
from src.ui import events, theme
from src.ui.context import AppContext
from src.ui.views.pantry.ingredient_dialog import IngredientDialog
from src.ui.views.pantry.removal import DeleteOrArchive
from src.ui.views.pantry.tab import PantryTab
from src.ui.views.pantry.use_ingredient_dialog import UseIngredientDialog
from src.ui.widgets.data_table import Column, Row

EMPTY = "No ingredients yet. Add the first with New…"


class IngredientsTab(PantryTab):
    def __init__(self, master: tkinter.Misc, ctx: AppContext) -> None:
        super().__init__(master, ctx)
        self.dialog: IngredientDialog | UseIngredientDialog | None = None
        self.removal: DeleteOrArchive | None = None
        self.button("New…", self.on_new, primary=True)
        self.button("Edit…", self.on_edit, needs_selection=True)
        self.archive_button = self.button("Archive", self.on_archive, needs_selection=True)
        self.button("Delete", self.on_delete, needs_selection=True)
        self.button("Use…", self.on_use)
        self.show_archived = ctk.CTkSwitch(
            self.toolbar, text="Show archived", command=self.refresh, font=theme.body_font()
        )
        self.show_archived.pack(side="right")
        self.main_table(
            [
                Column("name", "Ingredient", width=220),
                Column("category", "Category", width=130),
                Column("kind", "Kind", width=90),
                Column("density", "Density", width=140),
                Column("base", "Base unit", width=80),
                Column("on_hand", "On hand", width=100, numeric=True),
                Column("products", "Products", width=80, numeric=True),
            ],
            search="Search ingredients…",
            empty=EMPTY,
            on_activate=self.on_edit,
        )
        self._archived: set[int] = set()

    def refresh(self) -> None:
        include = bool(self.show_archived.get())
        self.render(list_ingredients(self.ctx.db, include_archived=include))

    def render(self, ingredients: list[IngredientView]) -> None:
        self._archived = {i.id for i in ingredients if i.is_archived}
        self.table.set_rows([_row(i) for i in ingredients])
        self.selection_changed()

    def selection_changed(self) -> None:
        super().selection_changed()
        archived = self.selected_id() in self._archived
        self.archive_button.configure(text="Restore" if archived else "Archive")

    def on_new(self) -> None:
        self.dialog = IngredientDialog(self, self.ctx, on_saved=self._select)
        self.dialog.show()

    def on_edit(self) -> None:
        ingredient_id = self.selected_id()
        if ingredient_id is not None:
            ingredient = get_ingredient(self.ctx.db, ingredient_id)
            self.dialog = IngredientDialog(self, self.ctx, ingredient, on_saved=self._select)
            self.dialog.show()

    def on_use(self) -> None:
        """Use stock outside production; the selected ingredient (if any) comes chosen."""
        self.dialog = UseIngredientDialog(self, self.ctx, self.selected_id())
        self.dialog.show()

    def on_archive(self) -> None:
        ingredient_id = self.selected_id()
        if ingredient_id is not None:
            self._archive(ingredient_id, ingredient_id not in self._archived)

    def on_delete(self) -> None:
        ingredient_id = self.selected_id()
        if ingredient_id is None:
            return
        name = get_ingredient(self.ctx.db, ingredient_id).name
        self.removal = DeleteOrArchive(
            self,
            self.ctx,
            f"ingredient '{name}'",
            partial(delete_ingredient, self.ctx.db, ingredient_id),
            partial(archive_ingredient, self.ctx.db, ingredient_id),
        )

    def _archive(self, ingredient_id: int, archived: bool) -> None:
        ingredient = archive_ingredient(self.ctx.db, ingredient_id, archived)
        verb = "Archived" if archived else "Restored"
        self.ctx.publish(events.CATALOG_CHANGED, f"{verb} ingredient {ingredient.name}.")

    def _select(self, ingredient: IngredientView) -> None:
        self.table.select([str(ingredient.id)])
        self.selection_changed()


def _row(ingredient: IngredientView) -> Row:
    name = ingredient.name + (" (archived)" if ingredient.is_archived else "")
    return Row(
        str(ingredient.id),
        (
            name,
            ingredient.category,
            humanize(ingredient.kind.value),
            str(ingredient.density) if ingredient.density else "",
            str(ingredient.base_unit),
            format_friendly(ingredient.on_hand, ingredient.base_unit),
            ingredient.product_count,
        ),
    )
