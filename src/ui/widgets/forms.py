"""Form fields that validate inline: the message appears under the field, the border turns red.

    form = Form(frame)
    form.add("Quantity", partial(parse_decimal, positive=True))
    form.add("Expires", optional(parse_date))
    ...
    values = form.values()   # None (and every bad field marked) when something is wrong
    if values is not None:
        service(db, quantity=values["Quantity"])

A field validates when it loses focus, and again on form.values(). Errors a service raises
about one field can be put under it with form.field(label).show_error(message).
"""

from __future__ import annotations

import tkinter
from collections.abc import Callable
from typing import Any

import customtkinter as ctk

from src.services.errors import ValidationError
from src.ui import theme

Parser = Callable[[str, str], Any]  # (label, text) → value, raises ValidationError


class FormField(ctk.CTkFrame):
    """A label, an entry and the place for its error message, in one column."""

    def __init__(
        self,
        master: tkinter.Misc,
        label: str,
        parser: Parser,
        *,
        placeholder: str = "",
        width: int = 260,
        entry_factory: Callable[[tkinter.Misc], ctk.CTkEntry] | None = None,
    ) -> None:
        super().__init__(master, fg_color="transparent")
        self.label = label
        self.parser = parser
        ctk.CTkLabel(self, text=label, font=theme.small_font(), anchor="w").pack(fill="x")
        self.entry = (
            entry_factory(self)
            if entry_factory is not None
            else ctk.CTkEntry(self, width=width, placeholder_text=placeholder)
        )
        self.entry.pack(fill="x")
        self._normal_border = self.entry.cget("border_color")
        self.error_label = ctk.CTkLabel(
            self,
            text="",
            text_color=theme.ERROR,
            font=theme.small_font(),
            anchor="w",
            justify="left",
            height=18,
            wraplength=width,  # a long message wraps under the field instead of being cut off
        )
        self.error_label.pack(fill="x")
        self.entry.bind("<FocusOut>", self._left)

    @property
    def text(self) -> str:
        return str(self.entry.get())

    def set_text(self, text: str) -> None:
        self.entry.delete(0, "end")
        if text:
            self.entry.insert(0, text)
        self.clear_error()

    def validate(self) -> Any:
        """The parsed value, or None with the error shown under the field."""
        try:
            value = self.parser(self.label, self.text)
        except ValidationError as error:
            self.show_error(str(error))
            return None
        self.clear_error()
        return value

    def _left(self, _event: tkinter.Event) -> None:
        # Not "required" while merely tabbing past an empty field; re-check a marked one.
        if self.text.strip() or self.has_error:
            self.validate()

    @property
    def has_error(self) -> bool:
        return bool(self.error_label.cget("text"))

    def show_error(self, message: str) -> None:
        self.error_label.configure(text=message)
        self.entry.configure(border_color=theme.ERROR)

    def clear_error(self) -> None:
        self.error_label.configure(text="")
        self.entry.configure(border_color=self._normal_border)


class Form:
    """The fields of one form, laid out in a grid of `columns` columns."""

    def __init__(self, master: tkinter.Misc, *, columns: int = 1) -> None:
        self.master = master
        self.columns = columns
        self.fields: dict[str, FormField] = {}

    def add(self, label: str, parser: Parser, **options: Any) -> FormField:
        field = FormField(self.master, label, parser, **options)
        row, column = divmod(len(self.fields), self.columns)
        gap = theme.PAD if column < self.columns - 1 else 0  # the last column ends flush
        field.grid(row=row, column=column, sticky="new", padx=(0, gap), pady=(0, 2))
        self.fields[label] = field
        return field

    def field(self, label: str) -> FormField:
        return self.fields[label]

    def values(self) -> dict[str, Any] | None:
        """Every field's parsed value, or None when any is invalid (all of them are marked)."""
        values = {label: field.validate() for label, field in self.fields.items()}
        invalid = [field for field in self.fields.values() if field.has_error]
        if invalid:
            invalid[0].entry.focus_set()
            return None
        return values

    def clear(self) -> None:
        for field in self.fields.values():
            field.set_text("")
