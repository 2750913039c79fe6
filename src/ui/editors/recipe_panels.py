"""The parts of the recipe editor: details, ingredient lines, components and yields."""

from __future__ import annotations

import tkinter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

import customtkinter as ctk

from src.services.choices import IngredientOption
from src.services.errors import ConversionError, ValidationError
from src.services.finished_units import FinishedUnitInput
from src.services.recipes import ComponentInput, LineInput, RecipeSummary, RecipeView
from src.services.units import Unit, parse_unit, unit_names
from src.ui import theme
from src.ui.validation import parse_decimal, required_text
from src.ui.widgets.forms import Form
from src.ui.widgets.row_editor import Cell, EditRow, RowEditor
from src.ui.widgets.typeahead import Choice, TypeAheadEntry

UNIT_CHOICES = [Choice(name, name) for name in unit_names()]


def optional_text(_label: str, text: str) -> str | None:
    return text.strip() or None


def plain_number(value: Decimal) -> str:
    """A stored amount shown exactly for editing: 0.75, 3.5, 36."""
    return format(value.normalize(), "f")


def parse_unit_text(label: str, text: str) -> Unit:
    try:
        return parse_unit(required_text(label, text))
    except ConversionError:
        raise ValidationError(f"'{text}' is not a unit; pick one from the list.") from None


@dataclass(frozen=True)
class RecipeDetails:
    name: str
    category: str
    source: str | None
    notes: str | None
    is_production_ready: bool
    is_archived: bool


class DetailsPanel(ctk.CTkFrame):
    def __init__(self, master: tkinter.Misc, categories: Sequence[str]) -> None:
        super().__init__(master, fg_color="transparent")
        fields = ctk.CTkFrame(self, fg_color="transparent")
        fields.pack(fill="x")
        self.form = Form(fields, columns=2)
        self.form.add("Name", required_text, width=300, placeholder="Sugar cookies")
        choices = [Choice(c, c) for c in categories]
        self.form.add("Category", optional_text, entry_factory=lambda master: TypeAheadEntry(
            master, choices, width=300, placeholder_text="Cookies"))  # fmt: skip
        self.form.add("Source", optional_text, width=300, placeholder="Grandma's card box")
        self.form.add("Notes", optional_text, width=300)
        self.production_ready = ctk.CTkCheckBox(
            self, text="Production-ready (tested, plan with it)"
        )
        self.production_ready.pack(anchor="w", pady=(theme.GAP, 4))
        self.archived = ctk.CTkCheckBox(self, text="Archived (hidden from lists and pickers)")
        self.archived.pack(anchor="w")

    def load(self, recipe: RecipeView) -> None:
        for label, text in (("Name", recipe.name), ("Category", recipe.summary.category),
                            ("Source", recipe.source), ("Notes", recipe.notes)):  # fmt: skip
            self.form.field(label).set_text(text or "")
        _set_check(self.production_ready, recipe.summary.is_production_ready)
        _set_check(self.archived, recipe.summary.is_archived)

    def values(self) -> RecipeDetails | None:
        values = self.form.values()
        if values is None:
            return None
        return RecipeDetails(
            values["Name"], values["Category"] or "Uncategorized", values["Source"],
            values["Notes"], bool(self.production_ready.get()), bool(self.archived.get()),
        )  # fmt: skip


class LinesPanel(RowEditor):
    """Ingredient × quantity (1 1/2, ¾) × unit, in the order they are used."""

    def __init__(self, master: tkinter.Misc, ingredients: Sequence[IngredientOption]) -> None:
        choices = [Choice(str(i.id), i.name) for i in ingredients]
        super().__init__(master, [Cell("Ingredient", 240, choices, "Type to find…"),
                                  Cell("Quantity", 90, placeholder="1 1/2"),
                                  Cell("Unit", 80, UNIT_CHOICES, "cup"),
                                  Cell("Notes", 150)],
                         noun="Line", add_text="Add ingredient")  # fmt: skip

    def load(self, recipe: RecipeView) -> None:
        for line in recipe.lines:
            row = self.add_row()
            row.set(0, line.ingredient_name, str(line.ingredient_id))
            row.set(1, plain_number(line.quantity))
            row.set(2, line.unit.value, line.unit.value)
            row.set(3, line.notes or "")

    def lines(self) -> list[LineInput] | None:
        return self.values(_parse_line)


def _parse_line(row: EditRow) -> LineInput:
    return LineInput(
        ingredient_id=int(row.choice(0, "an ingredient")),
        quantity=row.parse(1, partial(parse_decimal, positive=True), "Quantity"),
        unit=row.parse(2, parse_unit_text, "Unit"),
        notes=row.text(3) or None,
    )


class ComponentsPanel(RowEditor):
    """Other recipes inside this one, e.g. 0.5 batch of Royal icing."""

    def __init__(self, master: tkinter.Misc, recipes: Sequence[RecipeSummary]) -> None:
        choices = [Choice(str(r.id), r.name) for r in recipes]
        super().__init__(master, [Cell("Recipe", 240, choices, "Type to find…"),
                                  Cell("Batches", 90, placeholder="0.5"),
                                  Cell("Notes", 235)],
                         noun="Component", add_text="Add component")  # fmt: skip

    def load(self, recipe: RecipeView) -> None:
        for component in recipe.components:
            row = self.add_row()
            row.set(0, component.recipe_name, str(component.recipe_id))
            row.set(1, plain_number(component.batch_multiplier))
            row.set(2, component.notes or "")

    def components(self) -> list[ComponentInput] | None:
        return self.values(_parse_component)


def _parse_component(row: EditRow) -> ComponentInput:
    return ComponentInput(
        recipe_id=int(row.choice(0, "a recipe")),
        batch_multiplier=row.parse(1, partial(parse_decimal, positive=True), "Batches"),
        notes=row.text(2) or None,
    )


class YieldsPanel(RowEditor):
    """What one batch makes: "Sugar cookie, 36 per batch" (several alternatives allowed)."""

    def __init__(self, master: tkinter.Misc) -> None:
        super().__init__(master, [Cell("Finished item", 240, placeholder="Sugar cookie"),
                                  Cell("Per batch", 90, placeholder="36"),
                                  Cell("Counted as", 80, placeholder="each"),
                                  Cell("Notes", 150)],
                         noun="Yield", add_text="Add yield")  # fmt: skip

    def load(self, recipe: RecipeView) -> None:
        for unit in recipe.finished_units:
            row = self.add_row()
            row.item_id = unit.id
            row.set(0, unit.name)
            row.set(1, plain_number(unit.yield_per_batch))
            row.set(2, unit.item_unit)
            row.set(3, unit.notes or "")

    def units(self) -> list[tuple[int | None, FinishedUnitInput]] | None:
        return self.values(_parse_yield)


def _parse_yield(row: EditRow) -> tuple[int | None, FinishedUnitInput]:
    name = row.parse(0, required_text, "Finished item")
    per_batch = row.parse(1, partial(parse_decimal, positive=True, example="36"), "Per batch")
    return row.item_id, FinishedUnitInput(name, per_batch, row.text(2) or "each", row.text(3))


def _set_check(box: ctk.CTkCheckBox, on: bool) -> None:
    if on:
        box.select()
    else:
        box.deselect()
