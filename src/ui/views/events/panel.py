"""What every tab of the planning workspace shares: the data it renders and small builders.

A panel renders a PlanView (the event and its current plan), reads anything else it shows
through one service, and after an edit calls `changed(message)`: the workspace publishes
the change, recalculates the plan and renders again.
"""

from __future__ import annotations

import tkinter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

import customtkinter as ctk

from src.services.errors import ValidationError
from src.services.events import EventSummary
from src.services.plan import PlanResult
from src.services.quantity_format import format_number
from src.ui import theme
from src.ui.context import AppContext
from src.ui.dialogs.base import ModalDialog
from src.ui.widgets.data_table import Column, DataTable
from src.ui.widgets.forms import Form
from src.ui.widgets.typeahead import Choice, TypeAheadEntry

SECONDARY = {"fg_color": "transparent", "border_width": 1, "text_color": theme.TEXT}


@dataclass(frozen=True)
class PlanView:
    event: EventSummary
    plan: PlanResult

    @property
    def state(self) -> str:
        return self.event.plan_state


class Panel(ctk.CTkFrame):
    def __init__(
        self, master: tkinter.Misc, ctx: AppContext, on_change: Callable[[str], None]
    ) -> None:
        super().__init__(master, fg_color="transparent")
        self.ctx = ctx
        self.slug = ""
        self.dialog: ModalDialog | None = None  # the latest dialog it opened
        self._on_change = on_change

    def render(self, view: PlanView) -> None:
        self.slug = view.event.slug

    def changed(self, message: str) -> None:
        """After an edit: publish it, recalculate and render again (the workspace does it)."""
        self._on_change(message)

    def open_dialog(self, dialog: ModalDialog) -> None:
        self.dialog = dialog
        dialog.show()


def heading(master: tkinter.Misc, text: str) -> ctk.CTkLabel:
    return ctk.CTkLabel(master, text=text, font=theme.heading_font(), anchor="w")


def title_row(master: tkinter.Misc, text: str) -> ctk.CTkFrame:
    """A heading on the left of a row; the row takes buttons or a figure on the right."""
    row = ctk.CTkFrame(master, fg_color="transparent")
    row.pack(fill="x")
    heading(row, text).pack(side="left")
    return row


def plain_table(master: tkinter.Misc, columns: Sequence[Column], *, height: int) -> DataTable:
    """A list without a search box, packed to fill what is left."""
    table = DataTable(master, columns=columns, searchable=False, height=height)
    table.pack(fill="both", expand=True)
    return table


def captioned_table(
    master: tkinter.Misc, caption: str, columns: Sequence[Column], *, height: int
) -> DataTable:
    note(master, caption).pack(fill="x", pady=(theme.GAP, 4))
    return plain_table(master, columns, height=height)


def note(master: tkinter.Misc, text: str = "", *, wrap: int = 900) -> ctk.CTkLabel:
    """A muted line of explanation (why something is disabled, what a total means)."""
    return ctk.CTkLabel(
        master,
        text=text,
        font=theme.body_font(),
        text_color=theme.MUTED,
        anchor="w",
        justify="left",
        wraplength=wrap,
    )


def button(
    master: tkinter.Misc, text: str, command: Callable[[], None], *, primary: bool = True
) -> ctk.CTkButton:
    style = {} if primary else SECONDARY
    return ctk.CTkButton(master, text=text, command=command, width=120, **style)


def set_enabled(widgets: Sequence[ctk.CTkBaseClass], enabled: bool) -> None:
    for widget in widgets:
        widget.configure(state="normal" if enabled else "disabled")


def add_choice_field(
    form: Form, label: str, placeholder: str = "Type to search…"
) -> TypeAheadEntry:
    """A form field that only accepts one of its choices (the key is the parsed value)."""
    made: list[TypeAheadEntry] = []

    def entry(master: tkinter.Misc) -> TypeAheadEntry:
        made.append(TypeAheadEntry(master, placeholder_text=placeholder, width=260))
        return made[0]

    def parse(name: str, _text: str) -> str:
        if made[0].selected_key is None:
            raise ValidationError(f"Choose the {name.lower()} from the list.")
        return made[0].selected_key

    form.add(label, parse, entry_factory=entry)
    return made[0]


def choices(items: Sequence[tuple[str, str]]) -> list[Choice]:
    return [Choice(key, label) for key, label in items]


def number(text: str | Decimal | int) -> str:
    """A stored decimal string as it reads: "252", "1.5" (never "0.666667")."""
    return format_number(Decimal(text))
