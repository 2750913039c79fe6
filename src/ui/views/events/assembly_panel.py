"""Can the batches fill the demand? Units made vs needed, and which goods would lack what."""

from __future__ import annotations

import tkinter
from collections.abc import Callable

import customtkinter as ctk

from src.services.feasibility import Feasibility, assembly_feasibility
from src.ui import theme
from src.ui.context import AppContext
from src.ui.views.events.panel import (
    Panel,
    PlanView,
    captioned_table,
    heading,
    plain_table,
)
from src.ui.widgets.data_table import Column, Row


class AssemblyPanel(Panel):
    def __init__(
        self, master: tkinter.Misc, ctx: AppContext, on_change: Callable[[str], None]
    ) -> None:
        super().__init__(master, ctx, on_change)
        heading(self, "Assembly feasibility").pack(fill="x")
        self.verdict = ctk.CTkLabel(self, text="", font=theme.body_font(), anchor="w")
        self.verdict.pack(fill="x", pady=(2, theme.GAP))
        self.units = plain_table(
            self,
            [
                Column("unit", "Finished unit", width=260),
                Column("needed", "Needed", width=100, numeric=True),
                Column("planned", "Batches make", width=120, numeric=True),
                Column("short", "Short", width=100, numeric=True),
            ],
            height=5,
        )
        self.goods = captioned_table(
            self,
            "Finished goods",
            [
                Column("good", "Finished good", width=260),
                Column("needed", "Needed", width=100, numeric=True),
                Column("missing", "Would lack", width=320),
            ],
            height=4,
        )

    def render(self, view: PlanView) -> None:
        super().render(view)
        result = assembly_feasibility(self.ctx.db, self.slug)
        self.units.set_rows(
            [
                Row(u.finished_unit, (u.name, u.needed, u.planned, u.short or ""))
                for u in result.units
            ]
        )
        self.goods.set_rows(
            [
                Row(g.finished_good, (g.name, g.needed, ", ".join(g.short_units) or "nothing"))
                for g in result.goods
            ]
        )
        self.verdict.configure(**_verdict(result))


def _verdict(result: Feasibility) -> dict[str, object]:
    if not result.units:
        return {"text": "No demand yet.", "text_color": theme.MUTED}
    if result.feasible:
        return {
            "text": "✓  The batches make everything the demand needs.",
            "text_color": theme.SUCCESS,
        }
    short = ", ".join(f"{u.name} ({u.short})" for u in result.units if u.short)
    return {"text": f"Short of {short}: some goods cannot be assembled.", "text_color": theme.ERROR}
