"""What the event needs: output mode, items with quantities, and packages for recipients."""

from __future__ import annotations

import tkinter
from collections.abc import Callable

import customtkinter as ctk

from src.services.event_demand import EventDemand, event_demand, remove_demand, set_demand
from src.services.events import EventFields, edit_event
from src.services.planning_choices import OUTPUT_MODES, planning_choices
from src.ui import theme
from src.ui.context import AppContext
from src.ui.validation import parse_whole_number
from src.ui.views.events.event_dialogs import MODE_LABELS
from src.ui.views.events.packages_section import PackagesSection
from src.ui.views.events.panel import (
    Panel,
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

NOT_DRAFT = "Demand can change only while the plan is a draft; during production, use Changes."
NO_MODE = "Choose whether this event counts finished goods or finished units to add demand."


class DemandPanel(Panel):
    def __init__(
        self, master: tkinter.Misc, ctx: AppContext, on_change: Callable[[str], None]
    ) -> None:
        super().__init__(master, ctx, on_change)
        self.view: PlanView | None = None
        left = ctk.CTkFrame(self, fg_color="transparent")
        left.pack(side="left", fill="both", expand=True, padx=(0, theme.PAD))
        heading(left, "What the event needs").pack(fill="x")
        self.mode = ctk.CTkSegmentedButton(
            left, values=list(MODE_LABELS.values()), command=self.on_mode
        )
        self.mode.pack(anchor="w", pady=(theme.GAP, 2))
        self.hint = note(left, "", wrap=460)
        self.hint.pack(fill="x", pady=(0, theme.GAP))
        self.table = DataTable(
            left,
            columns=[Column("item", "Item", width=240), Column("qty", "Quantity", 90, True)],
            searchable=False,
            height=6,
            on_select=self._selected,
        )
        self.table.set_empty_text("Nothing demanded yet.")
        self.table.pack(fill="both", expand=True)
        form_row = ctk.CTkFrame(left, fg_color="transparent")
        form_row.pack(fill="x", pady=(theme.GAP, 0))
        self.form = Form(form_row, columns=2)
        self.item = add_choice_field(self.form, "Item")
        self.form.add("Quantity", parse_whole_number, placeholder="20", width=100)
        buttons = ctk.CTkFrame(left, fg_color="transparent")
        buttons.pack(fill="x")
        self.save_button = button(buttons, "Set quantity", self.on_set)
        self.save_button.pack(side="left")
        self.remove_button = button(buttons, "Remove", self.on_remove, primary=False)
        self.remove_button.pack(side="left", padx=(theme.GAP, 0))
        self.packages = PackagesSection(self, ctx, self.changed)
        self.packages.pack(side="left", fill="both", expand=True)

    def render(self, view: PlanView) -> None:
        super().render(view)
        self.view = view
        demand, offered = event_demand(self.ctx.db, self.slug), planning_choices(self.ctx.db)
        mode = view.event.output_mode
        self.mode.set(MODE_LABELS.get(mode or "", ""))
        self.table.set_rows([Row(line.item, (line.name, line.quantity)) for line in demand.items])
        items = offered.goods if mode == "bundled" else offered.units
        self.item.set_choices(choices([(i.slug, i.name) for i in items]))
        self._enable(view.state == DRAFT, mode is not None, demand)
        self.packages.render(view, demand, offered)

    def on_mode(self, label: str) -> None:
        assert self.view is not None
        value = next(v for v, text in MODE_LABELS.items() if text == label)
        event = self.view.event
        fields = EventFields(
            event.name, event.event_date, event.notes, event.expected_attendees,
            next(m for m in OUTPUT_MODES if m.value == value),
        )  # fmt: skip
        edit_event(self.ctx.db, self.slug, fields)
        self.changed(f"{event.name} now counts {label.lower()}.")

    def on_set(self) -> None:
        values = self.form.values()
        if values is not None:
            line = set_demand(self.ctx.db, self.slug, values["Item"], values["Quantity"])
            self.form.clear()
            self.changed(f"{line.name}: {line.quantity} needed.")

    def on_remove(self) -> None:
        for key in self.table.selected_keys():
            remove_demand(self.ctx.db, self.slug, key)
            self.changed("Removed from the demand.")

    def _selected(self, keys: list[str]) -> None:
        shown = dict(zip(self.table.visible_keys(), self.table.visible_values(), strict=True))
        chosen = [shown[key] for key in keys if key in shown]
        if chosen and any(choice.key == keys[0] for choice in self.item.choices):
            self.item.choose(keys[0])
            self.form.field("Quantity").set_text(chosen[0][1])
        set_enabled([self.remove_button], bool(chosen) and self._editable)

    def _enable(self, draft: bool, has_mode: bool, demand: EventDemand) -> None:
        self._editable = draft and has_mode
        self.mode.configure(state="normal" if draft and not demand.items else "disabled")
        self.hint.configure(text=_hint(draft, has_mode, bool(demand.items)))
        set_enabled(
            [self.item, self.form.field("Quantity").entry, self.save_button], self._editable
        )
        set_enabled([self.remove_button], self._editable and bool(self.table.selected_keys()))


def _hint(draft: bool, has_mode: bool, has_items: bool) -> str:
    if not draft:
        return NOT_DRAFT
    if not has_mode:
        return NO_MODE
    if has_items:
        return "To count the other way, remove the demand first."
    return "Pick an item, enter how many, and press Set quantity."
