"""Which recipes the event bakes: a checkbox per recipe; unticking says what demand went."""

from __future__ import annotations

import tkinter
from collections.abc import Callable

import customtkinter as ctk

from src.services.event_demand import (
    RemovedDemand,
    deselect_recipe,
    event_demand,
    select_recipes,
)
from src.services.planning_choices import RecipeChoice, planning_choices
from src.ui import theme
from src.ui.context import AppContext
from src.ui.views.events.panel import Panel, PlanView, heading, note
from src.ui.views.events.plan_actions import DRAFT, IN_PRODUCTION

EDIT_HINT = "Tick the recipes you will bake; demand can use only these."
LOCKED_HINT = {
    IN_PRODUCTION: "Production has started: add items as amendments in Changes; "
    "their recipes are selected with them.",
}
DEFAULT_HINT = "The recipe selection can change only while the plan is a draft (unlock it first)."
EMPTY = "No recipes with a yield yet. Add recipes and what one batch makes in Recipes."


class RecipesPanel(Panel):
    def __init__(
        self, master: tkinter.Misc, ctx: AppContext, on_change: Callable[[str], None]
    ) -> None:
        super().__init__(master, ctx, on_change)
        heading(self, "Recipes for this event").pack(fill="x")
        self.hint = note(self, EDIT_HINT)
        self.hint.pack(fill="x", pady=(2, theme.GAP))
        self.removed_label = ctk.CTkLabel(
            self, text="", font=theme.body_font(), text_color=theme.ERROR, anchor="w",
            justify="left", wraplength=900,
        )  # fmt: skip
        self.list = ctk.CTkScrollableFrame(self, fg_color=theme.CARD, corner_radius=8)
        self.list.pack(fill="both", expand=True)
        self.boxes: dict[str, ctk.CTkCheckBox] = {}
        self._shown: tuple[RecipeChoice, ...] = ()

    def render(self, view: PlanView) -> None:
        super().render(view)
        selected = set(event_demand(self.ctx.db, self.slug).recipes)
        offered = tuple(
            r for r in planning_choices(self.ctx.db).recipes if not r.archived or r.slug in selected
        )
        if offered != self._shown:
            self._build(offered)
        editable = view.state == DRAFT
        for slug, box in self.boxes.items():
            if slug in selected:
                box.select()
            else:
                box.deselect()
            box.configure(state="normal" if editable else "disabled")
        self.hint.configure(
            text=EDIT_HINT if editable else LOCKED_HINT.get(view.state, DEFAULT_HINT)
        )

    def on_toggle(self, slug: str) -> None:
        if self.boxes[slug].get():
            select_recipes(self.ctx.db, self.slug, [slug])
            self.show_removed(None)
            self.changed(f"{self.boxes[slug].cget('text')} selected.")
        else:
            removed = deselect_recipe(self.ctx.db, self.slug, slug)
            self.show_removed(removed)
            self.changed(f"{self.boxes[slug].cget('text')} removed from the event.")

    def show_removed(self, removed: RemovedDemand | None) -> None:
        text = removed_text(removed) if removed is not None else ""
        self.removed_label.configure(text=text)
        if text:
            self.removed_label.pack(fill="x", pady=(0, theme.GAP), before=self.list)
        else:
            self.removed_label.pack_forget()

    def _build(self, offered: tuple[RecipeChoice, ...]) -> None:
        for child in self.list.winfo_children():
            child.destroy()
        self.boxes = {}
        self._shown = offered
        if not offered:
            note(self.list, EMPTY).pack(fill="x", padx=theme.GAP, pady=theme.GAP)
        for recipe in offered:
            row = ctk.CTkFrame(self.list, fg_color="transparent")
            row.pack(fill="x", padx=theme.GAP, pady=4)
            box = ctk.CTkCheckBox(
                row, text=recipe.name, font=theme.body_font(), width=260,
                command=lambda slug=recipe.slug: self.on_toggle(slug),
            )  # fmt: skip
            box.pack(side="left")
            detail = "  ·  ".join([recipe.category, *recipe.yields])
            note(row, detail).pack(side="left", padx=(theme.GAP, 0))
            self.boxes[recipe.slug] = box


def removed_text(removed: RemovedDemand) -> str:
    """What went with a deselected recipe, in one or two sentences."""
    parts = [
        ("Demand removed", removed.items),
        ("Packages removed", removed.assignments),
        ("Batch decisions removed", removed.decisions),
    ]
    said = [f"{label}: {', '.join(names)}." for label, names in parts if names]
    return " ".join(said) if said else "Nothing depended on it."
