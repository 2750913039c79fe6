"""Ask before something that cannot be undone: "Void this run?" [Cancel] [Void run]."""

from __future__ import annotations

import tkinter
from collections.abc import Callable

from src.ui import theme
from src.ui.dialogs.base import ModalDialog


class ConfirmDialog(ModalDialog):
    """on_confirm runs only when the baker presses the confirm button. Open with .show()."""

    def __init__(
        self,
        parent: tkinter.Misc,
        title: str,
        message: str,
        on_confirm: Callable[[], None],
        *,
        confirm_text: str = "OK",
        destructive: bool = False,
    ) -> None:
        super().__init__(parent, title)
        self._on_confirm = on_confirm
        self.add_heading(title)
        self.message_label = self.add_paragraph(message)
        self.confirm_button = self.add_button(confirm_text, self._confirm, primary=True)
        if destructive:
            self.confirm_button.configure(fg_color=theme.ERROR, hover_color=theme.ERROR)
        self.cancel_button = self.add_button("Cancel", self.cancel)

    def _confirm(self) -> None:
        self.close()
        self._on_confirm()
