"""The base of every screen: a passive frame that refreshes itself when its data changes.

A subclass builds its widgets in __init__, lists the events it shows data for in `watches`,
and implements `refresh()` (read through one service, render). While hidden it only notes
that it is out of date and refreshes when shown again.
"""

from __future__ import annotations

import tkinter

import customtkinter as ctk

from src.ui import theme
from src.ui.context import AppContext
from src.ui.events import Subscription


class View(ctk.CTkFrame):
    title = ""
    watches: tuple[str, ...] = ()  # event names (src.ui.events) that make this view stale
    supports_recalculate = False  # True: F5 calls recalculate()

    def __init__(self, master: tkinter.Misc, ctx: AppContext) -> None:
        super().__init__(master, fg_color="transparent", corner_radius=0)
        self.ctx = ctx
        self._stale = True
        self._shown = False
        self._subscriptions: list[Subscription] = [
            ctx.bus.subscribe(name, self._data_changed) for name in self.watches
        ]

    def header(self, title: str, subtitle: str = "") -> ctk.CTkFrame:
        """The screen's title row; returns its frame so views can add buttons on the right."""
        row = ctk.CTkFrame(self, fg_color="transparent")
        row.pack(fill="x", padx=theme.PAD, pady=(theme.PAD, theme.GAP))
        ctk.CTkLabel(row, text=title, font=theme.title_font(), anchor="w").pack(side="left")
        if subtitle:
            ctk.CTkLabel(
                row, text=subtitle, font=theme.body_font(), text_color=theme.MUTED, anchor="w"
            ).pack(side="left", padx=(theme.GAP * 2, 0), pady=(8, 0))
        return row

    def refresh(self) -> None:
        """Read the data and render it. Called when shown after a change."""

    def recalculate(self) -> None:
        """F5, for views that set supports_recalculate."""

    def focus_search(self) -> bool:
        """Ctrl+F: put the cursor in this view's search box; False when it has none."""
        return False

    def show(self) -> None:
        self._shown = True
        if self._stale:
            self._stale = False
            self.refresh()

    def hide(self) -> None:
        self._shown = False

    def _data_changed(self, _name: str) -> None:
        if self._shown:
            self.refresh()
        else:
            self._stale = True

    def destroy(self) -> None:
        for subscription in self._subscriptions:
            self.ctx.bus.unsubscribe(subscription)
        super().destroy()
