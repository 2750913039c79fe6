"""Amendments during production (each with its reason) and the original-vs-current plan."""

from __future__ import annotations

import tkinter
from collections.abc import Callable
from typing import Any

import customtkinter as ctk

from src.services.amendments import (
    AmendmentInfo,
    ComparisonLine,
    compare_to_original,
    list_amendments,
)
from src.services.event_demand import event_demand
from src.services.formatting import format_date
from src.services.planning_choices import planning_choices
from src.ui import theme
from src.ui.context import AppContext
from src.ui.views.events.amendment_form import AmendmentForm
from src.ui.views.events.panel import Panel, PlanView, heading, note
from src.ui.views.events.plan_actions import COMPLETED, IN_PRODUCTION
from src.ui.widgets.data_table import Column, DataTable, Row

HINTS = {
    IN_PRODUCTION: "Each change needs a reason; it is applied at once and kept in the list.",
    COMPLETED: "The event is completed: the plan can no longer change.",
}
NOT_STARTED = (
    "Once production starts, the plan is frozen as the original. Changes are then recorded "
    "here, each with a reason, and compared with that original."
)


class ChangesPanel(Panel):
    def __init__(
        self, master: tkinter.Misc, ctx: AppContext, on_change: Callable[[str], None]
    ) -> None:
        super().__init__(master, ctx, on_change)
        heading(self, "Changes during production").pack(fill="x")
        self.hint = note(self, "")
        self.hint.pack(fill="x", pady=(2, theme.GAP))
        top = ctk.CTkFrame(self, fg_color="transparent")
        top.pack(fill="x")
        self.form = AmendmentForm(top, ctx, self.changed, self.open_dialog)
        self.form.pack(side="left", fill="y", padx=(0, theme.PAD))
        self.amendments = DataTable(
            top,
            columns=[
                Column("when", "Date", width=100, stretch=False),
                Column("change", "Change", width=200),
                Column("reason", "Reason", width=200),
            ],
            searchable=False,
            height=6,
        )
        self.amendments.set_empty_text("No changes recorded.")
        self.amendments.pack(side="left", fill="both", expand=True)
        heading(self, "Original vs current").pack(fill="x", pady=(theme.PAD, 0))
        note(self, "Items and batches as frozen when production started, and now.").pack(
            fill="x", pady=(2, theme.GAP)
        )
        self.comparison = DataTable(
            self,
            columns=[
                Column("name", "Item", width=300),
                Column("original", "Original", width=100, numeric=True),
                Column("current", "Now", width=100, numeric=True),
                Column("status", "Status", width=140),
            ],
            searchable=False,
            height=5,
        )
        self.comparison.set_empty_text("Production has not started.")
        self.comparison.pack(fill="both", expand=True)

    def render(self, view: PlanView) -> None:
        super().render(view)
        started = view.state in (IN_PRODUCTION, COMPLETED)
        self.hint.configure(text=HINTS.get(view.state, NOT_STARTED))
        self.form.render(view, event_demand(self.ctx.db, self.slug), planning_choices(self.ctx.db))
        self.form.set_enabled(view.state == IN_PRODUCTION)
        amendments = list_amendments(self.ctx.db, self.slug)
        self.amendments.set_rows([_amendment_row(n, a) for n, a in enumerate(amendments)])
        if started:
            comparison = compare_to_original(self.ctx.db, self.slug)
            rows = [_compare_row("{}", line) for line in comparison.items]
            rows += [_compare_row("{} batches", line) for line in comparison.batches]
            self.comparison.set_rows(rows)
        else:
            self.comparison.set_rows([])


def describe(amendment: AmendmentInfo) -> str:
    """ "Dropped Holiday tin (20)", "Added Holiday tin × 5", "Sugar cookie: 7 → 8 batches"."""
    data: dict[str, Any] = amendment.data
    if amendment.kind == "drop_item":
        return f"Dropped {data['name']} ({data['quantity']})"
    if amendment.kind == "add_item":
        return f"Added {data['name']} × {data['quantity']}"
    return f"{data['name']}: {data['old_batches'] or 0} → {data['new_batches']} batches"


def _amendment_row(number: int, amendment: AmendmentInfo) -> Row:
    when = format_date(amendment.created_at.date())
    return Row(str(number), (when, describe(amendment), amendment.reason))


def _compare_row(label: str, line: ComparisonLine) -> Row:
    """One item ("{}") or one unit's batches ("{} batches") as it was and as it is."""
    values = (label.format(line.name), line.original, line.current, line.status.capitalize())
    return Row(label.format(line.key), values)
