"""Form pieces the pantry dialogs share: type-ahead pickers and service-backed parsers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import customtkinter as ctk

from src.services.errors import ConversionError, ValidationError
from src.services.units import parse_unit, unit_names
from src.ui import theme
from src.ui.validation import required_text
from src.ui.widgets.forms import Form, Parser
from src.ui.widgets.typeahead import Choice, TypeAheadEntry

T = TypeVar("T")


def optional_text(_label: str, text: str) -> str | None:
    """The trimmed text, or None when blank."""
    return text.strip() or None


def service_parser(parse: Callable[[str], T]) -> Callable[[str, str], T]:
    """A form parser around a service's parser: its ConversionError reads as a field error."""

    def parse_field(label: str, text: str) -> T:
        try:
            return parse(required_text(label, text))
        except ConversionError as error:
            raise ValidationError(str(error)) from None

    return parse_field


def add_picker(
    form: Form,
    label: str,
    choices: Sequence[Choice],
    *,
    required: bool = True,
    on_choose: Callable[[Choice], None] | None = None,
    width: int = 260,
) -> TypeAheadEntry:
    """A type-ahead field whose value is the chosen choice's id (None when optional and blank)."""
    field = form.add(
        label,
        required_text,
        width=width,
        entry_factory=lambda master: TypeAheadEntry(
            master, choices, on_choose=on_choose, width=width
        ),
    )
    entry = field.entry
    assert isinstance(entry, TypeAheadEntry)
    field.parser = _chosen_id(entry, required)
    return entry


def _chosen_id(entry: TypeAheadEntry, required: bool) -> Parser:
    def parse(label: str, text: str) -> int | None:
        if not text.strip() and not required:
            return None
        if entry.selected_key is None or not text.strip():
            raise ValidationError(f"Choose the {label.lower()} from the list.")
        return int(entry.selected_key)

    return parse


def add_unit_field(
    form: Form, *, placeholder: str, on_choose: Callable[[Choice], None] | None = None
) -> None:
    """A "Unit" field that suggests the units the app knows ("lb", "cup", ...)."""
    units = [Choice(name, name) for name in unit_names()]
    form.add(
        "Unit",
        service_parser(parse_unit),
        entry_factory=lambda master: TypeAheadEntry(
            master, units, on_choose=on_choose, width=260, placeholder_text=placeholder
        ),
    )


def choose(entry: TypeAheadEntry, key: int | None) -> None:
    """Show the choice with this id; blank when there is none (or it is no longer offered)."""
    if key is not None and any(choice.key == str(key) for choice in entry.choices):
        entry.choose(str(key))
    else:
        entry.delete(0, "end")
        entry.selected_key = None


def labelled(master: ctk.CTkFrame, label: str, widget: ctk.CTkBaseClass) -> ctk.CTkBaseClass:
    """A non-entry control (switch, segmented choice) under a small label, like form fields."""
    ctk.CTkLabel(master, text=label, font=theme.small_font(), anchor="w").pack(fill="x")
    widget.pack(anchor="w", pady=(0, theme.GAP))
    return widget
