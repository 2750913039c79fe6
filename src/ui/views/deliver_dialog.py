"""Mark a package delivered: to whom (default the recipient) and when (default now)."""

from __future__ import annotations

import tkinter
from collections.abc import Callable
from datetime import datetime

import customtkinter as ctk

from src.services.delivery import PackageCard
from src.ui import theme
from src.ui.dialogs.base import ModalDialog
from src.ui.validation import parse_datetime, required_text
from src.ui.widgets.forms import Form


class DeliverDialog(ModalDialog):
    """on_deliver(to_whom, when) runs with the checked values (`when` in local time)."""

    def __init__(
        self,
        parent: tkinter.Misc,
        card: PackageCard,
        now: datetime,
        on_deliver: Callable[[str, datetime], None],
    ) -> None:
        super().__init__(parent, "Mark delivered", width=420)
        self._on_deliver = on_deliver
        heading = f"Deliver {card.recipient}'s {card.quantity} × {card.package}"
        ctk.CTkLabel(self.body, text=heading, anchor="w", font=theme.heading_font()).pack(
            fill="x", pady=(0, theme.GAP)
        )
        fields = ctk.CTkFrame(self.body, fg_color="transparent")
        fields.pack(fill="x")
        fields.grid_columnconfigure(0, weight=1)
        self.form = Form(fields)
        self.form.add("Delivered to", required_text, width=360).set_text(card.recipient)
        when = self.form.add("When", parse_datetime, width=360)
        when.set_text(f"{now:%Y-%m-%d %H:%M}")
        self.deliver_button = self.add_button("Mark delivered", self.on_confirm, primary=True)
        self.add_button("Cancel", self.cancel)

    def on_confirm(self) -> None:
        values = self.form.values()
        if values is None:
            return
        self.close()
        self._on_deliver(values["Delivered to"], values["When"])
