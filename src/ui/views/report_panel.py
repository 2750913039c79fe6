"""One report on the Reports screen: its chart, the numbers beneath, or a friendly empty state."""

from __future__ import annotations

import tkinter
from collections.abc import Sequence

import customtkinter as ctk

from src.ui import theme
from src.ui.views.report_data import Report
from src.ui.widgets.data_table import Column, DataTable, Row


class ReportPanel(ctk.CTkFrame):
    def __init__(self, master: tkinter.Misc, columns: Sequence[Column], empty_text: str) -> None:
        super().__init__(master, fg_color="transparent")
        self.empty_text = empty_text
        self.chart_area = ctk.CTkFrame(self, fg_color=theme.CARD, corner_radius=10)
        self.chart: tkinter.Widget | None = None  # the matplotlib canvas while one is drawn
        self.report: Report | None = None  # what is shown, as plain values
        self.table = DataTable(self, columns, searchable=False, height=5)
        self.empty_label = ctk.CTkLabel(
            self, text="", font=theme.body_font(), text_color=theme.MUTED, wraplength=520
        )

    def show(self, report: Report, empty_text: str | None = None) -> None:
        self._clear()
        self.report = report
        if report.chart is None:
            self.empty_label.configure(text=empty_text or self.empty_text)
            self.empty_label.pack(expand=True, pady=theme.PAD * 3)
            return
        from src.ui.views.report_charts import draw_chart  # matplotlib loads on first chart

        self.chart = draw_chart(self.chart_area, report.chart).get_tk_widget()
        self.chart.pack(fill="both", expand=True, padx=theme.GAP, pady=theme.GAP)
        self.chart_area.pack(fill="both", expand=True, pady=(0, theme.GAP))
        self.table.set_rows([Row(str(n), values) for n, values in enumerate(report.rows)])
        self.table.pack(fill="x")

    def _clear(self) -> None:
        if self.chart is not None:
            self.chart.destroy()
            self.chart = None
        for widget in (self.chart_area, self.table, self.empty_label):
            widget.pack_forget()
