"""An editor dialog: read the form, call one service, publish; or show why it can't be saved.

A problem the service reports (a name already taken, a recipe that would contain itself) is
shown in red above the buttons and the dialog stays open with everything the baker typed.
"""

from __future__ import annotations

import tkinter

import customtkinter as ctk

from src.services.errors import BakeTrackerError
from src.ui import theme
from src.ui.context import AppContext
from src.ui.dialogs.base import ModalDialog


class EditorDialog(ModalDialog):
    event = ""  # published after a successful save (src.ui.events)

    def __init__(
        self,
        parent: tkinter.Misc,
        ctx: AppContext,
        title: str,
        *,
        width: int = 560,
        save_text: str = "Save",
    ) -> None:
        super().__init__(parent, title, width=width)
        self.ctx = ctx
        self.banner = ctk.CTkLabel(
            self, text="", text_color=theme.ERROR, font=theme.body_font(),
            anchor="w", justify="left", wraplength=width - 2 * theme.PAD,
        )  # fmt: skip
        self.save_button = self.add_button(save_text, self.on_save, primary=True)
        self.cancel_button = self.add_button("Cancel", self.cancel)

    def save(self) -> str | None:
        """Call the service with the form's values; the status message, or None when the form
        itself is invalid (its fields show why). Service errors propagate."""
        raise NotImplementedError

    def on_save(self) -> None:
        self.show_problem("")
        try:
            message = self.save()
        except BakeTrackerError as error:
            self.show_problem(str(error))
            return
        if message is not None:
            self.close()
            self.ctx.publish(self.event, message)

    def show_problem(self, message: str) -> None:
        self.banner.configure(text=message)
        if message:
            self.banner.pack(fill="x", padx=theme.PAD, pady=(0, theme.GAP), before=self.buttons)
        else:
            self.banner.pack_forget()
        if self.winfo_ismapped():  # the dialog is not resizable: fit the new height
            self.update_idletasks()
            self.geometry(f"{self.winfo_width()}x{self.winfo_reqheight()}")
