"""Recipes: what each makes and costs; new, edit, save as variant, cost breakdown, delete."""

from __future__ import annotations

import tkinter

import customtkinter as ctk

from src.services.formatting import format_yield
from src.services.recipe_costs import RecipeCostSummary, all_recipe_costs
from src.services.recipes import archive_recipe, delete_recipe, get_recipe
from src.ui import events, theme
from src.ui.context import AppContext
from src.ui.dialogs.base import ModalDialog
from src.ui.editors.cost_breakdown import CostBreakdownDialog
from src.ui.editors.recipe_editor import RecipeEditor
from src.ui.editors.removal import DeleteFlow
from src.ui.editors.variant_dialog import VariantDialog
from src.ui.view import View
from src.ui.views.cells import money_cell
from src.ui.views.toolbar import ListToolbar
from src.ui.widgets.data_table import Column, DataTable, Row

ALL_CATEGORIES = "All categories"
EMPTY = "No recipes yet. Add one with New recipe."


class RecipesView(View):
    title = "Recipes"
    watches = (
        events.RECIPES_CHANGED,
        events.INVENTORY_CHANGED,
        events.CATALOG_CHANGED,
        events.DATABASE_REPLACED,
    )

    def __init__(self, master: tkinter.Misc, ctx: AppContext) -> None:
        super().__init__(master, ctx)
        self.toolbar = ListToolbar(self.header("Recipes", "Cost of one batch from today's pantry"))
        self.toolbar.add("New recipe", self.on_new, primary=True)
        for text, command in (
            ("Edit", self.on_edit),
            ("Save as variant", self.on_variant),
            ("Cost breakdown", self.on_cost),
            ("Delete", self.on_delete),
        ):
            self.toolbar.add(text, command, needs_selection=True)  # fmt: skip
        self.table = DataTable(
            self,
            columns=[
                Column("name", "Recipe", width=230),
                Column("category", "Category", width=120),
                Column("yield", "Makes", width=250),
                Column("batch", "Per batch", width=100, numeric=True, format=money_cell),
                Column("item", "Per item", width=100, numeric=True, format=money_cell),
            ],
            search_placeholder="Search recipes…",
            on_select=lambda keys: self.toolbar.selection_changed(bool(keys)),
            on_activate=lambda _key: self.on_edit(),
        )
        self.table.set_empty_text(EMPTY)
        self.table.pack(fill="both", expand=True, padx=theme.PAD, pady=(0, theme.PAD))
        self.category = ctk.CTkOptionMenu(
            self.table, values=[ALL_CATEGORIES], width=170, command=lambda _c: self._render()
        )
        self.show_archived = ctk.CTkCheckBox(self.table, text="Show archived", command=self.refresh)
        self.show_archived.place(relx=1.0, y=0, anchor="ne")
        self.category.place(relx=1.0, x=-150, y=0, anchor="ne")
        self.costs: list[RecipeCostSummary] = []
        self.dialog: ModalDialog | None = None  # the last dialog opened (tests drive it)
        self.delete_flow: DeleteFlow | None = None

    def refresh(self) -> None:
        self.costs = all_recipe_costs(self.ctx.db, include_archived=bool(self.show_archived.get()))
        categories = sorted({c.category for c in self.costs}, key=str.lower)
        self.category.configure(values=[ALL_CATEGORIES, *categories])
        if self.category.get() not in categories:
            self.category.set(ALL_CATEGORIES)
        self._render()

    def focus_search(self) -> bool:
        return self.table.focus_search()

    # -- actions ----------------------------------------------------------------------------
    def on_new(self) -> None:
        self._open(RecipeEditor(self, self.ctx, None))

    def on_edit(self) -> None:
        recipe_id = self._selected_id()
        if recipe_id is not None:
            self._open(RecipeEditor(self, self.ctx, get_recipe(self.ctx.db, recipe_id)))

    def on_variant(self) -> None:
        chosen = self._selected()
        if chosen is not None:
            self._open(VariantDialog(self, self.ctx, chosen.recipe_id, chosen.name))

    def on_cost(self) -> None:
        recipe_id = self._selected_id()
        if recipe_id is not None:
            self._open(CostBreakdownDialog(self, self.ctx, recipe_id))

    def on_delete(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        db, recipe_id = self.ctx.db, chosen.recipe_id
        self.delete_flow = DeleteFlow(
            self, self.ctx, chosen.name, lambda: delete_recipe(db, recipe_id),
            lambda: archive_recipe(db, recipe_id), events.RECIPES_CHANGED,
        )  # fmt: skip
        self.delete_flow.start()

    # -- helpers ----------------------------------------------------------------------------
    def _render(self) -> None:
        category = self.category.get()
        shown = [c for c in self.costs if category in (ALL_CATEGORIES, c.category)]
        self.table.set_rows([_row(c) for c in shown])
        self.toolbar.selection_changed(bool(self.table.selected_keys()))

    def _open(self, dialog: ModalDialog) -> None:
        self.dialog = dialog
        dialog.show()

    def _selected(self) -> RecipeCostSummary | None:
        keys = self.table.selected_keys()
        return next((c for c in self.costs if keys and str(c.recipe_id) == keys[0]), None)

    def _selected_id(self) -> int | None:
        chosen = self._selected()
        return chosen.recipe_id if chosen is not None else None


def _row(cost: RecipeCostSummary) -> Row:
    name = f"{cost.name} (archived)" if cost.is_archived else cost.name
    makes = " · ".join(format_yield(u.yield_per_batch, u.name) for u in cost.per_unit)
    per_item = cost.per_unit[0].cost_per_unit if cost.per_unit else ""
    return Row(str(cost.recipe_id), (name, cost.category, makes, cost.batch_cost, per_item))
