"""Assemble finished goods (e.g. holiday tins) from what is on hand; refusals say what is short."""

from __future__ import annotations

import tkinter

import customtkinter as ctk

from src.services.assembly import AssemblyResult, assemble
from src.services.choices import EventOption, GoodOption
from src.services.errors import InsufficientStockError
from src.services.quantity_format import format_money
from src.ui import events, theme
from src.ui.context import AppContext
from src.ui.dialogs.base import ModalDialog
from src.ui.validation import parse_whole_number
from src.ui.widgets.choice_menu import ChoiceMenu
from src.ui.widgets.forms import Form
from src.ui.widgets.typeahead import Choice


class AssembleDialog(ModalDialog):
    def __init__(
        self,
        parent: tkinter.Misc,
        ctx: AppContext,
        goods: list[GoodOption],
        event_options: list[EventOption],
    ) -> None:
        super().__init__(parent, "Assemble goods", width=480)
        self.ctx = ctx
        ctk.CTkLabel(self.body, text="Assemble goods", font=theme.heading_font(), anchor="w").pack(
            fill="x", pady=(0, theme.GAP)
        )
        self.good_menu = ChoiceMenu(self.body, "Finished good", empty_label="No finished goods yet")
        self.good_menu.set_choices([Choice(str(g.id), _good_label(g)) for g in goods])
        self.good_menu.pack(fill="x")
        fields = ctk.CTkFrame(self.body, fg_color="transparent")
        fields.pack(fill="x")
        self.form = Form(fields)
        self.quantity = self.form.add("Quantity", parse_whole_number, placeholder="e.g. 20")
        self.event_menu = ChoiceMenu(self.body, "Event", none_label="No event")
        self.event_menu.set_choices([Choice(str(e.id), e.name) for e in event_options if e.is_open])
        self.event_menu.pack(fill="x")
        self.refusal_label = ctk.CTkLabel(
            self.body, text="", text_color=theme.ERROR, font=theme.body_font(), anchor="w",
            justify="left", wraplength=self._width - 2 * theme.PAD,
        )  # fmt: skip
        self.refusal_label.pack(fill="x")
        self.assemble_button = self.add_button("Assemble", self.on_assemble, primary=True)
        self.add_button("Cancel", self.cancel)

    def on_assemble(self) -> None:
        values = self.form.values()
        good = self.good_menu.selected_key
        if values is None or good is None:
            return
        event = self.event_menu.selected_key
        try:
            result = assemble(
                self.ctx.db, int(good), values["Quantity"],
                event_id=None if event is None else int(event),
            )  # fmt: skip
        except InsufficientStockError as refusal:  # shown here, next to what was asked for
            self.refusal_label.configure(text=str(refusal))
            self.update_idletasks()
            self.geometry(f"{self._width}x{self.winfo_reqheight()}")
            return
        self.close()
        self.ctx.publish(events.INVENTORY_CHANGED)
        self.ctx.publish(events.PRODUCTION_CHANGED, _assembled_message(result))


def _good_label(good: GoodOption) -> str:
    return f"{good.name} ({good.on_hand} on hand)"


def _assembled_message(result: AssemblyResult) -> str:
    return (
        f"Assembled {result.quantity} × {result.finished_good} for "
        f"{format_money(result.total_cost)}; {result.inventory_count} on hand."
    )
