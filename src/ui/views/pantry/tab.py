"""What every pantry tab shares: a toolbar over a list, and refreshing on demand."""

from __future__ import annotations

import tkinter
from collections.abc import Callable
from datetime import date
from decimal import Decimal

import customtkinter as ctk

from src.services.formatting import format_date
from src.services.quantity_format import format_money
from src.ui import theme
from src.ui.context import AppContext
from src.ui.widgets.data_table import DataTable


class PantryTab(ctk.CTkFrame):
    """A tab of the Pantry screen; `table` is its main list (the one Ctrl+F searches)."""

    table: DataTable

    def __init__(self, master: tkinter.Misc, ctx: AppContext) -> None:
        super().__init__(master, fg_color="transparent")
        self.ctx = ctx
        self.toolbar = ctk.CTkFrame(self, fg_color="transparent")
        self.toolbar.pack(fill="x", pady=(0, theme.GAP))
        self._selection_buttons: list[ctk.CTkButton] = []

    def refresh(self) -> None:
        """Read this tab's data through its service and render it."""
        raise NotImplementedError

    def focus_search(self) -> bool:
        return self.table.focus_search()

    def button(
        self,
        text: str,
        command: Callable[[], None],
        *,
        primary: bool = False,
        needs_selection: bool = False,
    ) -> ctk.CTkButton:
        """A toolbar button (secondary ones outlined), enabled only with a row selected if asked."""
        style = {} if primary else {"fg_color": "transparent", "border_width": 1}
        button = ctk.CTkButton(
            self.toolbar,
            text=text,
            command=command,
            width=max(96, 8 * len(text) + 28),
            text_color="white" if primary else theme.TEXT,
            **style,
        )
        button.pack(side="left", padx=(0, theme.GAP))
        if needs_selection:
            self._selection_buttons.append(button)
            button.configure(state="disabled")
        return button

    def selection_changed(self) -> None:
        """Enable the buttons that act on the selected row when exactly one is selected."""
        state = "normal" if self.selected_id() is not None else "disabled"
        for button in self._selection_buttons:
            button.configure(state=state)

    def selected_id(self) -> int | None:
        """The id of the one selected row of the main list, if any."""
        keys = self.table.selected_keys()
        return int(keys[0]) if len(keys) == 1 else None


def date_text(value: object) -> str:
    """A list cell for a date column ("Dec 20, 2026")."""
    return format_date(value) if isinstance(value, date) else ""


def money_text(value: object) -> str:
    """A list cell for a money column: "$14.99", or "unknown" (never $0) when not known."""
    return format_money(value if isinstance(value, Decimal) else None)
