"""Navigation by the baker's workflow: one button per registered screen, the current one lit."""

from __future__ import annotations

import tkinter
from collections.abc import Callable, Iterable

import customtkinter as ctk

from src.ui import theme
from src.ui.registry import ViewSpec

SIDEBAR_WIDTH = 210
SHORTCUT_HINT = (
    "Alt+F  File menu\nCtrl+1…9  switch screens\nCtrl+F  search\nF5  recalculate\nCtrl+Q  quit"
)


class Sidebar(ctk.CTkFrame):
    def __init__(
        self, master: tkinter.Misc, specs: Iterable[ViewSpec], on_choose: Callable[[str], None]
    ) -> None:
        super().__init__(master, width=SIDEBAR_WIDTH, corner_radius=0, fg_color=theme.SIDEBAR)
        self.pack_propagate(False)
        ctk.CTkLabel(self, text="Bake Tracker", font=theme.heading_font(), anchor="w").pack(
            fill="x", padx=theme.PAD, pady=(theme.PAD + 4, theme.PAD)
        )
        self.buttons: dict[str, ctk.CTkButton] = {}
        for spec in specs:
            self.buttons[spec.key] = self._button(spec, on_choose)
        ctk.CTkLabel(
            self,
            text=SHORTCUT_HINT,
            font=theme.small_font(),
            text_color=theme.MUTED,
            justify="left",
        ).pack(side="bottom", anchor="w", padx=theme.PAD, pady=theme.PAD)

    def set_active(self, key: str) -> None:
        for button_key, button in self.buttons.items():
            active = button_key == key
            button.configure(
                fg_color=theme.SIDEBAR_ACTIVE if active else "transparent",
                font=_nav_font(bold=active),
            )

    def _button(self, spec: ViewSpec, on_choose: Callable[[str], None]) -> ctk.CTkButton:
        button = ctk.CTkButton(
            self,
            text=spec.title,
            anchor="w",
            height=36,
            corner_radius=6,
            fg_color="transparent",
            hover_color=theme.SIDEBAR_HOVER,
            text_color=theme.TEXT,
            font=_nav_font(bold=False),
            command=lambda: on_choose(spec.key),
        )
        button.pack(fill="x", padx=theme.GAP, pady=1)
        return button


def _nav_font(*, bold: bool) -> ctk.CTkFont:
    return ctk.CTkFont(family=theme.FONT_FAMILY, size=14, weight="bold" if bold else "normal")
