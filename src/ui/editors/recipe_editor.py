"""The recipe editor: details, ingredient lines, components and yields, one tab each."""

from __future__ import annotations

import tkinter

import customtkinter as ctk

from src.services.finished_units import (
    FinishedUnitInput,
    add_finished_unit,
    delete_finished_unit,
    update_finished_unit,
)
from src.services.ingredients import list_ingredients
from src.services.recipes import (
    RecipeInput,
    RecipeView,
    create_recipe,
    list_recipes,
    recipe_categories,
    update_recipe,
)
from src.ui import events, theme
from src.ui.context import AppContext
from src.ui.editors.base import EditorDialog
from src.ui.editors.recipe_panels import ComponentsPanel, DetailsPanel, LinesPanel, YieldsPanel
from src.ui.widgets.row_editor import EditRow

TABS = ("Recipe", "Ingredients", "Components", "Yields")


class RecipeEditor(EditorDialog):
    """New recipe (recipe None) or edit one. Open with .show()."""

    event = events.RECIPES_CHANGED

    def __init__(self, parent: tkinter.Misc, ctx: AppContext, recipe: RecipeView | None) -> None:
        title = f"Edit {recipe.name}" if recipe else "New recipe"
        super().__init__(parent, ctx, title, width=780)
        self.recipe_id = recipe.id if recipe else None
        self._saved_units = {u.id for u in recipe.finished_units} if recipe else set()
        self.tabs = ctk.CTkTabview(self.body, height=360, anchor="w")
        self.tabs.pack(fill="both", expand=True)
        pages = {name: self.tabs.add(name) for name in TABS}
        self.details = DetailsPanel(pages["Recipe"], recipe_categories(ctx.db))
        self.lines = LinesPanel(pages["Ingredients"], list_ingredients(ctx.db))
        others = [r for r in list_recipes(ctx.db) if r.id != self.recipe_id]
        self.components = ComponentsPanel(pages["Components"], others)
        self.yields = YieldsPanel(pages["Yields"])
        for panel in (self.details, self.lines, self.components, self.yields):
            panel.pack(fill="both", expand=True, padx=theme.GAP, pady=theme.GAP)
        if recipe is not None:
            for loadable in (self.details, self.lines, self.components, self.yields):
                loadable.load(recipe)
        else:
            self.lines.add_row()

    def save(self) -> str | None:
        data = self._input()
        if data is None:
            return None
        units = self.yields.units()
        if units is None:
            self.tabs.set("Yields")
            return None
        if self.recipe_id is None:
            saved = create_recipe(self.ctx.db, data)
        else:
            saved = update_recipe(self.ctx.db, self.recipe_id, data)
        self.recipe_id = saved.id  # saving again (after a yield problem) updates, not adds
        self._save_units(saved.id, units)
        return f"Saved recipe '{saved.name}'."

    def _input(self) -> RecipeInput | None:
        details = self.details.values()
        lines = self.lines.lines()
        components = self.components.components()
        if details is None or lines is None or components is None:
            parts = zip(TABS, (details, lines, components), strict=False)
            self.tabs.set(next(tab for tab, value in parts if value is None))
            return None
        return RecipeInput(
            name=details.name, category=details.category, lines=tuple(lines),
            components=tuple(components), notes=details.notes, source=details.source,
            is_production_ready=details.is_production_ready, is_archived=details.is_archived,
        )  # fmt: skip

    def _save_units(
        self, recipe_id: int, units: list[tuple[int | None, FinishedUnitInput]]
    ) -> None:
        kept = {unit_id for unit_id, _ in units if unit_id is not None}
        for unit_id in sorted(self._saved_units - kept):
            delete_finished_unit(self.ctx.db, unit_id)
            self._saved_units.discard(unit_id)
        for row, (unit_id, data) in zip(self._yield_rows(), units, strict=True):
            if unit_id is None:
                row.item_id = add_finished_unit(self.ctx.db, recipe_id, data).id
                self._saved_units.add(row.item_id)
            else:
                update_finished_unit(self.ctx.db, unit_id, data)

    def _yield_rows(self) -> list[EditRow]:
        return [row for row in self.yields.rows if not row.is_blank]
