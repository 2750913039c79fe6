"""Choosing files: the system's open and save dialogs behind a small interface.

Handlers ask `ctx.files` for a path instead of calling tkinter.filedialog themselves, so a test
hands in a chooser that answers with paths and no native dialog ever opens.
"""

from __future__ import annotations

import tkinter
from dataclasses import dataclass
from pathlib import Path
from tkinter import filedialog
from typing import Protocol


@dataclass(frozen=True)
class FileKind:
    """What is being chosen: the dialog's title and the file types it offers."""

    title: str
    types: tuple[tuple[str, str], ...]
    extension: str


EXPORT_FILE = FileKind("Bake Tracker export", (("Bake Tracker export", "*.json"),), ".json")
BAKE_TRACKER_EXPORT = FileKind("bake-tracker v4 export", (("bake-tracker export", "*.json"),), "")
PRICES_FILE = FileKind("bake-tracker prices", (("Prices (CSV)", "*.csv"),), "")
SHOPPING_CSV = FileKind("shopping list (CSV)", (("Spreadsheet (CSV)", "*.csv"),), ".csv")
SHOPPING_PDF = FileKind("shopping list (PDF)", (("PDF", "*.pdf"),), ".pdf")
ALL_FILES = ("All files", "*")


class FileChooser(Protocol):
    def open(self, parent: tkinter.Misc, kind: FileKind) -> Path | None:
        """An existing file chosen by the baker, or None when they cancel."""
        ...

    def save(self, parent: tkinter.Misc, kind: FileKind, suggested_name: str) -> Path | None:
        """Where to write a new file, or None when the baker cancels."""
        ...


class SystemFileChooser:
    """The platform's own file dialogs (tkinter.filedialog)."""

    def open(self, parent: tkinter.Misc, kind: FileKind) -> Path | None:
        chosen = filedialog.askopenfilename(
            parent=parent, title=f"Open {kind.title}", filetypes=[*kind.types, ALL_FILES]
        )
        return Path(chosen) if chosen else None

    def save(self, parent: tkinter.Misc, kind: FileKind, suggested_name: str) -> Path | None:
        chosen = filedialog.asksaveasfilename(
            parent=parent,
            title=f"Save {kind.title}",
            filetypes=[*kind.types, ALL_FILES],
            defaultextension=kind.extension,
            initialfile=suggested_name,
        )
        return Path(chosen) if chosen else None
