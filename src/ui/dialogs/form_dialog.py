"""A dialog around a Form: Save validates every field inline, then `save` calls one service.

Errors a service raises about one field (a name already taken, a unit that does not convert)
are shown under that field: pass their types in `field_errors`. Anything else reaches the
one error dialog as usual.
"""

from __future__ import annotations

import tkinter
from collections.abc import Mapping
from typing import Any

import customtkinter as ctk

from src.services.errors import BakeTrackerError
from src.ui import theme
from src.ui.dialogs.base import ModalDialog
from src.ui.widgets.forms import Form


class FormDialog(ModalDialog):
    def __init__(
        self,
        parent: tkinter.Misc,
        title: str,
        *,
        save_text: str = "Save",
        columns: int = 1,
        width: int = 460,
        field_errors: Mapping[type[BakeTrackerError], str] | None = None,
    ) -> None:
        super().__init__(parent, title, width=width)
        self.field_errors = dict(field_errors or {})  # error type → label of its field
        self.fields_frame = ctk.CTkFrame(self.body, fg_color="transparent")
        self.fields_frame.pack(fill="x")
        self.form = Form(self.fields_frame, columns=columns)
        self.fields_frame.bind("<Configure>", lambda _event: self._fit_height(), add="+")
        for column in range(columns):  # fields share the dialog's width, flush with its buttons
            self.fields_frame.grid_columnconfigure(column, weight=1, uniform="fields")
        self.save_button = self.add_button(save_text, self.on_save, primary=True)
        self.cancel_button = self.add_button("Cancel", self.cancel)

    def hint(self, text: str = "") -> ctk.CTkLabel:
        """A muted line of help under the fields (e.g. which unit a quantity is in)."""
        label = ctk.CTkLabel(
            self.body,
            text=text,
            font=theme.small_font(),
            text_color=theme.MUTED,
            anchor="w",
            justify="left",
            wraplength=self._width - 2 * theme.PAD,
        )
        label.pack(fill="x", pady=(0, theme.GAP))
        return label

    def on_save(self) -> None:
        values = self.form.values()
        if values is None:
            return
        try:
            self.save(values)
        except tuple(self.field_errors) as error:
            self.form.field(self._field_for(error)).show_error(str(error))
            return
        self.close()

    def save(self, values: dict[str, Any]) -> None:
        """Call the service with the parsed values and publish what changed."""
        raise NotImplementedError

    def _fit_height(self) -> None:
        """Grow (or shrink) with the fields, e.g. when an error message needs two lines."""
        if self.winfo_viewable():
            self.geometry(f"{self.winfo_width()}x{self.winfo_reqheight()}")

    def _field_for(self, error: BakeTrackerError) -> str:
        return next(label for kind, label in self.field_errors.items() if isinstance(error, kind))
