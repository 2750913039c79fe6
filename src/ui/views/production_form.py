"""The "Record a run" form: recipe → finished unit, event, batches, scale, yield and loss.

It only reads and checks what was typed; the Production view does the recording.
"""

from __future__ import annotations

import tkinter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

import customtkinter as ctk

from src.services.choices import LOSS_CATEGORIES, EventOption, RecipeOption, UnitOption
from src.services.errors import ValidationError
from src.services.formatting import humanize
from src.services.production import expected_yield
from src.ui import theme
from src.ui.validation import optional, parse_decimal, parse_whole_number, required_text
from src.ui.widgets.choice_menu import ChoiceMenu
from src.ui.widgets.forms import Form, FormField
from src.ui.widgets.typeahead import Choice, TypeAheadEntry

T = TypeVar("T")
LOSS_BY_VALUE = {category.value: category for category in LOSS_CATEGORIES}


@dataclass(frozen=True)
class RunRequest:
    """A checked run, ready for the availability check and recording."""

    recipe: RecipeOption
    unit: UnitOption
    event_id: int | None
    batches: int
    scale_factor: Decimal
    expected: int
    actual: int
    loss_category: str  # a LOSS_BY_VALUE key
    loss_notes: str | None
    notes: str | None

    @property
    def lost(self) -> int:
        return self.expected - self.actual


