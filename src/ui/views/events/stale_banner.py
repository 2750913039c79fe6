"""The banner over a stale plan: what changed since it was calculated, and Recalculate (F5)."""

from __future__ import annotations

import tkinter
from collections.abc import Callable, Sequence

import customtkinter as ctk

from src.ui import theme

MAX_REASONS = 4


class StaleBanner(ctk.CTkFrame):
    def __init__(self, master: tkinter.Misc, on_recalculate: Callable[[], None]) -> None:
        super().__init__(master, fg_color=theme.WARNING_BG, corner_radius=8)
        text = ctk.CTkFrame(self, fg_color="transparent")
        text.pack(side="left", fill="x", expand=True, padx=theme.PAD, pady=theme.GAP)
        ctk.CTkLabel(
            text,
            text="This plan is out of date",
            font=ctk.CTkFont(family=theme.FONT_FAMILY, size=14, weight="bold"),
            text_color=theme.WARNING_TEXT,
            anchor="w",
        ).pack(fill="x")
        self.reasons_label = ctk.CTkLabel(
            text,
            text="",
            font=theme.body_font(),
            text_color=theme.WARNING_TEXT,
            anchor="w",
            justify="left",
            wraplength=720,
        )
        self.reasons_label.pack(fill="x")
        self.recalculate_button = ctk.CTkButton(
            self, text="Recalculate (F5)", width=150, command=on_recalculate
        )
        self.recalculate_button.pack(side="right", padx=theme.PAD, pady=theme.GAP)

    def set_reasons(self, reasons: Sequence[str]) -> None:
        shown = [f"•  {reason}" for reason in reasons[:MAX_REASONS]]
        if len(reasons) > MAX_REASONS:
            shown.append(f"…and {len(reasons) - MAX_REASONS} more changes")
        self.reasons_label.configure(text="\n".join(shown) or "Its inputs have changed.")

    def set_busy(self, busy: bool) -> None:
        self.recalculate_button.configure(
            state="disabled" if busy else "normal",
            text="Recalculating…" if busy else "Recalculate (F5)",
        )
