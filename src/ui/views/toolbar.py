"""The buttons of a list screen, on the right of its title: some only work on a selection."""

from __future__ import annotations

from collections.abc import Callable

import customtkinter as ctk

from src.ui import theme


class ListToolbar(ctk.CTkFrame):
    """Buttons in the order added; `needs_selection` ones are disabled until a row is chosen."""

    def __init__(self, header: ctk.CTkFrame) -> None:
        super().__init__(header, fg_color="transparent")
        self.pack(side="right")
        self.buttons: dict[str, ctk.CTkButton] = {}
        self._selection_buttons: list[ctk.CTkButton] = []

    def add(
        self,
        text: str,
        command: Callable[[], None],
        *,
        primary: bool = False,
        needs_selection: bool = False,
    ) -> ctk.CTkButton:
        style = {} if primary else {"fg_color": "transparent", "border_width": 1}
        button = ctk.CTkButton(self, text=text, command=command, width=96, **style)
        if not primary:
            button.configure(text_color=theme.TEXT, text_color_disabled=theme.MUTED)
        button.pack(side="left", padx=(theme.GAP // 2, 0))
        self.buttons[text] = button
        if needs_selection:
            self._selection_buttons.append(button)
            button.configure(state="disabled")
        return button

    def selection_changed(self, selected: bool) -> None:
        for button in self._selection_buttons:
            button.configure(state="normal" if selected else "disabled")
