"""Recipes: what each makes and costs; new, edit, save as variant, cost breakdown, delete.

The rows come from a quick read; the costs (FIFO over current stock for every recipe, slow for
a long list) are worked out off the Tk thread and filled in when they arrive.
"""

from __future__ import annotations

import tkinter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Protocol

import customtkinter as ctk

from src.services.formatting import format_yield
from src.services.recipe_costs import RecipeCostSummary, all_recipe_costs
from src.services.recipes import (
    RecipeYields,
    archive_recipe,
    delete_recipe,
    get_recipe,
    list_recipe_yields,
)
from src.ui import events, theme
from src.ui.context import AppContext
from src.ui.dialogs.base import ModalDialog
from src.ui.editors.cost_breakdown import CostBreakdownDialog
from src.ui.editors.recipe_editor import RecipeEditor
from src.ui.editors.removal import DeleteFlow
from src.ui.editors.variant_dialog import VariantDialog
from src.ui.latest_read import LatestRead
from src.ui.view import View
from src.ui.views.cells import PENDING, money_cell
from src.ui.views.toolbar import ListToolbar
from src.ui.widgets.data_table import Column, DataTable, Row

ALL_CATEGORIES = "All categories"
EMPTY = "No recipes yet. Add one with New recipe."
COSTING = "Working out recipe costs"


class _Yield(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def yield_per_batch(self) -> Decimal: ...


@dataclass(frozen=True)
class _Listed:
    """A recipe as the list shows it; its costs PENDING until they are worked out."""

    recipe_id: int
    name: str
    category: str
    is_archived: bool
    makes: str
    batch: Decimal | str | None  # None: unknown (unpriced)
    per_item: Decimal | str | None  # "": it makes nothing to price one of


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
        self.listed: list[_Listed] = []
        self.costs = LatestRead(ctx.tasks)
        self.dialog: ModalDialog | None = None  # the last dialog opened (tests drive it)
        self.delete_flow: DeleteFlow | None = None

    def refresh(self) -> None:
        db, archived = self.ctx.db, bool(self.show_archived.get())
        recipes = list_recipe_yields(db, include_archived=archived)
        self.listed = [_uncosted(r) for r in recipes]
        categories = sorted({r.summary.category for r in recipes}, key=str.lower)
        self.category.configure(values=[ALL_CATEGORIES, *categories])
        if self.category.get() not in categories:
            self.category.set(ALL_CATEGORIES)
        self._render()
        self.costs.start(COSTING, lambda: all_recipe_costs(db, include_archived=archived),
                         self._costed, self._not_costed)  # fmt: skip

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
    def _costed(self, costs: list[RecipeCostSummary]) -> None:
        self.listed = [_with_costs(c) for c in costs]
        self._render()

    def _not_costed(self, error: BaseException) -> None:
        self.listed = [_unknown(listed) for listed in self.listed]
        self._render()
        self.ctx.errors.show(error)

    def _render(self) -> None:
        category = self.category.get()
        shown = [r for r in self.listed if category in (ALL_CATEGORIES, r.category)]
        self.table.set_rows([_row(r) for r in shown])
        self.toolbar.selection_changed(bool(self.table.selected_keys()))

    def _open(self, dialog: ModalDialog) -> None:
        self.dialog = dialog
        dialog.show()

    def _selected(self) -> _Listed | None:
        keys = self.table.selected_keys()
        return next((r for r in self.listed if keys and str(r.recipe_id) == keys[0]), None)

    def _selected_id(self) -> int | None:
        chosen = self._selected()
        return chosen.recipe_id if chosen is not None else None


def _uncosted(recipe: RecipeYields) -> _Listed:
    summary, yields = recipe.summary, recipe.yields
    return _Listed(summary.id, summary.name, summary.category, summary.is_archived,
                   _makes(yields), PENDING, PENDING if yields else "")  # fmt: skip


def _with_costs(cost: RecipeCostSummary) -> _Listed:
    per_item = cost.per_unit[0].cost_per_unit if cost.per_unit else ""
    return _Listed(cost.recipe_id, cost.name, cost.category, cost.is_archived,
                   _makes(cost.per_unit), cost.batch_cost, per_item)  # fmt: skip


def _unknown(listed: _Listed) -> _Listed:
    """Costs that could not be worked out (the error says why)."""
    per_item = None if listed.per_item == PENDING else listed.per_item  # "" stays blank
    return replace(listed, batch=None, per_item=per_item)


def _makes(yields: Sequence[_Yield]) -> str:
    return " · ".join(format_yield(y.yield_per_batch, y.name) for y in yields)


def _row(listed: _Listed) -> Row:
    name = f"{listed.name} (archived)" if listed.is_archived else listed.name
    return Row(str(listed.recipe_id),
               (name, listed.category, listed.makes, listed.batch, listed.per_item))  # fmt: skip
