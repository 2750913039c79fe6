"""Save as variant: a copy of a recipe linked to its base ("Sugar cookies (Gluten-free)")."""

from __future__ import annotations

import tkinter

import customtkinter as ctk

from src.services.recipes import duplicate_recipe
from src.ui import events, theme
from src.ui.context import AppContext
from src.ui.editors.base import EditorDialog
from src.ui.editors.recipe_panels import optional_text
from src.ui.validation import required_text
from src.ui.widgets.forms import Form


class VariantDialog(EditorDialog):
    event = events.RECIPES_CHANGED

    def __init__(self, parent: tkinter.Misc, ctx: AppContext, base_id: int, base_name: str) -> None:
        super().__init__(parent, ctx, "Save as variant", save_text="Save variant")
        self.base_id, self.base_name = base_id, base_name
        self.saved_id: int | None = None
        ctk.CTkLabel(
            self.body, text=f"A copy of '{base_name}' with its ingredients, components and "
            "yields, linked to it. Change the copy afterwards.",
            font=theme.body_font(), wraplength=500, justify="left", anchor="w",
        ).pack(fill="x", pady=(0, theme.GAP))  # fmt: skip
        fields = ctk.CTkFrame(self.body, fg_color="transparent")
        fields.pack(fill="x")
        self.form = Form(fields)
        self.form.add("Variant", required_text, width=500, placeholder="Gluten-free")
        self.form.add("New name", optional_text, width=500,
                      placeholder=f"{base_name} (variant) when left blank")  # fmt: skip

    def save(self) -> str | None:
        values = self.form.values()
        if values is None:
            return None
        copy = duplicate_recipe(self.ctx.db, self.base_id, values["Variant"], values["New name"])
        self.saved_id = copy.id
        return f"Saved '{copy.name}' as a variant of '{self.base_name}'."
