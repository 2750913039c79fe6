"""A labelled drop-down over keyed choices: shows labels, answers with the chosen key.

    menu = ChoiceMenu(frame, "Event", none_label="No event")
    menu.set_choices([Choice("7", "Christmas 2026")])
    menu.selected_key   # "7", or None while "No event" is shown

It lines up with FormField (label above, a message line below) so both sit in one grid.
"""

from __future__ import annotations

import tkinter
from collections.abc import Callable, Sequence

import customtkinter as ctk

from src.ui import theme
from src.ui.widgets.typeahead import Choice


class ChoiceMenu(ctk.CTkFrame):
    def __init__(
        self,
        master: tkinter.Misc,
        label: str = "",
        *,
        none_label: str | None = None,
        empty_label: str = "Nothing to choose",
        on_change: Callable[[str | None], None] | None = None,
        width: int = 220,
        note_line: bool = True,
    ) -> None:
        super().__init__(master, fg_color="transparent")
        self.none_label = none_label
        self.empty_label = empty_label
        self.on_change = on_change
        self._keys: dict[str, str | None] = {}
        self._enabled = True
        if label:
            ctk.CTkLabel(self, text=label, font=theme.small_font(), anchor="w").pack(fill="x")
        self.menu = ctk.CTkOptionMenu(
            self, width=width, command=self._changed, dynamic_resizing=False,
            fg_color=theme.MENU, button_color=theme.MENU_BUTTON,
            button_hover_color=theme.MENU_HOVER, text_color=theme.TEXT,
        )  # fmt: skip
        self.menu.pack(fill="x")
        if note_line:  # the same height as a FormField's error line, so rows align
            ctk.CTkLabel(self, text="", height=18, font=theme.small_font()).pack(fill="x")
        self.set_choices([])

    @property
    def selected_key(self) -> str | None:
        return self._keys.get(self.menu.get())

    @property
    def labels(self) -> list[str]:
        return list(self._keys)

    def set_choices(self, choices: Sequence[Choice]) -> None:
        """Replace the choices, keeping the current one when it is still offered."""
        current = self.selected_key
        self._keys = {self.none_label: None} if self.none_label is not None else {}
        for choice in choices:
            self._keys[_unique(choice.label, self._keys)] = choice.key
        labels = list(self._keys) or [self.empty_label]
        self.menu.configure(values=labels)
        self._apply_state()
        self.select(current if current in self._keys.values() else None)

    def select(self, key: str | None) -> None:
        """Show the choice with this key (None: the none label, else the first choice)."""
        labels = [label for label, k in self._keys.items() if k == key] or list(self._keys)
        self.menu.set(labels[0] if labels else self.empty_label)

    def choose(self, key: str | None) -> None:
        """Select as the baker would, telling on_change."""
        self.select(key)
        self._changed(self.menu.get())

    def set_enabled(self, enabled: bool) -> None:
        self._enabled = enabled
        self._apply_state()

    def _apply_state(self) -> None:
        self.menu.configure(state="normal" if self._enabled and self._keys else "disabled")

    def _changed(self, _label: str) -> None:
        if self.on_change is not None:
            self.on_change(self.selected_key)


def _unique(label: str, taken: dict[str, str | None]) -> str:
    """Two events both called "Bake sale" stay tellable apart: "Bake sale (2)"."""
    candidate, number = label, 1
    while candidate in taken:
        number += 1
        candidate = f"{label} ({number})"
    return candidate
