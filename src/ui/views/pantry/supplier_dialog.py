"""New / Edit supplier: a store or an online vendor."""

from __future__ import annotations

import tkinter
from typing import Any

import customtkinter as ctk

from src.services.errors import ConflictError
from src.services.formatting import humanize
from src.services.suppliers import (
    SUPPLIER_KINDS,
    SupplierInput,
    SupplierView,
    create_supplier,
    update_supplier,
)
from src.ui import events
from src.ui.context import AppContext
from src.ui.dialogs.form_dialog import FormDialog
from src.ui.validation import required_text
from src.ui.views.pantry.fields import labelled, optional_text

KIND_LABELS = {humanize(kind.value): kind for kind in SUPPLIER_KINDS}
TEXT_FIELDS = ("City", "State", "Website", "Notes")


class SupplierDialog(FormDialog):
    def __init__(
        self, parent: tkinter.Misc, ctx: AppContext, supplier: SupplierView | None = None
    ) -> None:
        title = "Edit supplier" if supplier else "New supplier"
        super().__init__(parent, title, columns=2, width=600, field_errors={ConflictError: "Name"})
        self.ctx = ctx
        self.supplier = supplier
        self.form.add("Name", required_text, placeholder="Costco")
        for label in TEXT_FIELDS:
            self.form.add(label, optional_text)
        self.kind = ctk.CTkSegmentedButton(self.body, values=list(KIND_LABELS))
        labelled(self.body, "Kind", self.kind)
        self.kind.set(humanize((supplier.kind if supplier else SUPPLIER_KINDS[0]).value))
        if supplier is not None:
            self.form.field("Name").set_text(supplier.name)
            for label in TEXT_FIELDS:
                self.form.field(label).set_text(getattr(supplier, label.lower()) or "")

    def save(self, values: dict[str, Any]) -> None:
        data = SupplierInput(
            name=values["Name"],
            kind=KIND_LABELS[self.kind.get()],
            city=values["City"],
            state=values["State"],
            website=values["Website"],
            notes=values["Notes"],
        )
        if self.supplier is None:
            saved = create_supplier(self.ctx.db, data)
        else:
            saved = update_supplier(self.ctx.db, self.supplier.id, data)
        self.ctx.publish(events.CATALOG_CHANGED, f"Saved supplier {saved.name}.")
