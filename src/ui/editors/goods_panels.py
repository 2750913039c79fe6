"""The parts of the finished-good and package editors: what goes inside, and the packaging."""

from __future__ import annotations

import tkinter
from collections.abc import Sequence
from decimal import Decimal
from functools import partial
from typing import Protocol

import customtkinter as ctk

from src.services.choices import IngredientOption
from src.services.finished_goods import ContentView
from src.services.formatting import format_items
from src.services.packaging import PackagingInput, PackagingView
from src.services.quantity_format import format_quantity
from src.services.units import Unit
from src.ui import theme
from src.ui.editors.recipe_panels import UNIT_CHOICES, optional_text, parse_unit_text, plain_number
from src.ui.validation import parse_decimal, parse_whole_number, required_text
from src.ui.widgets.forms import Form
from src.ui.widgets.row_editor import Cell, EditRow, RowEditor
from src.ui.widgets.typeahead import Choice

Item = tuple[str, int, int]  # (kind "unit" or "good", id, count)


class Held(Protocol):
    """A unit or good inside (ContentView, HeldItem)."""

    @property
    def name(self) -> str: ...

    @property
    def quantity(self) -> int: ...


class Wrapping(Protocol):
    """A packaging line (PackagingView, HeldPackaging)."""

    @property
    def ingredient_name(self) -> str: ...

    @property
    def quantity(self) -> Decimal: ...

    @property
    def unit(self) -> Unit: ...


def contents_text(contents: Sequence[Held], packaging: Sequence[Wrapping]) -> str:
    """ "12 sugar cookies + 6 gingerbread men + 1 tin"."""
    parts = [format_items(c.quantity, c.name) for c in contents]
    for line in packaging:
        if line.unit.value == "each":
            parts.append(format_items(line.quantity, line.ingredient_name))
        else:
            parts.append(f"{format_quantity(line.quantity, line.unit)} {line.ingredient_name}")
    return " + ".join(parts)


def name_form(master: tkinter.Misc, example: str) -> Form:
    """Name, description and notes, the details every good and package has."""
    fields = ctk.CTkFrame(master, fg_color="transparent")
    fields.pack(fill="x")
    form = Form(fields, columns=2)
    form.add("Name", required_text, width=300, placeholder=example)
    form.add("Description", optional_text, width=300)
    form.add("Notes", optional_text, width=300)
    return form


class ContentsPanel(RowEditor):
    """Finished units and/or goods × whole counts. Choice keys read "unit:3" or "good:5"."""

    def __init__(self, master: tkinter.Misc, choices: Sequence[Choice], heading: str) -> None:
        super().__init__(master, [Cell(heading, 300, choices, "Type to find…"),
                                  Cell("How many", 90, placeholder="12")],
                         noun="Item", add_text="Add item", height=150)  # fmt: skip

    def load(self, contents: Sequence[ContentView]) -> None:
        for content in contents:
            row = self.add_row()
            row.set(0, content.name, f"{content.kind}:{content.item_id}")
            row.set(1, str(content.quantity))

    def items(self) -> list[Item] | None:
        return self.values(_parse_item)


def _parse_item(row: EditRow) -> Item:
    kind, item_id = row.choice(0, "what goes inside").split(":")
    count = row.parse(1, parse_whole_number, "How many")
    return kind, int(item_id), count


class PackagingPanel(RowEditor):
    """Packaging ingredients (tins, bags, ribbon) × quantity × unit."""

    def __init__(self, master: tkinter.Misc, packaging: Sequence[IngredientOption]) -> None:
        choices = [Choice(str(i.id), i.name) for i in packaging]
        super().__init__(master, [Cell("Packaging", 300, choices, "Tin, cello bag, ribbon…"),
                                  Cell("Quantity", 90, placeholder="1"),
                                  Cell("Unit", 80, UNIT_CHOICES, "each")],
                         noun="Packaging", add_text="Add packaging", height=90)  # fmt: skip

    def load(self, packaging: Sequence[PackagingView]) -> None:
        for line in packaging:
            row = self.add_row()
            row.set(0, line.ingredient_name, str(line.ingredient_id))
            row.set(1, plain_number(line.quantity))
            row.set(2, line.unit.value, line.unit.value)

    def lines(self) -> list[PackagingInput] | None:
        return self.values(_parse_packaging)


def _parse_packaging(row: EditRow) -> PackagingInput:
    return PackagingInput(
        ingredient_id=int(row.choice(0, "a packaging item")),
        quantity=row.parse(1, partial(parse_decimal, positive=True, example="1"), "Quantity"),
        unit=row.parse(2, parse_unit_text, "Unit") if row.text(2) else "each",
    )


def section(master: tkinter.Misc, title: str) -> None:
    ctk.CTkLabel(master, text=title, font=theme.heading_font(), anchor="w").pack(
        fill="x", pady=(theme.GAP, 4)
    )
