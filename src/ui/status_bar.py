"""The strip along the bottom: which database, the latest message, progress of background work."""

from __future__ import annotations

import tkinter

import customtkinter as ctk

from src.ui import theme
from src.ui.tasks import ProgressUpdate

MESSAGE_MS = 8000  # how long a message stays before the bar is quiet again


class StatusBar(ctk.CTkFrame):
    def __init__(self, master: tkinter.Misc, database_name: str) -> None:
        super().__init__(master, height=30, corner_radius=0, fg_color=theme.SIDEBAR)
        font = theme.small_font()
        self.database_label = ctk.CTkLabel(
            self, text=f"Database: {database_name}", font=font, text_color=theme.MUTED
        )
        self.database_label.pack(side="left", padx=theme.PAD)
        self.message_label = ctk.CTkLabel(self, text="", font=font, anchor="w")
        self.message_label.pack(side="left", fill="x", expand=True)
        self.progress = ctk.CTkProgressBar(self, width=180, height=10)
        self.task_label = ctk.CTkLabel(self, text="", font=font, text_color=theme.MUTED)
        self._clear_id: str | None = None

    @property
    def message(self) -> str:
        return str(self.message_label.cget("text"))

    def show_message(self, text: str) -> None:
        self.message_label.configure(text=text)
        if self._clear_id is not None:
            self.after_cancel(self._clear_id)
        self._clear_id = self.after(MESSAGE_MS, self._clear)

    def set_busy(self, label: str | None) -> None:
        """Show the progress bar while background work runs (label None: all done)."""
        if label is None:
            self.progress.stop()
            self.progress.pack_forget()
            self.task_label.pack_forget()
            return
        self.task_label.configure(text=label)
        if not self.busy:
            self.progress.configure(mode="indeterminate")
            self.progress.pack(side="right", padx=(theme.GAP, theme.PAD))
            self.task_label.pack(side="right")
            self.progress.start()

    def show_progress(self, update: ProgressUpdate) -> None:
        if update.message:
            self.task_label.configure(text=update.message)
        if update.fraction is None:
            return
        if self.progress.cget("mode") != "determinate":
            self.progress.stop()
            self.progress.configure(mode="determinate")
        self.progress.set(update.fraction)

    @property
    def busy(self) -> bool:
        return bool(self.progress.winfo_manager())  # packed, even before it is drawn

    def _clear(self) -> None:
        self._clear_id = None
        self.message_label.configure(text="")
