"""The list of events, upcoming first, with New, Clone from last year, Open, Edit and Delete."""

from __future__ import annotations

import tkinter
from collections.abc import Callable
from datetime import date
from functools import partial

import customtkinter as ctk

from src.services.event_overview import EventOverview, list_events_with_progress
from src.services.events import (
    EventFields,
    EventSummary,
    clone_event,
    create_event,
    delete_event,
    edit_event,
)
from src.services.formatting import format_date, format_days_until, format_percent, humanize
from src.ui import events, theme
from src.ui.context import AppContext
from src.ui.dialogs.base import ModalDialog
from src.ui.dialogs.confirm import ConfirmDialog
from src.ui.views.events.event_dialogs import CloneEventDialog, EventFormDialog
from src.ui.views.events.panel import SECONDARY, set_enabled
from src.ui.widgets.data_table import Column, DataTable, Row

OUTPUT_NAMES = {"bundled": "Finished goods", "bulk_count": "Finished units"}
EMPTY = "No events yet. Press New event to plan your first bake."


def _date_text(value: object) -> str:
    return format_date(value) if isinstance(value, date) else ""


class EventListPage(ctk.CTkFrame):
    def __init__(
        self, master: tkinter.Misc, ctx: AppContext, on_open: Callable[[str], object]
    ) -> None:
        super().__init__(master, fg_color="transparent")
        self.ctx = ctx
        self.on_open = on_open
        self.events: list[EventOverview] = []
        self.dialog: ModalDialog | None = None
        top = ctk.CTkFrame(self, fg_color="transparent")
        top.pack(fill="x", padx=theme.PAD, pady=(theme.PAD, theme.GAP))
        ctk.CTkLabel(top, text="Events", font=theme.title_font(), anchor="w").pack(side="left")
        self.clone_button = ctk.CTkButton(
            top, text="Clone from last year…", width=170, command=self.on_clone, **SECONDARY
        )
        self.clone_button.pack(side="right")
        self.new_button = ctk.CTkButton(top, text="New event", width=120, command=self.on_new)
        self.new_button.pack(side="right", padx=(0, theme.GAP))
        self.table = DataTable(
            self,
            columns=[
                Column("name", "Event", width=260),
                Column("date", "Date", width=120, format=_date_text),
                Column("when", "When", width=110),
                Column("state", "Plan", width=110),
                Column("mode", "Counts", width=130),
                Column("progress", "Progress", width=90, numeric=True, format=format_percent),
            ],
            search_placeholder="Search events…",
            on_select=lambda _keys: self._update_buttons(),
            on_activate=self.on_open,
        )
        self.table.set_empty_text(EMPTY)
        self.table.pack(fill="both", expand=True, padx=theme.PAD)
        actions = ctk.CTkFrame(self, fg_color="transparent")
        actions.pack(fill="x", padx=theme.PAD, pady=theme.GAP)
        self.open_button = ctk.CTkButton(actions, text="Open plan", width=120, command=self._open)
        self.open_button.pack(side="left")
        self.edit_button = ctk.CTkButton(
            actions, text="Edit…", width=100, command=self.on_edit, **SECONDARY
        )
        self.edit_button.pack(side="left", padx=(theme.GAP, 0))
        self.delete_button = ctk.CTkButton(
            actions, text="Delete…", width=100, command=self.on_delete, **SECONDARY
        )
        self.delete_button.pack(side="left", padx=(theme.GAP, 0))
        self._update_buttons()

    def refresh(self) -> None:
        today = self.ctx.today()
        self.events = list_events_with_progress(self.ctx.db, today)
        self.table.set_rows([self._row(event, today) for event in self.events])
        self._update_buttons()

    # -- handlers ---------------------------------------------------------------------------
    def on_new(self) -> None:
        self._open_dialog(EventFormDialog(self, "New event", self._create, confirm_text="Create"))

    def on_edit(self) -> None:
        event = self.selected()
        if event is not None:
            save = partial(self._edit, event.slug)
            self._open_dialog(EventFormDialog(self, "Edit event", save, initial=event))

    def on_delete(self) -> None:
        event = self.selected()
        if event is None:
            return
        message = (
            f"{event.name} and its recipe selection, demand, batch decisions and calculated "
            "plans will be deleted. This cannot be undone."
        )
        confirm = partial(self._delete, event)
        self._open_dialog(
            ConfirmDialog(
                self, f"Delete {event.name}?", message, confirm, confirm_text="Delete",
                destructive=True,
            )
        )  # fmt: skip

    def on_clone(self) -> None:
        if self.events:
            source = self.selected() or _last_years(self.events, self.ctx.today())
            self._open_dialog(CloneEventDialog(self, self.events, source.slug, self._clone))

    def selected(self) -> EventSummary | None:
        keys = self.table.selected_keys()
        return next((e for e in self.events if keys and e.slug == keys[0]), None)

    # -- service calls ----------------------------------------------------------------------
    def _create(self, fields: EventFields) -> None:
        event = create_event(self.ctx.db, fields)
        self.ctx.publish(events.EVENTS_CHANGED, f"{event.name} created.")
        self.table.select([event.slug])

    def _edit(self, slug: str, fields: EventFields) -> None:
        event = edit_event(self.ctx.db, slug, fields)
        self.ctx.publish(events.EVENTS_CHANGED, f"{event.name} saved.")

    def _delete(self, event: EventSummary) -> None:
        delete_event(self.ctx.db, event.slug)
        self.ctx.publish(events.EVENTS_CHANGED, f"{event.name} deleted.")

    def _clone(self, slug: str, name: str, when: date) -> None:
        event = clone_event(self.ctx.db, slug, name, when)
        self.ctx.publish(events.EVENTS_CHANGED, f"{event.name} created from last year's plan.")
        self.table.select([event.slug])

    # -- helpers ----------------------------------------------------------------------------
    def _row(self, event: EventOverview, today: date) -> Row:
        return Row(
            event.slug,
            (
                event.name,
                event.event_date,
                format_days_until(event.event_date, today),
                humanize(event.plan_state),
                OUTPUT_NAMES.get(event.output_mode or "", "Not chosen"),
                event.percent,
            ),
        )

    def _open(self) -> None:
        event = self.selected()
        if event is not None:
            self.on_open(event.slug)

    def _open_dialog(self, dialog: ModalDialog) -> None:
        self.dialog = dialog
        dialog.show()

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        set_enabled([self.open_button, self.edit_button, self.delete_button], chosen)
        set_enabled([self.clone_button], bool(self.events))


def _last_years(events: list[EventSummary], today: date) -> EventSummary:
    """The most recent past event (list_events puts those after the upcoming ones)."""
    past = [event for event in events if event.event_date < today]
    return past[0] if past else events[-1]
