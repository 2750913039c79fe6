"""Reports: event cost, production by recipe, losses and spending, as charts with numbers."""

from __future__ import annotations

import tkinter

import customtkinter as ctk

from src.services.choices import event_options
from src.services.periods import Period, period_bounds
from src.services.reports import event_cost, ingredient_usage, loss_report, spending_by_month
from src.ui import events, theme
from src.ui.context import AppContext
from src.ui.view import View
from src.ui.views.report_data import (
    Report,
    event_cost_report,
    losses_report,
    production_report,
    spending_report,
    usage_report,
)
from src.ui.views.report_panel import ReportPanel
from src.ui.widgets.choice_menu import ChoiceMenu
from src.ui.widgets.data_table import Column
from src.ui.widgets.typeahead import Choice

CHOOSE_EVENT = "Choose an event above to compare its planned and actual cost."
NO_RUNS = "Nothing baked yet. Record runs in Production and they show here."
NO_LOSSES = "No losses recorded. Every batch came out whole so far."
PERIOD_WORDS = {
    Period.LAST_12_MONTHS: "in the last 12 months",
    Period.THIS_YEAR: "this year",
    Period.LAST_YEAR: "last year",
    Period.ALL_TIME: "yet",
}


def no_purchases(period: Period) -> str:
    return f"No purchases {PERIOD_WORDS[period]}. What you buy for the pantry shows here by month."


def no_usage(period: Period) -> str:
    return f"Nothing baked {PERIOD_WORDS[period]}. What runs use from the pantry shows here."


def _columns(*spec: tuple[str, int, bool]) -> list[Column]:
    return [Column(f"c{n}", h, width=w, numeric=num) for n, (h, w, num) in enumerate(spec)]


class ReportsView(View):
    title = "Reports"
    watches = (
        events.PRODUCTION_CHANGED,
        events.INVENTORY_CHANGED,
        events.EVENTS_CHANGED,
        events.PLAN_CHANGED,
        events.DATABASE_REPLACED,
    )

    def __init__(self, master: tkinter.Misc, ctx: AppContext) -> None:
        super().__init__(master, ctx)
        header = self.header("Reports", "What it cost, what was made and lost")
        self.event_menu = ChoiceMenu(
            header, none_label="All events", note_line=False, width=260,
            on_change=lambda _key: self.refresh(),
        )  # fmt: skip
        self.event_menu.pack(side="right")
        # Always shown, and labelled with the two reports it governs: a control that comes and
        # goes with the tab would move under the pointer, and a picker that silently does
        # nothing on the per-event tabs would mislead.
        self.period_menu = ChoiceMenu(
            header, note_line=False, width=160, on_change=lambda _key: self.refresh()
        )
        self.period_menu.set_choices([Choice(p.name, p.value) for p in Period])
        self.period_menu.pack(side="right", padx=(0, theme.GAP * 2))
        ctk.CTkLabel(
            header, text="Spending and usage:", font=theme.small_font(), text_color=theme.MUTED
        ).pack(side="right", padx=(0, theme.GAP))
        self.tabs = ctk.CTkTabview(self, fg_color="transparent", anchor="w")
        self.tabs.pack(fill="both", expand=True, padx=theme.PAD - 6, pady=(0, theme.PAD))
        self.panels = {
            "Event cost": ReportPanel(self.tabs.add("Event cost"), _columns(
                ("Recipe / total", 320, False), ("Cost", 140, True)), CHOOSE_EVENT),
            "Production": ReportPanel(self.tabs.add("Production"), _columns(
                ("Recipe", 240, False), ("Expected", 110, True), ("Made", 110, True),
                ("Lost", 90, True), ("Loss rate", 100, True)), NO_RUNS),
            "Losses": ReportPanel(self.tabs.add("Losses"), _columns(
                ("Category", 240, False), ("Lost", 110, True), ("Cost", 140, True)), NO_LOSSES),
            "Spending": ReportPanel(self.tabs.add("Spending"), _columns(
                ("Month", 240, False), ("Purchases", 110, True), ("Spent", 140, True)),
                no_purchases(Period.LAST_12_MONTHS)),
            "Ingredient usage": ReportPanel(self.tabs.add("Ingredient usage"), _columns(
                ("Ingredient", 240, False), ("Used", 120, True), ("Cost", 140, True)),
                no_usage(Period.LAST_12_MONTHS)),
        }  # fmt: skip
        for panel in self.panels.values():
            panel.pack(fill="both", expand=True)

    def refresh(self) -> None:
        db = self.ctx.db
        self.event_menu.set_choices([Choice(str(e.id), e.name) for e in event_options(db)])
        key = self.event_menu.selected_key
        event_id = None if key is None else int(key)
        cost = Report(None, ()) if event_id is None else event_cost_report(event_cost(db, event_id))
        losses = loss_report(db, event_id=event_id)
        no_cost = CHOOSE_EVENT if event_id is None else "Nothing recorded for this event yet."
        self.panels["Event cost"].show(cost, no_cost)
        self.panels["Production"].show(production_report(losses))
        self.panels["Losses"].show(losses_report(losses))
        period = self.period
        start, end = period_bounds(period, self.ctx.today())
        spending = spending_report(spending_by_month(db, start, end), start, end)
        self.panels["Spending"].show(spending, no_purchases(period))
        usage = ingredient_usage(db, start, end, event_id=event_id)
        self.panels["Ingredient usage"].show(usage_report(usage, start, end), no_usage(period))

    @property
    def period(self) -> Period:
        """The period chosen for Spending and Ingredient usage."""
        return Period[self.period_menu.selected_key or Period.LAST_12_MONTHS.name]

    def _set_appearance_mode(self, mode_string: str) -> None:
        super()._set_appearance_mode(mode_string)
        self._data_changed("appearance")  # redraw the charts in the new colours
