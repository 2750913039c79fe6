"""The run history under the Production form: filter by event, void a run."""

from __future__ import annotations

import tkinter
from datetime import datetime
from decimal import Decimal

import customtkinter as ctk

from src.services.choices import EventOption
from src.services.formatting import format_count, format_date, humanize, local_time
from src.services.production import void_production
from src.services.production_history import ProductionRunView, production_history
from src.services.quantity_format import format_money
from src.ui import events, theme
from src.ui.context import AppContext
from src.ui.dialogs.confirm import ConfirmDialog
from src.ui.widgets.choice_menu import ChoiceMenu
from src.ui.widgets.data_table import Column, DataTable, Row
from src.ui.widgets.typeahead import Choice

EMPTY_HISTORY = "No runs recorded yet. Record one above and it shows here."


class RunHistory(ctk.CTkFrame):
    def __init__(self, master: tkinter.Misc, ctx: AppContext) -> None:
        super().__init__(master, fg_color="transparent")
        self.ctx = ctx
        self._runs: dict[str, ProductionRunView] = {}
        bar = ctk.CTkFrame(self, fg_color="transparent")
        bar.pack(fill="x", pady=(0, theme.GAP))
        ctk.CTkLabel(bar, text="Run history", font=theme.heading_font()).pack(side="left")
        self.void_button = ctk.CTkButton(
            bar, text="Void run…", width=110, state="disabled", command=self.on_void,
            fg_color="transparent", border_width=1, text_color=theme.TEXT,
        )  # fmt: skip
        self.void_button.pack(side="right")
        self.event_filter = ChoiceMenu(
            bar, none_label="All events", note_line=False, on_change=lambda _k: self.refresh()
        )
        self.event_filter.pack(side="right", padx=theme.GAP)
        self.table = DataTable(self, _COLUMNS, on_select=self._selected, height=8)
        self.table.set_empty_text(EMPTY_HISTORY)
        self.table.pack(fill="both", expand=True)

    def set_events(self, options: list[EventOption]) -> None:
        self.event_filter.set_choices([Choice(str(e.id), e.name) for e in options])

    def refresh(self) -> None:
        key = self.event_filter.selected_key
        runs = production_history(self.ctx.db, event_id=None if key is None else int(key))
        self._runs = {str(run.id): run for run in runs}
        self.table.set_rows([_row(run) for run in runs])
        self._selected(self.table.selected_keys())

    def on_void(self) -> None:
        run = self._runs[self.table.selected_keys()[0]]
        ConfirmDialog(
            self, "Void this run?", _void_message(run), lambda: self.on_void_confirmed(run.id),
            confirm_text="Void run", destructive=True,
        ).show()  # fmt: skip

    def on_void_confirmed(self, run_id: int) -> None:
        voided = void_production(self.ctx.db, run_id)
        self.ctx.publish(events.INVENTORY_CHANGED)
        self.ctx.publish(
            events.PRODUCTION_CHANGED,
            f"Voided {voided.recipe}: {voided.lots_restored} lot(s) restored, "
            f"{voided.units_removed} × {voided.finished_unit} taken back off the count.",
        )

    def _selected(self, keys: list[str]) -> None:
        self.void_button.configure(state="normal" if keys else "disabled")


def _void_message(run: ProductionRunView) -> str:
    loss = (
        f" Its loss ({run.loss_quantity} × {run.finished_unit}) is kept for the record."
        if run.loss_quantity
        else ""
    )
    return (
        f"Voiding {run.batches} × {run.recipe} puts the ingredients it used back into the "
        f"lots they came from and takes its {run.actual_yield} × {run.finished_unit} back "
        f"off the count.{loss} This cannot be undone."
    )


def _row(run: ProductionRunView) -> Row:
    status = humanize(run.status.value)
    if run.recorded_with_shortfall:
        status += " · short stock"
    return Row(
        str(run.id),
        (
            run.produced_at, run.recipe, run.finished_unit, run.batches, run.expected_yield,
            run.actual_yield, status, run.total_ingredient_cost, run.cost_per_unit,
        ),
    )  # fmt: skip


def _day(value: object) -> str:
    return format_date(local_time(value).date()) if isinstance(value, datetime) else ""


def _count(value: object) -> str:
    return format_count(value) if isinstance(value, int) else ""


def _money(value: object) -> str:
    return format_money(value if isinstance(value, Decimal) else None)


_COLUMNS = [
    Column("when", "Date", width=105, stretch=False, format=_day),
    Column("recipe", "Recipe", width=130),
    Column("unit", "Unit", width=120),
    Column("batches", "Batches", width=80, numeric=True, stretch=False, format=_count),
    Column("expected", "Expected", width=88, numeric=True, stretch=False, format=_count),
    Column("actual", "Actual", width=70, numeric=True, stretch=False, format=_count),
    Column("status", "Status", width=110),
    Column("cost", "Cost", width=80, numeric=True, stretch=False, format=_money),
    Column("per_unit", "Per unit", width=80, numeric=True, stretch=False, format=_money),
]
