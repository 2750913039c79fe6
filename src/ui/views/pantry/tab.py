"""What every pantry tab shares: a toolbar over a list, and refreshing on demand."""

from __future__ import annotations

import tkinter
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal

import customtkinter as ctk

from src.services.formatting import format_date
from src.services.quantity_format import format_money
from src.ui import theme
from src.ui.context import AppContext
from src.ui.widgets.data_table import Column, DataTable


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

    def main_table(
        self,
        columns: Sequence[Column],
        *,
        search: str,
        empty: str,
        on_activate: Callable[[], None] | None = None,
    ) -> DataTable:
        """The tab's searchable list, filling the space the detail list leaves."""
        self.table = DataTable(
            self,
            columns=columns,
            search_placeholder=search,
            on_select=lambda _keys: self.selection_changed(),
            on_activate=None if on_activate is None else lambda _key: on_activate(),
        )
        self.table.set_empty_text(empty)
        self.table.pack(fill="both", expand=True)
        return self.table

    def detail_table(
        self, title: str, columns: Sequence[Column], *, empty: str
    ) -> tuple[ctk.CTkLabel, DataTable]:
        """A short list under a heading at the bottom, about the selected row (build it first)."""
        table = DataTable(self, columns=columns, searchable=False, height=5)
        table.set_empty_text(empty)
        table.pack(side="bottom", fill="x")
        heading = ctk.CTkLabel(self, text=title, font=theme.heading_font(), anchor="w")
        heading.pack(side="bottom", fill="x", pady=(theme.GAP, theme.GAP // 2))
        return heading, table

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
