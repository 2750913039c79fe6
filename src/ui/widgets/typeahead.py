"""An entry that offers matching choices while you type ("fl" → Flour, Cornflour, ...).

Up/Down move through the suggestions, Return or Tab or a click accepts one, Escape closes
them. `selected_key` is the key of the accepted choice (None while the text matches none).
"""

from __future__ import annotations

import tkinter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import customtkinter as ctk

from src.ui import theme

MAX_SUGGESTIONS = 8


@dataclass(frozen=True)
class Choice:
    key: str
    label: str


def matching(choices: Sequence[Choice], text: str) -> list[Choice]:
    """Choices containing every typed word; those starting with the text come first."""
    words = text.casefold().split()
    hits = [c for c in choices if all(word in c.label.casefold() for word in words)]
    prefix = text.strip().casefold()
    return sorted(hits, key=lambda c: not c.label.casefold().startswith(prefix))


class TypeAheadEntry(ctk.CTkEntry):
    def __init__(
        self,
        master: tkinter.Misc,
        choices: Sequence[Choice] = (),
        *,
        on_choose: Callable[[Choice], None] | None = None,
        **entry_options: object,
    ) -> None:
        super().__init__(master, **entry_options)  # type: ignore[arg-type]
        self.choices = list(choices)
        self.on_choose = on_choose
        self.selected_key: str | None = None
        self._shown: list[Choice] = []
        self.suggestions = tkinter.Listbox(
            self.winfo_toplevel(),
            height=MAX_SUGGESTIONS,
            activestyle="none",
            exportselection=False,
            borderwidth=1,
            relief="solid",
            highlightthickness=0,
            font=(theme.FONT_FAMILY, 11),
        )
        self.bind("<KeyRelease>", self._typed)
        self.bind("<Down>", lambda _e: self._move(1))
        self.bind("<Up>", lambda _e: self._move(-1))
        self.bind("<Return>", self._accept_key)
        self.bind("<Tab>", self._accept_key)
        self.bind("<Escape>", lambda _e: self.hide_suggestions())
        self.bind("<FocusOut>", lambda _e: self.after(150, self.hide_suggestions))
        self.suggestions.bind("<ButtonRelease-1>", lambda _e: self.accept())

    def set_choices(self, choices: Sequence[Choice]) -> None:
        self.choices = list(choices)

    def choose(self, key: str) -> None:
        """Show and select the choice with this key (e.g. when editing an existing line)."""
        choice = next(c for c in self.choices if c.key == key)
        self._accept(choice)

    def visible_suggestions(self) -> list[str]:
        if not self.suggestions.winfo_ismapped():
            return []
        return list(self.suggestions.get(0, "end"))

    def hide_suggestions(self) -> None:
        if self.winfo_exists():
            self.suggestions.place_forget()

    def accept(self) -> None:
        """Take the highlighted suggestion."""
        picked = self.suggestions.curselection()
        if picked:
            label = self.suggestions.get(picked[0])
            self._accept(next(c for c in self._shown if c.label == label))

    # -- behaviour --------------------------------------------------------------------------
    def _typed(self, event: tkinter.Event) -> None:
        if event.keysym in {"Up", "Down", "Return", "Tab", "Escape"}:
            return
        text = self.get()
        exact = [c for c in self.choices if c.label.casefold() == text.strip().casefold()]
        self.selected_key = exact[0].key if exact else None
        self._show(matching(self.choices, text) if text.strip() else [])

    def _show(self, shown: list[Choice]) -> None:
        self._shown = shown[:MAX_SUGGESTIONS]
        self.suggestions.delete(0, "end")
        if not self._shown:
            self.hide_suggestions()
            return
        for choice in self._shown:
            self.suggestions.insert("end", choice.label)
        self.suggestions.selection_set(0)
        self._style_suggestions()
        top = self.winfo_toplevel()
        self.suggestions.configure(height=len(self._shown))
        self.suggestions.place(
            x=self.winfo_rootx() - top.winfo_rootx(),
            y=self.winfo_rooty() - top.winfo_rooty() + self.winfo_height(),
            width=self.winfo_width(),
        )
        self.suggestions.lift()

    def _move(self, step: int) -> None:
        if not self.visible_suggestions():
            self._show(matching(self.choices, self.get()))
            return
        current = self.suggestions.curselection()
        index = min(max((current[0] if current else -1) + step, 0), self.suggestions.size() - 1)
        self.suggestions.selection_clear(0, "end")
        self.suggestions.selection_set(index)
        self.suggestions.see(index)

    def _accept_key(self, event: tkinter.Event) -> str | None:
        if not self.visible_suggestions():
            return None  # let Return/Tab do their usual job
        self.accept()
        return "break" if event.keysym == "Return" else None

    def _accept(self, choice: Choice) -> None:
        self.delete(0, "end")
        self.insert(0, choice.label)
        self.selected_key = choice.key
        self.hide_suggestions()
        if self.on_choose is not None:
            self.on_choose(choice)

    def _style_suggestions(self) -> None:
        self.suggestions.configure(
            background=theme.pick(theme.LIST_BG),
            foreground=theme.pick(theme.TEXT),
            selectbackground=theme.pick(theme.LIST_SELECTED),
            selectforeground="white",
        )
