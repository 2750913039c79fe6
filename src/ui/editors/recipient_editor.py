"""Add or edit a recipient: name, household, address, allergies and dislikes, notes."""

from __future__ import annotations

import tkinter

import customtkinter as ctk

from src.services.recipients import (
    RecipientInput,
    RecipientView,
    create_recipient,
    update_recipient,
)
from src.ui import events
from src.ui.context import AppContext
from src.ui.editors.base import EditorDialog
from src.ui.editors.recipe_panels import optional_text
from src.ui.validation import required_text
from src.ui.widgets.forms import Form

FIELDS = (
    ("Name", "Aunt May"),
    ("Household", "The Parkers"),
    ("Address", "20 Ingram St, Queens, NY"),
    ("Allergies and dislikes", "No nuts; not fond of ginger"),
    ("Notes", "Deliver before the 20th"),
)


class RecipientEditor(EditorDialog):
    """New recipient (recipient None) or edit one. Open with .show()."""

    event = events.RECIPIENTS_CHANGED

    def __init__(
        self, parent: tkinter.Misc, ctx: AppContext, recipient: RecipientView | None
    ) -> None:
        title = f"Edit {recipient.name}" if recipient else "New recipient"
        super().__init__(parent, ctx, title, width=520)
        self.recipient_id = recipient.id if recipient else None
        fields = ctk.CTkFrame(self.body, fg_color="transparent")
        fields.pack(fill="x")
        self.form = Form(fields)
        for label, example in FIELDS:
            parser = required_text if label == "Name" else optional_text
            self.form.add(label, parser, width=480, placeholder=example)
        if recipient is not None:
            texts = (recipient.name, recipient.household_name, recipient.address,
                     recipient.allergies, recipient.notes)  # fmt: skip
            for (label, _example), text in zip(FIELDS, texts, strict=True):
                self.form.field(label).set_text(text or "")

    def save(self) -> str | None:
        values = self.form.values()
        if values is None:
            return None
        data = RecipientInput(
            name=values["Name"], household_name=values["Household"], address=values["Address"],
            allergies=values["Allergies and dislikes"], notes=values["Notes"],
        )  # fmt: skip
        if self.recipient_id is None:
            saved = create_recipient(self.ctx.db, data)
        else:
            saved = update_recipient(self.ctx.db, self.recipient_id, data)
        return f"Saved recipient '{saved.name}'."
