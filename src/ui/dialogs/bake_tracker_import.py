"""Choose what to move over from bake-tracker v4: its export (JSON) and, optionally, prices (CSV).

Export file      bake_tracker_v4_sample.json        [Choose…]
Prices           No file (optional)                 [Choose…]
                                            [Cancel] [Import]
"""

from __future__ import annotations

import tkinter
from collections.abc import Callable
from pathlib import Path

import customtkinter as ctk

from src.ui import theme
from src.ui.dialogs.base import ModalDialog
from src.ui.files import BAKE_TRACKER_EXPORT, PRICES_FILE, FileChooser

INTRO = (
    "Bake Tracker moves over your ingredients, products, pantry, recipes, recipients and events "
    "from a bake-tracker 4 export. Add its price list to bring purchase prices and costs along."
)
NO_EXPORT = "No file chosen"
NO_PRICES = "No file (optional)"


class BakeTrackerImportDialog(ModalDialog):
    """on_import(export, prices) runs when the baker presses Import (an export is required)."""

    def __init__(
        self,
        parent: tkinter.Misc,
        files: FileChooser,
        on_import: Callable[[Path, Path | None], None],
    ) -> None:
        super().__init__(parent, "Import a bake-tracker export", width=560)
        self._files = files
        self._on_import = on_import
        self.export: Path | None = None
        self.prices: Path | None = None
        self.add_heading("Import a bake-tracker export")
        self.add_paragraph(INTRO).pack_configure(pady=(theme.GAP, theme.PAD))
        rows = ctk.CTkFrame(self.body, fg_color=theme.CARD, corner_radius=8)
        rows.pack(fill="x")
        rows.grid_columnconfigure(1, weight=1)
        self.export_label, self.choose_export = self._file_row(rows, 0, "Export file", NO_EXPORT)
        self.prices_label, self.choose_prices = self._file_row(rows, 1, "Prices", NO_PRICES)
        self.choose_export.configure(command=self.on_choose_export)
        self.choose_prices.configure(command=self.on_choose_prices)
        self.import_button = self.add_button("Import", self.on_import, primary=True)
        self.import_button.configure(state="disabled")
        self.cancel_button = self.add_button("Cancel", self.cancel)

    def on_choose_export(self) -> None:
        chosen = self._files.open(self, BAKE_TRACKER_EXPORT)
        if chosen is not None:
            self.export = chosen
            self.export_label.configure(text=chosen.name, text_color=theme.TEXT)
            self.import_button.configure(state="normal")

    def on_choose_prices(self) -> None:
        chosen = self._files.open(self, PRICES_FILE)
        if chosen is not None:
            self.prices = chosen
            self.prices_label.configure(text=chosen.name, text_color=theme.TEXT)

    def on_import(self) -> None:
        if self.export is None:
            return  # Return pressed before an export was chosen
        self.close()
        self._on_import(self.export, self.prices)

    def _file_row(
        self, master: ctk.CTkFrame, row: int, title: str, empty_text: str
    ) -> tuple[ctk.CTkLabel, ctk.CTkButton]:
        pady = (theme.GAP if row == 0 else 0, theme.GAP)
        ctk.CTkLabel(master, text=title, font=theme.body_font(), anchor="w", width=100).grid(
            row=row, column=0, sticky="w", padx=(theme.PAD, theme.GAP), pady=pady
        )
        label = ctk.CTkLabel(
            master, text=empty_text, font=theme.body_font(), text_color=theme.MUTED, anchor="w"
        )
        label.grid(row=row, column=1, sticky="ew", pady=pady)
        button = ctk.CTkButton(master, text="Choose…", width=100)
        button.grid(row=row, column=2, padx=theme.PAD, pady=pady)
        return label, button
