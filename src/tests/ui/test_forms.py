from decimal import Decimal
from functools import partial

import customtkinter as ctk

from src.tests.ui.conftest import press, pump, screenshot, type_into
from src.ui import theme
from src.ui.validation import optional, parse_date, parse_decimal, required_text
from src.ui.widgets.forms import Form
from src.ui.widgets.typeahead import Choice, TypeAheadEntry, matching


def _form(window: ctk.CTkToplevel) -> Form:
    frame = ctk.CTkFrame(window)
    frame.pack(fill="both", expand=True, padx=20, pady=20)
    form = Form(frame, columns=2)
    form.add("Name", required_text)
    form.add("Quantity", partial(parse_decimal, positive=True))
    form.add("Expires", optional(parse_date))
    pump(window)
    return form


def test_invalid_fields_show_their_message_under_the_field_in_red(window: ctk.CTkToplevel) -> None:
    form = _form(window)
    form.field("Quantity").entry.insert(0, "two")
    assert form.values() is None
    quantity = form.field("Quantity")
    assert quantity.error_label.cget("text") == "Quantity must be a number, e.g. 2.5."
    assert quantity.entry.cget("border_color") == theme.ERROR
    assert form.field("Name").error_label.cget("text") == "Name is required."
    assert form.field("Expires").has_error is False
    screenshot(window, "form-inline-errors")


def test_fixing_a_field_clears_its_error_and_values_come_back_parsed(
    window: ctk.CTkToplevel,
) -> None:
    form = _form(window)
    assert form.values() is None
    form.field("Name").set_text("Flour")
    form.field("Quantity").set_text("1 1/2")
    assert form.values() == {"Name": "Flour", "Quantity": Decimal("1.5"), "Expires": None}
    assert not any(field.has_error for field in form.fields.values())


def test_a_field_validates_when_it_loses_focus_but_not_when_tabbed_past_empty(
    window: ctk.CTkToplevel,
) -> None:
    form = _form(window)
    name, quantity = form.field("Name"), form.field("Quantity")
    name.entry._entry.event_generate("<FocusOut>")
    assert not name.has_error
    quantity.entry.insert(0, "-2")
    quantity.entry._entry.event_generate("<FocusOut>")
    assert quantity.error_label.cget("text") == "Quantity must be more than 0."


CHOICES = [
    Choice("flour", "All-purpose flour"),
    Choice("cake", "Cake flour"),
    Choice("sugar", "Sugar"),
]


def test_matching_prefers_choices_that_start_with_the_text() -> None:
    assert [c.key for c in matching(CHOICES, "flour")] == ["flour", "cake"]
    assert [c.key for c in matching(CHOICES, "ca fl")] == ["cake"]
    assert [c.key for c in matching(CHOICES, "Cake")] == ["cake", "flour"][:1]


def test_type_ahead_filters_as_you_type_and_return_accepts(window: ctk.CTkToplevel) -> None:
    chosen: list[Choice] = []
    entry = TypeAheadEntry(window, CHOICES, on_choose=chosen.append, width=300)
    entry.pack(padx=20, pady=20, anchor="w")
    pump(window)
    type_into(entry, "flo")
    assert entry.visible_suggestions() == ["All-purpose flour", "Cake flour"]
    screenshot(window, "type-ahead")
    press(entry, "Down")
    press(entry, "Return")
    assert entry.get() == "Cake flour"
    assert entry.selected_key == "cake"
    assert chosen == [CHOICES[1]]
    assert entry.visible_suggestions() == []


def test_typing_an_exact_name_selects_it_and_escape_closes_suggestions(
    window: ctk.CTkToplevel,
) -> None:
    entry = TypeAheadEntry(window, CHOICES)
    entry.pack()
    pump(window)
    type_into(entry, "sugar")
    assert entry.selected_key == "sugar"
    press(entry, "Escape")
    assert entry.visible_suggestions() == []
    entry.choose("flour")
    assert entry.get() == "All-purpose flour"
