"""The dashboard: how much is in Bake Tracker and which events come next."""

from __future__ import annotations

import tkinter
from datetime import date

import customtkinter as ctk

from src.services.formatting import (
    format_count,
    format_date,
    format_days_until,
    format_percent,
    humanize,
)
from src.services.overview import Overview, overview
from src.ui import events, theme
from src.ui.context import AppContext
from src.ui.view import View
from src.ui.widgets.data_table import Column, DataTable, Row

EMPTY_EVENTS = "No upcoming events. Plan one in Events, and it will show here."


class DashboardView(View):
    title = "Dashboard"
    watches = (
        events.CATALOG_CHANGED,
        events.RECIPES_CHANGED,
        events.EVENTS_CHANGED,
        events.PLAN_CHANGED,
        events.DATABASE_REPLACED,
    )

    def __init__(self, master: tkinter.Misc, ctx: AppContext) -> None:
        super().__init__(master, ctx)
        self.header("Dashboard")
        self.date_label = ctk.CTkLabel(
            self, text="", font=theme.body_font(), text_color=theme.MUTED, anchor="w"
        )
        self.date_label.pack(fill="x", padx=theme.PAD)
        cards = ctk.CTkFrame(self, fg_color="transparent")
        cards.pack(fill="x", padx=theme.PAD - theme.GAP // 2, pady=(theme.GAP, theme.PAD))
        self.counts = {
            name: self._card(cards, name) for name in ("Ingredients", "Recipes", "Events")
        }
        ctk.CTkLabel(self, text="Coming up", font=theme.heading_font(), anchor="w").pack(
            fill="x", padx=theme.PAD, pady=(0, theme.GAP)
        )
        self.upcoming = DataTable(
            self,
            columns=[
                Column("name", "Event", width=300),
                Column("date", "Date", width=140, format=_date_text),
                Column("when", "When", width=130),
                Column("state", "Plan", width=140, format=_state_text),
                Column("progress", "Progress", width=100, numeric=True, format=format_percent),
            ],
            searchable=False,
            height=8,
        )
        self.upcoming.set_empty_text(EMPTY_EVENTS)
        self.upcoming.pack(fill="both", expand=True, padx=theme.PAD, pady=(0, theme.PAD))

    def refresh(self) -> None:
        today = self.ctx.today()
        self.render(overview(self.ctx.db, today), today)

    def render(self, summary: Overview, today: date) -> None:
        self.date_label.configure(text=f"Today is {format_date(today)}")
        self.counts["Ingredients"].configure(text=format_count(summary.ingredient_count))
        self.counts["Recipes"].configure(text=format_count(summary.recipe_count))
        self.counts["Events"].configure(text=format_count(summary.event_count))
        self.upcoming.set_rows(
            [
                Row(
                    e.slug,
                    (
                        e.name,
                        e.event_date,
                        format_days_until(e.event_date, today),
                        e.plan_state,
                        e.progress,
                    ),
                )
                for e in summary.upcoming_events
            ]
        )

    def _card(self, master: ctk.CTkFrame, name: str) -> ctk.CTkLabel:
        card = ctk.CTkFrame(master, fg_color=theme.CARD, corner_radius=10)
        card.pack(side="left", fill="x", expand=True, padx=theme.GAP // 2)
        number = ctk.CTkLabel(card, text="–", font=theme.big_number_font(), anchor="w")
        number.pack(fill="x", padx=theme.PAD, pady=(theme.PAD - 4, 0))
        ctk.CTkLabel(
            card, text=name, font=theme.body_font(), text_color=theme.MUTED, anchor="w"
        ).pack(fill="x", padx=theme.PAD, pady=(0, theme.PAD - 4))
        return number


def _date_text(value: object) -> str:
    return format_date(value) if isinstance(value, date) else ""


def _state_text(value: object) -> str:
    return humanize(str(value)) if value else ""
