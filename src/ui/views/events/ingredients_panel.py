"""Ingredient totals of the plan in friendly units, and what the ingredients cost."""

from __future__ import annotations

import tkinter
from collections.abc import Callable
from typing import Any

import customtkinter as ctk

from src.services.plan_json import parse_dec
from src.services.quantity_format import format_money
from src.ui import theme
from src.ui.context import AppContext
from src.ui.views.events.panel import Panel, PlanView, heading, note
from src.ui.widgets.data_table import Column, DataTable, Row


class IngredientsPanel(Panel):
    def __init__(
        self, master: tkinter.Misc, ctx: AppContext, on_change: Callable[[str], None]
    ) -> None:
        super().__init__(master, ctx, on_change)
        heading(self, "Ingredient totals").pack(fill="x")
        note(self, "Everything the batches use, nested recipes (like icing) included.").pack(
            fill="x", pady=(2, theme.GAP)
        )
        self.table = DataTable(
            self,
            columns=[
                Column("ingredient", "Ingredient", width=300),
                Column("amount", "Amount", width=160, numeric=True),
            ],
            search_placeholder="Search ingredients…",
        )
        self.table.set_empty_text("No batches yet, so no ingredients.")
        self.table.pack(fill="both", expand=True)
        self.cost_label = ctk.CTkLabel(self, text="", font=theme.body_font(), anchor="w")
        self.cost_label.pack(fill="x", pady=(theme.GAP, 0))

    def render(self, view: PlanView) -> None:
        super().render(view)
        lines = view.plan.results["ingredients"]
        self.table.set_rows(
            [Row(line["ingredient"], (line["name"], line["display"])) for line in lines]
        )
        self.cost_label.configure(text=cost_text(view.plan.results["cost_estimate"], lines))


def cost_text(estimate: dict[str, Any], lines: list[dict[str, Any]]) -> str:
    """ "Estimated cost: $57.58" or the known part and what has no price yet."""
    total = parse_dec(estimate["total"])
    if total is not None:
        return f"Estimated cost: {format_money(total)}"
    names = {line["ingredient"]: line["name"] for line in lines}
    unpriced = ", ".join(names.get(slug, slug) for slug in estimate["unpriced"])
    known = format_money(parse_dec(estimate["known_total"]))
    return f"Estimated cost: {known} so far; no price yet for {unpriced}."
