"""A modal dialog: centred on its window, keyboard friendly, never blocks the event loop.

Subclasses fill `self.body` and add buttons with `add_button`; results go to callbacks, so a
dialog is driven in tests like any other widget (no nested wait_window loop).
"""

from __future__ import annotations

import tkinter
from collections.abc import Callable

import customtkinter as ctk

from src.ui import theme


class ModalDialog(ctk.CTkToplevel):
    def __init__(self, parent: tkinter.Misc, title: str, *, width: int = 460) -> None:
        super().__init__(parent)
        self.withdraw()  # no flash of an empty window while it is being built
        self.title(title)
        owner = parent.winfo_toplevel()
        if owner.winfo_viewable():  # transient to a hidden window would hide the dialog too
            self.transient(owner)
        self.resizable(False, False)
        self._width = width
        self.body = ctk.CTkFrame(self, fg_color="transparent")
        self.body.pack(fill="both", expand=True, padx=theme.PAD, pady=(theme.PAD, theme.GAP))
        self.buttons = ctk.CTkFrame(self, fg_color="transparent")
        self.buttons.pack(fill="x", padx=theme.PAD, pady=(0, theme.PAD))
        self.protocol("WM_DELETE_WINDOW", self.cancel)
        self.bind("<Escape>", lambda _event: self.cancel())

    def add_button(
        self, text: str, command: Callable[[], None], *, primary: bool = False
    ) -> ctk.CTkButton:
        """Buttons line up on the right; the primary one is the default for Return."""
        style = {} if primary else {"fg_color": "transparent", "border_width": 1}
        button = ctk.CTkButton(
            self.buttons, text=text, command=command, width=100, text_color=theme.TEXT, **style
        )
        if primary:
            button.configure(text_color="white")
            self.bind("<Return>", lambda _event: button.invoke())
        button.pack(side="right", padx=(theme.GAP, 0))
        return button

    def add_heading(self, text: str, *, color: tuple[str, str] = theme.TEXT) -> ctk.CTkLabel:
        """The dialog's first line, in the heading font."""
        label = ctk.CTkLabel(
            self.body, text=text, font=theme.heading_font(), text_color=color, anchor="w"
        )
        label.pack(fill="x")
        return label

    def add_paragraph(self, text: str, *, muted: bool = False) -> ctk.CTkLabel:
        """Text wrapped to the dialog's width, a gap below what is already there."""
        label = ctk.CTkLabel(
            self.body,
            text=text,
            font=theme.body_font(),
            text_color=theme.MUTED if muted else theme.TEXT,
            anchor="w",
            justify="left",
            wraplength=self._width - 2 * theme.PAD,
        )
        label.pack(fill="x", pady=(theme.GAP, 0))
        return label

    def show(self) -> None:
        """Place the dialog over its window, show it and take the keyboard and mouse grab."""
        self.update_idletasks()
        self._center()
        self.deiconify()
        self.lift()
        self.after_idle(self._grab)

    def cancel(self) -> None:
        """Escape, the window's close button and Cancel all end here."""
        self.close()

    def close(self) -> None:
        owner = self.master.winfo_toplevel()
        self.grab_release()
        self.destroy()
        if isinstance(owner, ModalDialog):  # a dialog opened from a dialog: that one is modal again
            owner.after_idle(owner._grab)

    def _grab(self) -> None:
        if not self.winfo_exists():
            return
        if not self.winfo_viewable():
            self.after(20, self._grab)  # the window manager has not mapped it yet
            return
        self.grab_set()
        self.focus_force()

    def _center(self) -> None:
        parent = self.master.winfo_toplevel()
        width = max(self._width, self.winfo_reqwidth())
        height = self.winfo_reqheight()
        if parent.winfo_viewable():
            x = parent.winfo_rootx() + (parent.winfo_width() - width) // 2
            y = parent.winfo_rooty() + (parent.winfo_height() - height) // 3
        else:
            x = (self.winfo_screenwidth() - width) // 2
            y = (self.winfo_screenheight() - height) // 3
        self.geometry(f"{width}x{height}+{max(x, 0)}+{max(y, 0)}")
