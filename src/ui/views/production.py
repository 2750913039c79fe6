"""Production: record what was baked (with a stock check first), the run history, assembly."""

from __future__ import annotations

import tkinter

import customtkinter as ctk

from src.services.choices import event_options, good_options, recipe_options
from src.services.production import RecordedProduction, availability, record_production
from src.services.quantity_format import format_money, format_stored_quantity
from src.ui import events, theme
from src.ui.context import AppContext
from src.ui.view import View
from src.ui.views.assemble_dialog import AssembleDialog
from src.ui.views.production_check import RunCheckDialog
from src.ui.views.production_form import LOSS_BY_VALUE, RunForm, RunRequest
from src.ui.views.production_runs import RunHistory


class ProductionView(View):
    title = "Production"
    watches = (
        events.PRODUCTION_CHANGED,
        events.RECIPES_CHANGED,
        events.EVENTS_CHANGED,
        events.DATABASE_REPLACED,
    )

    def __init__(self, master: tkinter.Misc, ctx: AppContext) -> None:
        super().__init__(master, ctx)
        header = self.header("Production", "Record what you baked")
        self.assemble_button = ctk.CTkButton(
            header, text="Assemble goods…", width=150, command=self.on_assemble
        )
        self.assemble_button.pack(side="right")
        self.form = RunForm(self, self.on_check)
        self.form.pack(fill="x", padx=theme.PAD, pady=(0, theme.PAD))
        self.history = RunHistory(self, ctx)
        self.history.pack(fill="both", expand=True, padx=theme.PAD, pady=(0, theme.PAD))
        self.dialog: RunCheckDialog | AssembleDialog | None = None  # the one open, for tests

    def refresh(self) -> None:
        options = event_options(self.ctx.db)
        self.form.set_options(recipe_options(self.ctx.db), options)
        self.history.set_events(options)
        self.history.refresh()

    def focus_search(self) -> bool:
        return self.history.table.focus_search()

    def on_check(self, request: RunRequest) -> None:
        check = availability(self.ctx.db, request.recipe.id, request.batches, request.scale_factor)
        self.dialog = RunCheckDialog(
            self, request, check, lambda anyway: self.on_record(request, anyway)
        )
        self.dialog.show()

    def on_record(self, request: RunRequest, record_anyway: bool) -> None:
        recorded = record_production(
            self.ctx.db, request.recipe.id, request.unit.id, request.batches, request.actual,
            scale_factor=request.scale_factor, event_id=request.event_id,
            loss_category=LOSS_BY_VALUE[request.loss_category],
            loss_notes=request.loss_notes if request.lost else None, notes=request.notes,
            record_anyway=record_anyway,
        )  # fmt: skip
        self.form.reset()
        self.form.show_result(_recorded_message(recorded))
        self.ctx.publish(events.INVENTORY_CHANGED)
        self.ctx.publish(events.PRODUCTION_CHANGED, _recorded_message(recorded))

    def on_assemble(self) -> None:
        self.dialog = AssembleDialog(
            self, self.ctx, good_options(self.ctx.db), event_options(self.ctx.db)
        )
        self.dialog.show()


def _recorded_message(recorded: RecordedProduction) -> str:
    run = recorded.run
    text = (
        f"Recorded {run.batches} × {run.recipe}: {run.actual_yield} of {run.expected_yield} "
        f"{run.finished_unit}, cost {format_money(run.total_ingredient_cost)} "
        f"({format_money(run.cost_per_unit)} each)"
    )
    if run.loss_quantity:
        text += f"; {run.loss_quantity} lost ({format_money(run.loss_cost)})"
    if recorded.missing:
        short = ", ".join(
            f"{m.ingredient} ({format_stored_quantity(m.quantity, m.unit)})"
            for m in recorded.missing
        )
        text += f". Recorded short of {short}, costed at the latest price"
    return text + "."
