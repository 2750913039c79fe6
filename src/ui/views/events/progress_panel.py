"""How far the event has come: batches produced vs decided, goods assembled, packages."""

from __future__ import annotations

import tkinter
from collections.abc import Callable

import customtkinter as ctk

from src.services.formatting import humanize
from src.services.progress import event_progress
from src.ui import theme
from src.ui.context import AppContext
from src.ui.views.events.panel import (
    Panel,
    PlanView,
    captioned_table,
    plain_table,
    title_row,
)
from src.ui.widgets.data_table import Column, Row


class ProgressPanel(Panel):
    def __init__(
        self, master: tkinter.Misc, ctx: AppContext, on_change: Callable[[str], None]
    ) -> None:
        super().__init__(master, ctx, on_change)
        top = title_row(self, "Progress")
        self.percent_label = ctk.CTkLabel(top, text="", font=theme.heading_font(), anchor="e")
        self.percent_label.pack(side="right")
        self.bar = ctk.CTkProgressBar(self, height=12)
        self.bar.pack(fill="x", pady=(theme.GAP, theme.GAP))
        self.units = plain_table(
            self,
            [
                Column("unit", "Finished unit", width=200),
                Column("decided", "Batches planned", width=120, numeric=True),
                Column("produced", "Produced", width=90, numeric=True),
                Column("remaining", "Remaining", width=90, numeric=True),
                Column("overage", "Extra", width=70, numeric=True),
                Column("items", "Items made", width=100, numeric=True),
                Column("needed", "Needed", width=80, numeric=True),
            ],
            height=5,
        )
        self.goods = captioned_table(
            self,
            "Finished goods",
            [
                Column("good", "Finished good", width=260),
                Column("assembled", "Assembled", width=100, numeric=True),
                Column("needed", "Needed", width=100, numeric=True),
            ],
            height=3,
        )
        self.packages_label = ctk.CTkLabel(self, text="", font=theme.body_font(), anchor="w")
        self.packages_label.pack(fill="x", pady=(theme.GAP, 0))

    def render(self, view: PlanView) -> None:
        super().render(view)
        progress = event_progress(self.ctx.db, self.slug)
        self.percent_label.configure(text=f"{progress.percent}% done")
        self.bar.set(progress.percent / 100)
        self.units.set_rows(
            [
                Row(u.finished_unit, (u.name, u.decided_batches, u.produced_batches,
                                      u.remaining_batches, u.overage_batches or "",
                                      u.produced_items, u.needed))
                for u in progress.units
            ]
        )  # fmt: skip
        self.goods.set_rows(
            [Row(g.finished_good, (g.name, g.assembled, g.needed)) for g in progress.goods]
        )
        counts = "  ·  ".join(f"{humanize(k)} {n}" for k, n in progress.packages.items())
        self.packages_label.configure(text=f"Packages: {counts}")
