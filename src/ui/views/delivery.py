"""Delivery: an event's packages on a board, Pending → Assembled → Delivered, with undo."""

from __future__ import annotations

import tkinter
from collections.abc import Callable
from datetime import date, datetime

import customtkinter as ctk

from src.services.choices import EventOption, event_options
from src.services.delivery import (
    PackageCard,
    StatusChange,
    assemble_package,
    deliver_package,
    delivery_board,
    unassemble_package,
    undo_delivery,
)
from src.services.formatting import stored_time
from src.ui import events, theme
from src.ui.context import AppContext
from src.ui.dialogs.confirm import ConfirmDialog
from src.ui.view import View
from src.ui.views.deliver_dialog import DeliverDialog
from src.ui.views.delivery_board import BoardColumn, CardButton
from src.ui.widgets.choice_menu import ChoiceMenu
from src.ui.widgets.typeahead import Choice

NO_EVENTS = "No events yet. Plan one in Events and give recipients their packages."


class DeliveryView(View):
    title = "Delivery"
    watches = (
        events.DELIVERY_CHANGED,
        events.EVENTS_CHANGED,
        events.RECIPIENTS_CHANGED,
        events.GOODS_CHANGED,
        events.DATABASE_REPLACED,
    )

    def __init__(self, master: tkinter.Misc, ctx: AppContext) -> None:
        super().__init__(master, ctx)
        header = self.header("Delivery", "Who has their package")
        self.event_menu = ChoiceMenu(
            header, empty_label="No events", note_line=False, width=260,
            on_change=lambda _key: self.refresh(),
        )  # fmt: skip
        self.event_menu.pack(side="right")
        board = ctk.CTkFrame(self, fg_color="transparent")
        board.pack(fill="both", expand=True, padx=theme.PAD - 6, pady=(0, theme.PAD))
        board.grid_rowconfigure(0, weight=1)
        board.grid_columnconfigure((0, 1, 2), weight=1, uniform="board")
        self.pending = BoardColumn(board, "Pending", "Nothing waiting to be assembled.")
        self.assembled = BoardColumn(board, "Assembled", "Nothing packed and waiting.")
        self.delivered = BoardColumn(board, "Delivered", "Nothing delivered yet.")
        for column, widget in enumerate((self.pending, self.assembled, self.delivered)):
            widget.grid(row=0, column=column, sticky="nsew", padx=6)
        self.dialog: ConfirmDialog | DeliverDialog | None = None  # the one open, for tests
        self._defaulted = False

    def refresh(self) -> None:
        options = event_options(self.ctx.db)
        self.event_menu.set_choices([Choice(str(e.id), e.name) for e in options])
        if options and not self._defaulted:  # first time: the next event to come
            self.event_menu.select(_next_event(options, self.ctx.today()))
            self._defaulted = True
        key = self.event_menu.selected_key
        if key is None:
            self._show_empty()
            return
        board = delivery_board(self.ctx.db, int(key))
        self.pending.show(board.pending, [CardButton("Assemble", self.on_assemble, True)])
        self.assembled.show(
            board.assembled,
            [CardButton("Mark delivered…", self.on_deliver, True),
             CardButton("Unassemble…", self.on_unassemble)],
        )  # fmt: skip
        self.delivered.show(board.delivered, [CardButton("Undo delivery…", self.on_undo)])

    # -- actions ----------------------------------------------------------------------------
    def on_assemble(self, card: PackageCard) -> None:
        self._changed(assemble_package(self.ctx.db, card.id), events.INVENTORY_CHANGED)

    def on_deliver(self, card: PackageCard) -> None:
        now = datetime.combine(self.ctx.today(), datetime.now().time()).replace(second=0)
        self._open(
            DeliverDialog(self, card, now, lambda to, when: self.on_delivered(card, to, when))
        )

    def on_delivered(self, card: PackageCard, to_whom: str, when: datetime) -> None:
        change = deliver_package(
            self.ctx.db, card.id, delivered_to=to_whom, delivered_at=stored_time(when)
        )
        self._changed(change)

    def on_undo(self, card: PackageCard) -> None:
        message = (
            f"{_title(card)} goes back to Assembled: the record of to whom and when it was "
            "delivered is cleared. Its goods stay reserved for it."
        )
        self._confirm("Undo this delivery?", message, "Undo delivery",
                      lambda: self._changed(undo_delivery(self.ctx.db, card.id)))  # fmt: skip

    def on_unassemble(self, card: PackageCard) -> None:
        message = (
            f"{_title(card)} goes back to Pending: the goods reserved for it return to "
            "inventory. Packaging already used for it is not returned to stock."
        )
        self._confirm(
            "Unassemble this package?", message, "Unassemble",
            lambda: self._changed(unassemble_package(self.ctx.db, card.id),
                                  events.INVENTORY_CHANGED),
        )  # fmt: skip

    # -- helpers ----------------------------------------------------------------------------
    def _changed(self, change: StatusChange, *also: str) -> None:
        for name in also:
            self.ctx.publish(name)
        self.ctx.publish(events.DELIVERY_CHANGED, change.message)

    def _confirm(self, title: str, message: str, confirm: str, action: Callable[[], None]) -> None:
        self._open(ConfirmDialog(self, title, message, action, confirm_text=confirm))

    def _open(self, dialog: ConfirmDialog | DeliverDialog) -> None:
        self.dialog = dialog
        dialog.show()

    def _show_empty(self) -> None:
        self.pending.show([], [], empty_text=NO_EVENTS)
        self.assembled.show([], [])
        self.delivered.show([], [])


def _title(card: PackageCard) -> str:
    return f"{card.recipient}'s {card.quantity} × {card.package}"


def _next_event(options: list[EventOption], today: date) -> str:
    """The key of the first event from today on, else the latest one."""
    coming = [e for e in options if e.event_date >= today]
    return str((coming[0] if coming else options[-1]).id)
