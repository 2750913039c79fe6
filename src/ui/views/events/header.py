"""The workspace's head: back to the list, the event, and its plan-state buttons with reasons."""

from __future__ import annotations

import tkinter
from collections.abc import Callable
from datetime import date

import customtkinter as ctk

from src.services.events import EventSummary
from src.services.formatting import format_date, format_days_until, humanize
from src.ui import theme
from src.ui.views.events.panel import SECONDARY
from src.ui.views.events.plan_actions import StateAction, state_actions

MODES = {"bundled": "Counts finished goods", "bulk_count": "Counts finished units"}


class WorkspaceHeader(ctk.CTkFrame):
    def __init__(
        self,
        master: tkinter.Misc,
        on_back: Callable[[], None],
        on_action: Callable[[str], None],
    ) -> None:
        super().__init__(master, fg_color="transparent")
        self.back_button = ctk.CTkButton(
            self, text="‹ All events", width=110, command=on_back, **SECONDARY
        )
        self.back_button.grid(row=0, column=0, sticky="w")
        self.title_label = ctk.CTkLabel(self, text="", font=theme.title_font(), anchor="w")
        self.title_label.grid(row=1, column=0, sticky="w", pady=(theme.GAP, 0))
        self.details_label = ctk.CTkLabel(
            self, text="", font=theme.body_font(), text_color=theme.MUTED, anchor="w"
        )
        self.details_label.grid(row=2, column=0, columnspan=2, sticky="w")
        self.grid_columnconfigure(0, weight=1)
        actions = ctk.CTkFrame(self, fg_color="transparent")
        actions.grid(row=0, column=1, rowspan=2, sticky="ne")
        self.buttons: dict[str, ctk.CTkButton] = {}
        self.reasons: dict[str, ctk.CTkLabel] = {}
        for column, action in enumerate(state_actions("draft", produced=False)):
            self._action(actions, column, action, on_action)

    def render(self, event: EventSummary, today: date, produced: bool) -> None:
        self.title_label.configure(text=event.name)
        mode = MODES.get(event.output_mode or "", "Output mode not chosen")
        parts = [when_text(event.event_date, today), humanize(event.plan_state), mode]
        if event.expected_attendees:
            parts.append(f"{event.expected_attendees} expected")
        self.details_label.configure(text="  ·  ".join(parts))
        for action in state_actions(event.plan_state, produced):
            self.buttons[action.key].configure(
                state="disabled" if action.blocked else "normal",
                fg_color=theme.DISABLED_FILL if action.blocked else theme.ACCENT,
            )
            self.reasons[action.key].configure(text=action.blocked or "")

    def _action(
        self,
        master: ctk.CTkFrame,
        column: int,
        action: StateAction,
        on_action: Callable[[str], None],
    ) -> None:
        self.buttons[action.key] = ctk.CTkButton(
            master, text=action.label, width=140, command=lambda: on_action(action.key)
        )
        self.buttons[action.key].grid(row=0, column=column, padx=(theme.GAP, 0), sticky="ew")
        self.reasons[action.key] = ctk.CTkLabel(
            master,
            text="",
            font=theme.small_font(),
            text_color=theme.MUTED,
            wraplength=140,
            justify="center",
            height=32,
        )
        self.reasons[action.key].grid(row=1, column=column, padx=(theme.GAP, 0), sticky="n")


def when_text(event_date: date, today: date) -> str:
    """ "Dec 20, 2026 (in 35 days)"."""
    return f"{format_date(event_date)} ({format_days_until(event_date, today)})"
