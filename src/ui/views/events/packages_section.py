"""Packages for recipients at the event (they count as demand): assign, change, take away."""

from __future__ import annotations

import tkinter
from collections.abc import Callable

import customtkinter as ctk

from src.services.event_demand import (
    AssignmentLine,
    EventDemand,
    assign_package,
    unassign_package,
)
from src.services.formatting import humanize
from src.services.planning_choices import PlanningChoices
from src.ui import theme
from src.ui.context import AppContext
from src.ui.validation import parse_whole_number
from src.ui.views.events.panel import (
    PlanView,
    add_choice_field,
    button,
    choices,
    heading,
    note,
    set_enabled,
)
from src.ui.views.events.plan_actions import DRAFT
from src.ui.widgets.data_table import Column, DataTable, Row
from src.ui.widgets.forms import Form

SEPARATOR = "\x1f"  # joins recipient and package slugs into one row key


class PackagesSection(ctk.CTkFrame):
    def __init__(
        self, master: tkinter.Misc, ctx: AppContext, on_change: Callable[[str], None]
    ) -> None:
        super().__init__(master, fg_color="transparent")
        self.ctx = ctx
        self.slug = ""
        self._on_change = on_change
        heading(self, "Packages for recipients").pack(fill="x")
        self.hint = note(self, "", wrap=420)
        self.hint.pack(fill="x", pady=(theme.GAP, theme.GAP))
        self.table = DataTable(
            self,
            columns=[
                Column("recipient", "Recipient", width=150),
                Column("package", "Package", width=150),
                Column("qty", "Qty", width=50, numeric=True),
                Column("status", "Status", width=90),
            ],
            searchable=False,
            height=6,
            on_select=lambda _keys: self._update_remove(),
        )
        self.table.set_empty_text("No packages assigned.")
        self.table.pack(fill="both", expand=True)
        form_row = ctk.CTkFrame(self, fg_color="transparent")
        form_row.pack(fill="x", pady=(theme.GAP, 0))
        self.form = Form(form_row, columns=3)
        self.recipient = add_choice_field(self.form, "Recipient")
        self.package = add_choice_field(self.form, "Package")
        self.form.add("Qty", parse_whole_number, placeholder="1", width=60)
        for field in ("Recipient", "Package"):
            self.form.field(field).entry.configure(width=170)
        buttons = ctk.CTkFrame(self, fg_color="transparent")
        buttons.pack(fill="x")
        self.assign_button = button(buttons, "Assign", self.on_assign)
        self.assign_button.pack(side="left")
        self.remove_button = button(buttons, "Take away", self.on_unassign, primary=False)
        self.remove_button.pack(side="left", padx=(theme.GAP, 0))
        self._editable = False

    def render(self, view: PlanView, demand: EventDemand, offered: PlanningChoices) -> None:
        self.slug = view.event.slug
        names = {r.slug: r.name for r in offered.recipients}
        self.table.set_rows([_row(a, names) for a in demand.assignments])
        self.recipient.set_choices(choices([(r.slug, r.name) for r in offered.recipients]))
        self.package.set_choices(choices([(p.slug, p.name) for p in offered.packages]))
        self._editable = view.state == DRAFT
        self.hint.configure(text=_hint(view))
        widgets = [self.recipient, self.package, self.form.field("Qty").entry, self.assign_button]
        set_enabled(widgets, self._editable)
        self._update_remove()

    def on_assign(self) -> None:
        values = self.form.values()
        if values is not None:
            line = assign_package(
                self.ctx.db, self.slug, values["Recipient"], values["Package"], values["Qty"]
            )
            self.form.clear()
            self._on_change(f"{line.package_name} assigned.")

    def on_unassign(self) -> None:
        for key in self.table.selected_keys():
            recipient, package = key.split(SEPARATOR)
            unassign_package(self.ctx.db, self.slug, recipient, package)
            self._on_change("Package taken away.")

    def _update_remove(self) -> None:
        set_enabled([self.remove_button], self._editable and bool(self.table.selected_keys()))


def _row(line: AssignmentLine, names: dict[str, str]) -> Row:
    recipient = names.get(line.recipient, line.recipient)
    values = (recipient, line.package_name, line.quantity, humanize(line.status))
    return Row(f"{line.recipient}{SEPARATOR}{line.package}", values)


def _hint(view: PlanView) -> str:
    if view.state != DRAFT:
        return "Packages can change only while the plan is a draft."
    return "The goods in each package count as demand too."
