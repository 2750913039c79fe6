"""Before a run is saved: what it makes, what it costs, and what the pantry lacks.

When stock is short the baker chooses: Cancel, or Record anyway (the missing part is costed
at the latest price and the run is flagged).
"""

from __future__ import annotations

import tkinter
from collections.abc import Callable

import customtkinter as ctk

from src.services.formatting import humanize
from src.services.production import ProductionAvailability
from src.services.quantity_format import format_money, format_stored_quantity
from src.ui import theme
from src.ui.dialogs.base import ModalDialog
from src.ui.views.production_form import RunRequest
from src.ui.widgets.data_table import Column, DataTable, Row

SHORT_EXPLAINED = (
    "Record anyway uses everything on hand, costs the missing part at the latest purchase "
    "price and flags the run as recorded short."
)


class RunCheckDialog(ModalDialog):
    """on_record(record_anyway) runs when the baker confirms."""

    def __init__(
        self,
        parent: tkinter.Misc,
        request: RunRequest,
        check: ProductionAvailability,
        on_record: Callable[[bool], None],
    ) -> None:
        super().__init__(parent, "Record this run?", width=560)
        self._on_record = on_record
        self._short = not check.stock_covers
        self._label(f"Record {request.batches} × {request.recipe.name}?", theme.heading_font())
        self._label(_outcome(request), theme.body_font(), pady=theme.GAP)
        self.cost_label = self._label(_cost(check), theme.body_font())
        if self._short:
            self._shortfalls(check)
        else:
            self._label("The pantry covers every ingredient.", theme.body_font(), theme.SUCCESS)
        text = "Record anyway" if self._short else "Record run"
        self.record_button = self.add_button(text, self._record, primary=True)
        self.cancel_button = self.add_button("Cancel", self.cancel)

    def _label(
        self,
        text: str,
        font: ctk.CTkFont,
        color: tuple[str, str] = theme.TEXT,
        pady: int = 0,
    ) -> ctk.CTkLabel:
        label = ctk.CTkLabel(
            self.body, text=text, font=font, text_color=color, anchor="w", justify="left",
            wraplength=self._width - 2 * theme.PAD,
        )  # fmt: skip
        label.pack(fill="x", pady=(pady, 0))
        return label

    def _shortfalls(self, check: ProductionAvailability) -> None:
        self._label("Not enough in the pantry", theme.heading_font(), theme.ERROR, theme.GAP)
        self.shortfall_table = DataTable(
            self.body,
            [
                Column("ingredient", "Ingredient", width=190),
                Column("need", "Need", width=100, numeric=True),
                Column("have", "Have", width=100, numeric=True),
                Column("short", "Short", width=100, numeric=True),
            ],
            searchable=False,
            height=min(len(check.shortfalls), 6),
        )
        self.shortfall_table.set_rows(
            [
                Row(str(s.ingredient_id), (s.ingredient, *(
                    format_stored_quantity(q, s.unit) for q in (s.needed, s.on_hand, s.missing)
                )))
                for s in check.shortfalls
            ]
        )  # fmt: skip
        self.shortfall_table.pack(fill="x", pady=(theme.GAP // 2, theme.GAP))
        self._label(SHORT_EXPLAINED, theme.small_font(), theme.MUTED)

    def _record(self) -> None:
        self.close()
        self._on_record(self._short)


def _outcome(request: RunRequest) -> str:
    made = f"Makes {request.actual} of {request.expected} × {request.unit.name}"
    if not request.lost:
        return f"{made}, nothing lost."
    return f"{made}: {request.lost} lost ({humanize(request.loss_category)})."


def _cost(check: ProductionAvailability) -> str:
    text = f"Estimated ingredient cost: {format_money(check.estimated_cost)}"
    if check.unpriced:
        text += f" (no price known for {', '.join(check.unpriced)})"
    return text
