"""What happened to stock taken by hand (spoilage, gift, correction, other), and the note
rule that goes with it: an "Other" needs a note saying what happened."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import customtkinter as ctk

from src.services.errors import ValidationError
from src.services.formatting import humanize
from src.services.inventory import ADJUSTMENT_KINDS, NOTE_REQUIRED_KINDS
from src.ui.views.pantry.fields import labelled, optional_text
from src.ui.widgets.forms import Form

KIND_LABELS = {humanize(kind.value): kind for kind in ADJUSTMENT_KINDS}
NOTE_NEEDED = "Say what happened: “Other” needs a note."


class KindPicker:
    """A segmented choice of kind under `label`; the form's "Note" field parses with
    `parse_note` and is checked again when the kind changes."""

    def __init__(
        self,
        master: ctk.CTkFrame,
        form: Form,
        label: str,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        self.form = form
        self.on_change = on_change
        self.button = ctk.CTkSegmentedButton(master, values=list(KIND_LABELS), command=self.set)
        labelled(master, label, self.button)
        self.button.set(next(iter(KIND_LABELS)))

    @property
    def kind(self) -> Any:
        return KIND_LABELS[self.button.get()]

    def parse_note(self, label: str, text: str) -> str | None:
        note = optional_text(label, text)
        if note is None and self.kind in NOTE_REQUIRED_KINDS:
            raise ValidationError(NOTE_NEEDED)
        return note

    def set(self, label: str) -> None:
        """Choose the kind by its label ("Spoilage", ...)."""
        self.button.set(label)
        if self.on_change is not None:
            self.on_change()
        note = self.form.field("Note")
        if note.has_error:
            note.validate()