class RunForm(ctk.CTkFrame):
    def __init__(self, master: tkinter.Misc, on_record: Callable[[RunRequest], None]) -> None:
        super().__init__(master, fg_color=theme.CARD, corner_radius=10)
        self.on_record = on_record
        self._recipes: dict[str, RecipeOption] = {}
        self._expected: int | None = None
        ctk.CTkLabel(self, text="Record a run", font=theme.heading_font(), anchor="w").pack(
            fill="x", padx=theme.PAD, pady=(theme.PAD - 6, theme.GAP)
        )
        grid = ctk.CTkFrame(self, fg_color="transparent")
        grid.pack(fill="x", padx=theme.PAD)
        grid.grid_columnconfigure((0, 1, 2), weight=1, uniform="run")
        self.form = Form(grid)
        self._build_fields(grid)
        self._build_footer()
        self.reset()

    # -- public API -------------------------------------------------------------------------
    def set_options(self, recipes: Sequence[RecipeOption], events: Sequence[EventOption]) -> None:
        self._recipes = {str(r.id): r for r in recipes}
        self.recipe_entry.set_choices([Choice(str(r.id), r.name) for r in recipes])
        self.event_menu.set_choices([Choice(str(e.id), e.name) for e in events if e.is_open])
        self._recipe_changed()

    def choose_recipe(self, recipe_id: int) -> None:
        self.recipe_entry.choose(str(recipe_id))

    def field(self, label: str) -> FormField:
        return self.form.field(label)

    def reset(self) -> None:
        """Ready for the next run: the recipe stays, the numbers start over."""
        for label in ("Batches", "Actual yield", "Loss notes", "Notes"):
            self.field(label).set_text("")
        self.field("Scale factor").set_text("1")
        self.loss_menu.select("other")
        self._expected = None
        self.update_expected()

    def show_result(self, text: str) -> None:
        self.result_label.configure(text=text)

    def on_record_pressed(self) -> None:
        request = self.request()
        if request is not None:
            self.on_record(request)

    def request(self) -> RunRequest | None:
        """What was entered, or None with the problems shown under their fields."""
        values = self.form.values()
        unit = self._unit()
        if values is None or unit is None:
            return None
        expected = expected_yield(values["Batches"], values["Scale factor"], unit.yield_per_batch)
        if not self._yield_fits(expected, values["Actual yield"]):
            return None
        event = self.event_menu.selected_key
        return RunRequest(
            values["Recipe"], unit, None if event is None else int(event), values["Batches"],
            values["Scale factor"], expected, values["Actual yield"],
            str(self.loss_menu.selected_key), values["Loss notes"], values["Notes"],
        )  # fmt: skip

    # -- live feedback ----------------------------------------------------------------------
    def update_expected(self) -> None:
        """Show the expected yield; the actual yield follows it until the baker changes it."""
        previous, self._expected = self._expected, self._current_expected()
        unit = self._unit()
        if self._expected is None or unit is None:
            self.expected_label.configure(text="Expected yield: choose a recipe and batches")
        else:
            self.expected_label.configure(
                text=f"Expected yield: {self._expected} × {unit.name} "
                f"({unit.yield_per_batch.normalize():f} per batch)"
            )
        actual = self.field("Actual yield")
        if actual.text.strip() in ("", str(previous)) and self._expected != previous:
            actual.set_text("" if self._expected is None else str(self._expected))
        self.update_loss_state()

    def update_loss_state(self) -> None:
        """Loss category and notes only matter when fewer came out than expected."""
        actual = _quietly(parse_whole_number, "Actual yield", self.field("Actual yield").text)
        lost = self._expected is not None and actual is not None and actual < self._expected
        self.loss_menu.set_enabled(lost)
        self.field("Loss notes").entry.configure(state="normal" if lost else "disabled")

    # -- building ---------------------------------------------------------------------------
    def _build_fields(self, grid: ctk.CTkFrame) -> None:
        recipe = self._add("Recipe", self._parse_recipe, 0, 0, entry_factory=self._recipe_box)
        self.recipe_entry: TypeAheadEntry = recipe.entry  # type: ignore[assignment]
        self.recipe_entry.bind("<KeyRelease>", lambda _e: self._recipe_changed(), add="+")
        self.unit_menu = ChoiceMenu(grid, "Finished unit", empty_label="Choose a recipe first")
        self.unit_menu.on_change = lambda _key: self.update_expected()
        self.event_menu = ChoiceMenu(grid, "Event", none_label="No event")
        batches = self._add("Batches", parse_whole_number, 1, 0, placeholder="e.g. 7")
        scale = self._add("Scale factor", _parse_scale, 1, 1)
        actual = self._add("Actual yield", _parse_count, 1, 2)
        self.loss_menu = ChoiceMenu(grid, "Loss category")
        self.loss_menu.set_choices([Choice(c.value, humanize(c.value)) for c in LOSS_CATEGORIES])
        self._add("Loss notes", optional(required_text), 2, 1, placeholder="What happened?")
        self._add("Notes", optional(required_text), 2, 2)
        for widget, row, column in ((self.unit_menu, 0, 1), (self.event_menu, 0, 2),
                                    (self.loss_menu, 2, 0)):  # fmt: skip
            widget.grid(row=row, column=column, sticky="ew", padx=(0, theme.PAD), pady=(0, 2))
        for field in (batches, scale):
            field.entry.bind("<KeyRelease>", lambda _e: self.update_expected(), add="+")
        actual.entry.bind("<KeyRelease>", lambda _e: self.update_loss_state(), add="+")

    def _add(self, label: str, parser: Callable[[str, str], object], row: int, column: int,
             **options: object) -> FormField:  # fmt: skip
        field = self.form.add(label, parser, **options)
        field.grid(row=row, column=column)  # place it in the form's grid by meaning, not order
        return field

    def _recipe_box(self, master: tkinter.Misc) -> TypeAheadEntry:
        return TypeAheadEntry(
            master, on_choose=lambda _c: self._recipe_changed(), placeholder_text="Type a recipe…"
        )

    def _build_footer(self) -> None:
        footer = ctk.CTkFrame(self, fg_color="transparent")
        footer.pack(fill="x", padx=theme.PAD, pady=(0, theme.PAD - 6))
        self.record_button = ctk.CTkButton(
            footer, text="Check stock & record…", width=190, command=self.on_record_pressed
        )
        self.record_button.pack(side="right", padx=(theme.GAP, theme.PAD))
        self.expected_label = ctk.CTkLabel(footer, text="", font=theme.body_font(), anchor="w")
        self.expected_label.pack(fill="x")
        self.result_label = ctk.CTkLabel(
            footer, text="", font=theme.small_font(), text_color=theme.SUCCESS, anchor="w"
        )
        self.result_label.pack(fill="x")

    # -- reading ----------------------------------------------------------------------------
    def _recipe_changed(self) -> None:
        recipe = self._recipes.get(self.recipe_entry.selected_key or "")
        units = recipe.units if recipe is not None else ()
        self.unit_menu.set_choices([Choice(str(u.id), u.name) for u in units])
        self.update_expected()

    def _parse_recipe(self, label: str, text: str) -> RecipeOption:
        required_text(label, text)
        recipe = self._recipes.get(self.recipe_entry.selected_key or "")
        if recipe is None:
            raise ValidationError(f"No recipe called '{text.strip()}'; choose one from the list.")
        return recipe

    def _unit(self) -> UnitOption | None:
        recipe = self._recipes.get(self.recipe_entry.selected_key or "")
        key = self.unit_menu.selected_key
        units = recipe.units if recipe is not None else ()
        return next((u for u in units if str(u.id) == key), None)

    def _current_expected(self) -> int | None:
        batches = _quietly(parse_whole_number, "Batches", self.field("Batches").text)
        scale = _quietly(_parse_scale, "Scale factor", self.field("Scale factor").text)
        unit = self._unit()
        if batches is None or scale is None or unit is None:
            return None
        return expected_yield(batches, scale, unit.yield_per_batch)

    def _yield_fits(self, expected: int, actual: int) -> bool:
        if expected == 0:
            self.field("Batches").show_error("That makes less than one item; bake more.")
        elif actual > expected:
            self.field("Actual yield").show_error(f"At most the {expected} expected.")
        return 0 <= actual <= expected and expected > 0


def _parse_scale(label: str, text: str) -> Decimal:
    return parse_decimal(label, text, positive=True, example="1 or 0.5")


def _parse_count(label: str, text: str) -> int:
    return parse_whole_number(label, text, positive=False)


def _quietly(parse: Callable[[str, str], T], label: str, text: str) -> T | None:
    """The parsed value while typing, or None (errors show only when recording)."""
    try:
        return parse(label, text) if text.strip() else None
    except ValidationError:
        return None
