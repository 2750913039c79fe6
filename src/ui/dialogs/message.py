"""The one dialog style for problems: a heading, the message for the baker, optional details."""

from __future__ import annotations

import tkinter

import customtkinter as ctk

from src.ui import theme
from src.ui.dialogs.base import ModalDialog


class MessageDialog(ModalDialog):
    def __init__(
        self,
        parent: tkinter.Misc,
        heading: str,
        message: str,
        *,
        details: str | None = None,
        is_error: bool = True,
    ) -> None:
        super().__init__(parent, heading, width=500)
        self.add_heading(heading, color=theme.ERROR if is_error else theme.TEXT)
        self.message_label = self.add_paragraph(message)
        self.ok_button = self.add_button("OK", self.close, primary=True)
        self.details_box: ctk.CTkTextbox | None = None
        if details:
            self.details_box = self._details(details)
            self.details_button = self.add_button("Show details", self.toggle_details)

    def toggle_details(self) -> None:
        assert self.details_box is not None
        if self.details_box.winfo_ismapped():
            self.details_box.pack_forget()
            self.details_button.configure(text="Show details")
        else:
            self.details_box.pack(fill="both", expand=True, pady=(theme.GAP, 0))
            self.details_button.configure(text="Hide details")
        self.update_idletasks()
        self.geometry(f"{self._width}x{self.winfo_reqheight()}")

    def _details(self, text: str) -> ctk.CTkTextbox:
        box = ctk.CTkTextbox(self.body, height=200, font=ctk.CTkFont(family="Courier", size=11))
        box.insert("1.0", text)
        box.configure(state="disabled")
        return box
