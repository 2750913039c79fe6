"""Edit a lot's details: where it is kept, when it expires, notes (never its quantity)."""

from __future__ import annotations

import tkinter
from typing import Any

from src.services.formatting import format_date
from src.services.inventory import LotView, update_lot_details
from src.ui import events
from src.ui.context import AppContext
from src.ui.dialogs.form_dialog import FormDialog
from src.ui.validation import optional, parse_date
from src.ui.views.pantry.fields import optional_text

HINT = "Leave a field blank to clear it. To change the quantity, use Adjust…"


class LotDetailsDialog(FormDialog):
    def __init__(self, parent: tkinter.Misc, ctx: AppContext, lot: LotView) -> None:
        super().__init__(parent, f"Lot details · {lot.product_label}", width=480)
        self.ctx = ctx
        self.lot = lot
        form = self.form
        form.add("Location", optional_text, width=420, placeholder="Pantry shelf")
        form.add("Expiry date", optional(parse_date), width=420, placeholder="none")
        form.add("Notes", optional_text, width=420)
        form.field("Location").set_text(lot.location or "")
        form.field("Expiry date").set_text(format_date(lot.expiry_date) if lot.expiry_date else "")
        form.field("Notes").set_text(lot.notes or "")
        self.hint(HINT)

    def save(self, values: dict[str, Any]) -> None:
        lot = update_lot_details(
            self.ctx.db,
            self.lot.id,
            expiry_date=values["Expiry date"],
            location=values["Location"],
            notes=values["Notes"],
        )
        self.ctx.publish(events.INVENTORY_CHANGED, f"Saved the details of {lot.product_label}.")
