"""The window's menu bar with its File menu (Alt+F or F10 opens it; arrows and Return choose).

A real Tk menu bar: native on Windows and macOS, and on Linux coloured like the sidebar. While
background work runs the entries that change data are disabled, so two never overlap.
"""

from __future__ import annotations

import tkinter
from collections.abc import Callable

from src.ui import theme
from src.ui.data_actions import DataActions

EXPORT = "Export…"
IMPORT = "Import…"
IMPORT_BAKE_TRACKER = "Import a bake-tracker export…"
UPGRADE = "Upgrade schema…"
BACKUPS = "Backups…"
QUIT = "Quit"


class FileMenu:
    def __init__(
        self,
        window: tkinter.Tk | tkinter.Toplevel,
        actions: DataActions,
        on_quit: Callable[[], None],
    ) -> None:
        # Tk's X11 menus put the text right against the edge; pad it there (as customtkinter's
        # own dropdown does). Native menus on Windows and macOS need none.
        self._pad = "  " if window.tk.call("tk", "windowingsystem") == "x11" else ""
        self.bar = tkinter.Menu(window, tearoff=False)
        self.menu = tkinter.Menu(self.bar, tearoff=False)
        self.bar.add_cascade(label="File", menu=self.menu, underline=0)
        self.indexes: dict[str, int] = {}  # entry label → its index in the menu
        self._add(EXPORT, actions.on_export, underline=0)
        self._add(IMPORT, actions.on_import, underline=0)
        self._add(IMPORT_BAKE_TRACKER, actions.on_import_bake_tracker, underline=9)
        self.menu.add_separator()
        self._add(UPGRADE, actions.on_upgrade, underline=0)
        self._add(BACKUPS, actions.on_backups, underline=0)
        self.menu.add_separator()
        self._add(QUIT, on_quit, underline=0, accelerator="Ctrl+Q")
        self.restyle()
        window.configure(menu=self.bar)

    def invoke(self, label: str) -> None:
        """Choose an entry as the baker would (tests drive the menu through this)."""
        self.menu.invoke(self.indexes[label])

    def set_busy(self, busy: bool) -> None:
        state = "disabled" if busy else "normal"
        for label in (EXPORT, IMPORT, IMPORT_BAKE_TRACKER, UPGRADE, BACKUPS):
            self.menu.entryconfigure(self.indexes[label], state=state)

    def restyle(self) -> None:
        """Colours and font for the current appearance mode (Linux; other systems ignore them)."""
        options: dict[str, object] = {
            "background": theme.pick(theme.SIDEBAR),
            "foreground": theme.pick(theme.TEXT),
            "activebackground": theme.pick(theme.SIDEBAR_ACTIVE),
            "activeforeground": theme.pick(theme.TEXT),
            "disabledforeground": theme.pick(theme.MUTED),
            "font": (theme.FONT_FAMILY, 11),
            "relief": "flat",
            "borderwidth": 0,
            "activeborderwidth": 0,
        }
        self.bar.configure(options)
        self.menu.configure(
            {
                **options,
                "background": theme.pick(theme.CARD),
                "activebackground": theme.pick(theme.LIST_SELECTED),
                "activeforeground": "white",
                "relief": "solid",
                "borderwidth": 1,
            }
        )

    def _add(
        self, label: str, command: Callable[[], None], *, underline: int, accelerator: str = ""
    ) -> None:
        pad = self._pad
        last = self.menu.index("end")  # None while the menu is empty
        self.indexes[label] = 0 if last is None else last + 1
        self.menu.add_command(
            label=f"{pad}{label}{pad}",
            command=command,
            underline=underline + len(pad),
            accelerator=f"{accelerator}{pad}" if accelerator else "",
        )
