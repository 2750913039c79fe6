"""The recipe editor: details, ingredient lines, components and yields, one tab each."""

from __future__ import annotations

import tkinter

import customtkinter as ctk

from src.services.choices import ingredient_options
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

TABS = ("Recipe", "Ingredients", "Components", "Yields")


class RecipeEditor(EditorDialog):
    """New recipe (recipe None) or edit one. Open with .show()."""

    event = events.RECIPES_CHANGED

    def __init__(self, parent: tkinter.Misc, ctx: AppContext, recipe: RecipeView | None) -> None:
        title = f"Edit {recipe.name}" if recipe else "New recipe"
        super().__init__(parent, ctx, title, width=780)
        self.recipe_id = recipe.id if recipe else None
        self.tabs = ctk.CTkTabview(self.body, height=360, anchor="w")
        self.tabs.pack(fill="both", expand=True)
        pages = {name: self.tabs.add(name) for name in TABS}
        self.details = DetailsPanel(pages["Recipe"], recipe_categories(ctx.db))
        self.lines = LinesPanel(pages["Ingredients"], ingredient_options(ctx.db))
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
        """Recipe, lines, components and yields in one service call (one transaction)."""
        data = self._input()
        if data is None:
            return None
        if self.recipe_id is None:
            saved = create_recipe(self.ctx.db, data)
        else:
            saved = update_recipe(self.ctx.db, self.recipe_id, data)
        return f"Saved recipe '{saved.name}'."

    def _input(self) -> RecipeInput | None:
        details = self.details.values()
        lines = self.lines.lines()
        components = self.components.components()
        units = self.yields.units()
        parts = (details, lines, components, units)
        if details is None or lines is None or components is None or units is None:
            self.tabs.set(
                next(tab for tab, value in zip(TABS, parts, strict=True) if value is None)
            )
            return None
        return RecipeInput(
            name=details.name, category=details.category, lines=tuple(lines),
            components=tuple(components), notes=details.notes, source=details.source,
            is_production_ready=details.is_production_ready, is_archived=details.is_archived,
            finished_units=tuple(units),
        )  # fmt: skip
