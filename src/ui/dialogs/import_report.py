"""What a bake-tracker import brought over: counts, notes, every skipped item and why."""

from __future__ import annotations

import tkinter

import customtkinter as ctk

from src.services.bake_tracker_v4 import V4Report
from src.services.formatting import format_count, humanize
from src.ui import theme
from src.ui.dialogs.base import ModalDialog
from src.ui.widgets.data_table import Column, DataTable, Row

COUNT_COLUMNS = 3  # (number, name) pairs per line of the summary
NOTHING_SKIPPED = "Everything in the file was imported."


class ImportReportDialog(ModalDialog):
    def __init__(self, parent: tkinter.Misc, report: V4Report) -> None:
        super().__init__(parent, "Imported from bake-tracker", width=920)
        self.add_heading("Imported from bake-tracker", color=theme.SUCCESS)
        self._counts(report.counts)
        for warning in report.warnings:
            self.add_paragraph(f"Note: {warning}", muted=True)
        self.skipped_heading = ctk.CTkLabel(
            self.body,
            text=_skipped_heading(len(report.skipped)),
            font=theme.heading_font(),
            anchor="w",
        )
        self.skipped_heading.pack(fill="x", pady=(theme.PAD, theme.GAP))
        self.skipped = self._skipped_table(report)
        self.ok_button = self.add_button("OK", self.close, primary=True)

    def _counts(self, counts: dict[str, int]) -> None:
        grid = ctk.CTkFrame(self.body, fg_color=theme.CARD, corner_radius=8)
        grid.pack(fill="x", pady=(theme.GAP, 0))
        last_row = (len(counts) - 1) // COUNT_COLUMNS
        for index, (name, count) in enumerate(counts.items()):
            row, pair = divmod(index, COUNT_COLUMNS)
            pady = (theme.GAP if row == 0 else 0, theme.GAP if row == last_row else 4)
            ctk.CTkLabel(grid, text=format_count(count), font=_bold(), anchor="e", width=50).grid(
                row=row, column=2 * pair, sticky="e", padx=(theme.PAD, theme.GAP), pady=pady
            )
            ctk.CTkLabel(grid, text=name, font=theme.body_font(), anchor="w").grid(
                row=row, column=2 * pair + 1, sticky="w", pady=pady
            )
        for pair in range(COUNT_COLUMNS):
            grid.grid_columnconfigure(2 * pair + 1, weight=1)

    def _skipped_table(self, report: V4Report) -> DataTable:
        table = DataTable(
            self.body,
            columns=[
                Column("kind", "Kind", width=140, stretch=False, format=_kind_text),
                Column("name", "Name", width=300, stretch=False),
                Column("reason", "Why it was skipped", width=420),
            ],
            search_placeholder="Search skipped items…",
            height=9,
        )
        table.set_rows(
            [
                Row(str(number), (item.kind, item.name, item.reason))
                for number, item in enumerate(report.skipped)
            ]
        )
        table.set_empty_text(NOTHING_SKIPPED)
        table.pack(fill="both", expand=True)
        return table


def _skipped_heading(count: int) -> str:
    return f"Skipped ({format_count(count)})" if count else "Skipped"


def _kind_text(value: object) -> str:
    return humanize(str(value))


def _bold() -> ctk.CTkFont:
    return ctk.CTkFont(family=theme.FONT_FAMILY, size=13, weight="bold")
