"""Adjust a lot by hand: spoilage, gift, correction or other, with a note (other needs one)."""

from __future__ import annotations

import tkinter
from decimal import Decimal
from typing import Any

import customtkinter as ctk

from src.services.errors import InsufficientStockError, ValidationError
from src.services.formatting import format_date
from src.services.inventory import REMOVAL_ONLY_KINDS, LotView, adjust_lot
from src.services.quantity_format import format_quantity
from src.ui import events, theme
from src.ui.context import AppContext
from src.ui.dialogs.form_dialog import FormDialog
from src.ui.validation import parse_decimal
from src.ui.views.pantry.kind_picker import KindPicker

MINUS_SIGNS = ("-", "−")


class AdjustDialog(FormDialog):
    def __init__(self, parent: tkinter.Misc, ctx: AppContext, lot: LotView) -> None:
        super().__init__(
            parent,
            "Adjust lot",
            save_text="Adjust",
            width=480,
            field_errors={ValidationError: "Change", InsufficientStockError: "Change"},
        )
        self.ctx = ctx
        self.lot = lot
        top = ctk.CTkFrame(self.body, fg_color="transparent")
        top.pack(fill="x", before=self.fields_frame)
        ctk.CTkLabel(top, text=lot.product_label, font=theme.heading_font(), anchor="w").pack(
            fill="x"
        )
        ctk.CTkLabel(top, text=_lot_summary(lot), font=theme.body_font(), anchor="w").pack(
            fill="x", pady=(0, theme.GAP)
        )
        self.kind = KindPicker(top, self.form, "What happened", self._kind_changed)
        self.change_hint = ctk.CTkLabel(
            top, text="", font=theme.small_font(), text_color=theme.MUTED, anchor="w"
        )
        self.change_hint.pack(fill="x", pady=(0, theme.GAP))
        self.form.add("Change", self._parse_change, width=420)
        self.form.add("Note", self.kind.parse_note, width=420)
        self._kind_changed()

    def _parse_change(self, label: str, text: str) -> Decimal:
        """ "2" or "-2" takes 2 away for spoilage and gifts; otherwise the sign says which way."""
        stripped = text.strip()
        negative = stripped.startswith(MINUS_SIGNS)
        amount = parse_decimal(label, stripped.lstrip("+-−"), positive=True)
        if negative or self.kind.kind in REMOVAL_ONLY_KINDS:
            return -amount
        return amount

    def _kind_changed(self) -> None:
        """The hint follows what happened: spoilage and gifts only take stock away."""
        unit = self.lot.unit
        if self.kind.kind in REMOVAL_ONLY_KINDS:
            text = f"Enter how much went, in {unit}: 2 takes 2 {unit} away."
        else:
            text = f"Enter the change in {unit}: -2 takes 2 {unit} away, +1 puts 1 {unit} back."
        self.change_hint.configure(text=text)

    def save(self, values: dict[str, Any]) -> None:
        lot = adjust_lot(self.ctx.db, self.lot.id, self.kind.kind, values["Change"], values["Note"])
        left = format_quantity(lot.remaining_quantity, lot.unit)
        self.ctx.publish(events.INVENTORY_CHANGED, f"Adjusted {lot.product_label}: {left} left.")


def _lot_summary(lot: LotView) -> str:
    bought = "On hand" if lot.is_opening_balance else "Bought"
    left = format_quantity(lot.remaining_quantity, lot.unit)
    return f"{bought} {format_date(lot.purchase_date)} · {left} left"
