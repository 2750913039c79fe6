"""Editable rows of a form: recipe lines, components, yields, the contents of a tin.

    lines = RowEditor(frame, [Cell("Ingredient", 240, choices=ingredients),
                              Cell("Quantity", 90)], noun="Line", add_text="Add ingredient")
    row = lines.add_row()
    ...
    values = lines.values(parse_line)   # None (the bad cell marked, the message shown)

Each row has ↑ ↓ to reorder and ✕ to remove. A row left entirely blank is ignored. The parse
function reads a row with `row.parse(...)` and `row.choice(...)`, which mark the bad cell.
"""

from __future__ import annotations

import tkinter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import customtkinter as ctk

from src.services.errors import ValidationError
from src.ui import theme
from src.ui.widgets.typeahead import Choice, TypeAheadEntry

T = TypeVar("T")
ICON_WIDTH = 28


@dataclass(frozen=True)
class Cell:
    heading: str
    width: int
    choices: Sequence[Choice] | None = None  # given: a type-ahead cell
    placeholder: str = ""


class EditRow(ctk.CTkFrame):
    """One row of entries; `item_id` is the saved row it edits (None for a new one)."""

    def __init__(self, editor: RowEditor, cells: Sequence[Cell]) -> None:
        super().__init__(editor.rows_frame, fg_color="transparent")
        self.item_id: int | None = None
        self.entries = [self._entry(cell) for cell in cells]
        for column, entry in enumerate(self.entries):
            entry.grid(row=0, column=column, padx=(0, theme.GAP // 2), pady=2, sticky="w")
        self._normal_border = self.entries[0].cget("border_color")
        buttons = (("↑", lambda: editor.move(self, -1)), ("↓", lambda: editor.move(self, 1)),
                   ("✕", lambda: editor.remove(self)))  # fmt: skip
        self.up_button, self.down_button, self.remove_button = (
            self._icon(len(cells) + i, text, command) for i, (text, command) in enumerate(buttons)
        )

    def set(self, column: int, text: str, key: str | None = None) -> None:
        """Show `text` in a cell; for a type-ahead cell, select the choice `key`."""
        entry = self.entries[column]
        entry.delete(0, "end")
        entry.insert(0, text)
        if isinstance(entry, TypeAheadEntry):
            entry.selected_key = key  # also for a choice no longer offered (archived)

    def text(self, column: int) -> str:
        return str(self.entries[column].get()).strip()

    @property
    def is_blank(self) -> bool:
        return not any(self.text(column) for column in range(len(self.entries)))

    def parse(self, column: int, parser: Callable[[str, str], Any], label: str) -> Any:
        """The cell's text parsed; ValidationError (cell marked) when it does not parse."""
        try:
            return parser(label, self.text(column))
        except ValidationError:
            self.mark(column)
            raise

    def choice(self, column: int, what: str) -> str:
        """The key of the choice picked in a type-ahead cell; ValidationError when none is."""
        entry = self.entries[column]
        key = entry.selected_key if isinstance(entry, TypeAheadEntry) else None
        if key is None:
            self.mark(column)
            typed = self.text(column)
            raise ValidationError(
                f"Pick {what} from the list; there is none called '{typed}'."
                if typed
                else f"Pick {what} from the list."
            )
        return key

    def mark(self, column: int) -> None:
        self.entries[column].configure(border_color=theme.ERROR)

    def clear_marks(self) -> None:
        for entry in self.entries:
            entry.configure(border_color=self._normal_border)

    def _entry(self, cell: Cell) -> ctk.CTkEntry:
        if cell.choices is not None:
            return TypeAheadEntry(
                self, cell.choices, width=cell.width, placeholder_text=cell.placeholder
            )
        return ctk.CTkEntry(self, width=cell.width, placeholder_text=cell.placeholder)

    def _icon(self, column: int, text: str, command: Callable[[], None]) -> ctk.CTkButton:
        button = ctk.CTkButton(
            self, text=text, width=ICON_WIDTH, height=28, command=command,
            fg_color="transparent", hover_color=theme.SIDEBAR_HOVER, text_color=theme.MUTED,
        )  # fmt: skip
        button.grid(row=0, column=column, padx=(0, 2))
        return button


class RowEditor(ctk.CTkFrame):
    def __init__(
        self,
        master: tkinter.Misc,
        cells: Sequence[Cell],
        *,
        noun: str,
        add_text: str,
        height: int = 200,
    ) -> None:
        super().__init__(master, fg_color="transparent")
        self.cells = tuple(cells)
        self.noun = noun  # "Line": errors read "Line 2: …"
        self.rows: list[EditRow] = []
        self._headings()
        self.rows_frame = ctk.CTkScrollableFrame(self, height=height, fg_color=theme.CARD)
        self.rows_frame.pack(fill="both", expand=True)
        footer = ctk.CTkFrame(self, fg_color="transparent")
        footer.pack(fill="x", pady=(theme.GAP // 2, 0))
        self.add_button = ctk.CTkButton(
            footer, text=f"+ {add_text}", width=150, command=self.add_row,
            fg_color="transparent", border_width=1, text_color=theme.TEXT,
        )  # fmt: skip
        self.add_button.pack(side="left")
        self.error_label = ctk.CTkLabel(
            footer, text="", text_color=theme.ERROR, font=theme.small_font(),
            anchor="w", justify="left", wraplength=520,
        )  # fmt: skip
        self.error_label.pack(side="left", fill="x", expand=True, padx=theme.GAP)

    def add_row(self) -> EditRow:
        row = EditRow(self, self.cells)
        self.rows.append(row)
        row.pack(fill="x", padx=theme.GAP // 2)
        return row

    def remove(self, row: EditRow) -> None:
        self.rows.remove(row)
        row.destroy()

    def move(self, row: EditRow, step: int) -> None:
        index = self.rows.index(row)
        target = min(max(index + step, 0), len(self.rows) - 1)
        self.rows.insert(target, self.rows.pop(index))
        for each in self.rows:
            each.pack_forget()
            each.pack(fill="x", padx=theme.GAP // 2)

    def clear(self) -> None:
        for row in list(self.rows):
            self.remove(row)

    def values(self, parse_row: Callable[[EditRow], T]) -> list[T] | None:
        """Every non-blank row parsed, or None with the first problem shown."""
        self.show_error("")
        for row in self.rows:
            row.clear_marks()
        values = []
        for number, row in enumerate(self.rows, start=1):
            if row.is_blank:
                continue
            try:
                values.append(parse_row(row))
            except ValidationError as error:
                self.show_error(f"{self.noun} {number}: {error}")
                return None
        return values

    def show_error(self, message: str) -> None:
        self.error_label.configure(text=message)

    def _headings(self) -> None:
        heads = ctk.CTkFrame(self, fg_color="transparent")
        heads.pack(fill="x", padx=theme.GAP // 2 + 6)
        for column, cell in enumerate(self.cells):
            ctk.CTkLabel(
                heads, text=cell.heading, width=cell.width, anchor="w",
                font=theme.small_font(), text_color=theme.MUTED,
            ).grid(row=0, column=column, padx=(0, theme.GAP // 2), sticky="w")  # fmt: skip
