"""Recording a change during production: drop an item, add one, or change batches, with a reason."""

from __future__ import annotations

import tkinter
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from typing import Any

import customtkinter as ctk

from src.services.amendments import add_item, change_batches, drop_item
from src.services.event_demand import EventDemand
from src.services.planning_choices import PlanningChoices
from src.ui import theme
from src.ui.context import AppContext
from src.ui.dialogs.confirm import ConfirmDialog
from src.ui.validation import parse_whole_number, required_text
from src.ui.views.events.batches_panel import shortfall_text
from src.ui.views.events.panel import PlanView, add_choice_field, button, choices, set_enabled
from src.ui.widgets.forms import Form

DROP, ADD, CHANGE = "Drop an item", "Add an item", "Change batches"


class AmendmentForm(ctk.CTkFrame):
    def __init__(
        self,
        master: tkinter.Misc,
        ctx: AppContext,
        on_change: Callable[[str], None],
        open_dialog: Callable[[ConfirmDialog], None],
    ) -> None:
        super().__init__(master, fg_color=theme.CARD, corner_radius=8)
        self.ctx = ctx
        self.slug = ""
        self._on_change = on_change
        self._open_dialog = open_dialog
        self._by_kind: dict[str, list[tuple[str, str]]] = {}
        self._requirements: dict[str, dict[str, Any]] = {}
        self.kind = ctk.CTkSegmentedButton(self, values=[DROP, ADD, CHANGE], command=self._kind)
        self.kind.set(DROP)
        self.kind.pack(anchor="w", padx=theme.PAD, pady=(theme.PAD - 4, theme.GAP))
        grid = ctk.CTkFrame(self, fg_color="transparent")
        grid.pack(fill="x", padx=theme.PAD)
        self.form = Form(grid, columns=2)
        self.item = add_choice_field(self.form, "Item")
        self.item.configure(width=190)
        self.form.add("How many", parse_whole_number, placeholder="Quantity or batches", width=130)
        self.form.add("Reason", required_text, placeholder="Why the plan changes", width=190)
        self.record_button = button(self, "Record change", self.on_record)
        self.record_button.pack(anchor="w", padx=theme.PAD, pady=(0, theme.PAD - 4))

    def render(self, view: PlanView, demand: EventDemand, offered: PlanningChoices) -> None:
        self.slug = view.event.slug
        requirements = view.plan.results["requirements"]
        self._requirements = {r["finished_unit"]: r for r in requirements}
        demanded = {line.item for line in demand.items}
        catalog = offered.goods if view.event.output_mode == "bundled" else offered.units
        self._by_kind = {
            DROP: [(line.item, line.name) for line in demand.items],
            ADD: [(i.slug, i.name) for i in catalog if i.slug not in demanded],
            CHANGE: [(r["finished_unit"], r["name"]) for r in requirements],
        }
        self._kind(self.kind.get())

    def choose_kind(self, kind: str) -> None:
        """Drop an item, add an item or change batches (as a click on the kind does)."""
        self.kind.set(kind)
        self._kind(kind)

    def set_enabled(self, enabled: bool) -> None:
        widgets = [self.kind, self.item, self.record_button]
        widgets += [self.form.field(label).entry for label in ("How many", "Reason")]
        set_enabled(widgets, enabled)

    def on_record(self) -> None:
        kind = self.kind.get()
        labels = ["Item", "Reason"] if kind == DROP else ["Item", "How many", "Reason"]
        values = {label: self.form.field(label).validate() for label in labels}
        if any(self.form.field(label).has_error for label in labels):
            return
        item, reason = values["Item"], values["Reason"]
        if kind == DROP:
            self._record(drop_item, item, reason)
        elif kind == ADD:
            self._record(add_item, item, values["How many"], reason)
        else:
            self._change_batches(item, values["How many"], reason)

    def _change_batches(self, unit: str, batches: int, reason: str) -> None:
        requirement = self._requirements[unit]
        made = batches * Decimal(requirement["yield_per_batch"])
        if made >= Decimal(requirement["needed"]):
            self._record(change_batches, unit, batches, reason)
            return
        record = partial(
            self._record, change_batches, unit, batches, reason, confirm_shortfall=True
        )
        message = shortfall_text(requirement["name"], batches, made, requirement["needed"])
        self._open_dialog(
            ConfirmDialog(self, "Make fewer than needed?", message, record,
                          confirm_text="Accept shortfall")
        )  # fmt: skip

    def _record(self, service: Callable[..., object], *args: Any, **options: Any) -> None:
        service(self.ctx.db, self.slug, *args, **options)
        self.form.clear()
        self.item.selected_key = None
        self._on_change("Change recorded.")

    def _kind(self, kind: str) -> None:
        self.item.set_choices(choices(self._by_kind.get(kind, [])))
        quantity = self.form.field("How many")
        quantity.entry.configure(state="disabled" if kind == DROP else "normal")
        quantity.clear_error()
