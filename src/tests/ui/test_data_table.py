from datetime import date
from decimal import Decimal

import customtkinter as ctk
import pytest

from src.services.quantity_format import format_money
from src.tests.ui.conftest import (
    note_of,
    press,
    pump,
    screenshot,
    search_box,
    search_for,
    type_into,
)
from src.ui.widgets.data_table import SEARCH_PAUSE_MS, Column, DataTable, Row

COLUMNS = [
    Column("name", "Ingredient"),
    Column("cost", "Cost", numeric=True, format=lambda v: format_money(v)),  # type: ignore[arg-type]
    Column("bought", "Bought"),
]
ROWS = [
    Row("flour", ("Flour", Decimal("9.50"), date(2026, 11, 2))),
    Row("sugar", ("Sugar", Decimal("10.00"), date(2026, 10, 1))),
    Row("butter", ("butter", Decimal("100"), None)),
]


def _table(window: ctk.CTkToplevel, **options: object) -> DataTable:
    table = DataTable(window, COLUMNS, **options)  # type: ignore[arg-type]
    table.pack(fill="both", expand=True)
    table.set_rows(ROWS)
    pump(window)
    return table


def test_money_sorts_by_value_not_by_text(window: ctk.CTkToplevel) -> None:
    table = _table(window)
    table.tree.tk.call(table.tree.heading("cost", "command"))
    assert table.visible_keys() == ["flour", "sugar", "butter"]
    assert table.visible_values()[1] == ("Sugar", "$10.00", "2026-10-01")
    table.tree.tk.call(table.tree.heading("cost", "command"))
    assert table.visible_keys() == ["butter", "sugar", "flour"]
    assert table.tree.heading("cost", "text") == "Cost ▼"


def test_text_sorts_case_blind_and_blanks_go_last(window: ctk.CTkToplevel) -> None:
    table = _table(window)
    table.sort_by("name")
    assert table.visible_keys() == ["butter", "flour", "sugar"]
    table.sort_by("bought")
    assert table.visible_keys() == ["sugar", "flour", "butter"]


def test_search_filters_rows_by_every_word_and_escape_clears_it(window: ctk.CTkToplevel) -> None:
    table = _table(window)
    assert table.search is not None
    type_into(table.search, "su 10")
    assert table.visible_keys() == ["sugar"]
    screenshot(window, "data-table-filtered")
    press(table.search, "Escape")
    assert len(table.visible_keys()) == 3


def test_new_rows_keep_the_sort_and_the_selection(window: ctk.CTkToplevel) -> None:
    picked: list[list[str]] = []
    table = _table(window, on_select=picked.append)
    table.sort_by("cost", descending=True)
    table.select(["sugar"])
    pump(window)
    table.set_rows([*ROWS, Row("eggs", ("Eggs", Decimal("3.99"), None))])
    assert table.visible_keys() == ["butter", "sugar", "flour", "eggs"]
    assert table.selected_keys() == ["sugar"]
    assert picked[-1] == ["sugar"]


def test_double_click_and_return_activate_a_row(window: ctk.CTkToplevel) -> None:
    opened: list[str] = []
    table = _table(window, on_activate=opened.append)
    table.tree.focus_force()
    table.tree.focus("flour")
    table.tree.event_generate("<Return>")
    x, y, _w, h = table.tree.bbox("sugar")
    for _click in range(2):  # two quick clicks make Tk's <Double-1>
        table.tree.event_generate("<ButtonPress-1>", x=x + 5, y=y + h // 2)
        table.tree.event_generate("<ButtonRelease-1>", x=x + 5, y=y + h // 2)
    assert opened == ["flour", "sugar"]


def test_an_empty_list_shows_its_empty_text(window: ctk.CTkToplevel) -> None:
    table = _table(window, searchable=False)
    table.set_rows([])
    table.set_empty_text("No ingredients yet")
    pump(window)
    assert table.empty_label.winfo_ismapped()
    assert table.focus_search() is False


def test_a_long_name_widens_its_column_and_every_column_stays_in_view(
    window: ctk.CTkToplevel,
) -> None:
    window.geometry("700x400")
    table = _table(window)
    long_name = "Libby's 100% Pure Pumpkin, 15 oz can"
    table.set_rows([*ROWS, Row("pumpkin", (long_name, Decimal("2.19"), None))])
    pump(window)
    name_font = table._fonts[0]
    widths = [int(table.tree.column(c.key, "width")) for c in COLUMNS]
    assert widths[0] >= name_font.measure(long_name)  # reads whole: there is room for it
    assert sum(widths) <= table.tree.winfo_width()  # nothing pushed out on the right
    window.geometry("560x400")  # narrower than the text wants: it gives up some
    pump(window)
    narrow = [int(table.tree.column(c.key, "width")) for c in COLUMNS]
    assert sum(narrow) <= table.tree.winfo_width()
    assert narrow[0] < widths[0]
    assert all(w >= c.width for w, c in zip(narrow, COLUMNS, strict=True))
    assert not table.sideways.winfo_ismapped()  # everything fits: no sideways scrolling


def test_too_narrow_for_every_heading_the_list_scrolls_sideways(window: ctk.CTkToplevel) -> None:
    window.geometry("700x400")
    columns = [Column("product", "Product", width=200),
               Column("remaining", "Remaining", width=60, numeric=True),
               Column("location", "Location", width=200)]  # fmt: skip
    table = DataTable(window, columns)
    table.pack(fill="both", expand=True)
    table.set_rows([Row("1", ("King Arthur All-purpose flour", "48 lb", "Pantry shelf"))])
    pump(window)
    headings = table._fonts[1]
    remaining = int(table.tree.column("remaining", "width"))
    assert remaining >= headings.measure("Remaining")  # over its declared 60: never cut
    assert not table.sideways.winfo_ismapped()
    window.geometry("380x400")  # not even the headings fit: the last column is out of view
    pump(window)
    assert table.sideways.winfo_ismapped()
    assert table.tree.xview()[1] < 1  # … and scrolling sideways brings it in
    table.tree.xview_moveto(1)
    pump(window)
    assert table.tree.xview()[1] == 1
    screenshot(window, "data-table-sideways")
    window.geometry("700x400")
    pump(window)
    assert not table.sideways.winfo_ismapped() and table.tree.xview()[0] == 0


def _handing_on(window: ctk.CTkToplevel) -> tuple[DataTable, list[str]]:
    """A table whose search goes to a handler (which records it and sets no rows)."""
    handed: list[str] = []
    table = _table(window)
    table.set_search_handler(handed.append)
    return table, handed


def test_a_search_handler_gets_the_text_after_a_pause_in_typing_instead_of_a_filter(
    window: ctk.CTkToplevel,
) -> None:
    table, handed = _handing_on(window)
    type_into(search_box(table), "su")
    type_into(search_box(table), " 10")
    while_typing = list(handed)
    pump(window, SEARCH_PAUSE_MS + 100)
    assert while_typing == []
    assert handed == ["su 10"]  # once, for the two keystrokes
    assert table.visible_keys() == ["flour", "sugar", "butter"]  # the handler sets the rows


def test_keys_that_change_no_word_hand_nothing_on_and_escape_hands_on_at_once(
    window: ctk.CTkToplevel,
) -> None:
    table, handed = _handing_on(window)
    search_for(table, "Flour")
    search_box(table)._entry.event_generate("<KeyRelease>", keysym="Shift_L")
    search_box(table).delete(0, "end")
    search_for(table, "  FLOUR")  # the same word, in other case
    press(search_box(table), "Escape")
    assert handed == ["Flour", ""]
    assert table.search_text() == ""


def test_without_its_handler_the_table_filters_its_rows_again(window: ctk.CTkToplevel) -> None:
    table, handed = _handing_on(window)
    table.set_search_handler(None)
    type_into(search_box(table), "butter")
    assert table.visible_keys() == ["butter"]  # at once, as before
    pump(window, SEARCH_PAUSE_MS + 100)
    assert handed == []


def test_a_search_still_waiting_is_dropped_with_the_table(window: ctk.CTkToplevel) -> None:
    def waiting() -> set[str]:
        return set(window.tk.splitlist(window.tk.call("after", "info")))

    table, handed = _handing_on(window)
    before = waiting()
    type_into(search_box(table), "flour")
    typed = waiting() - before
    table.destroy()
    assert typed and not typed & waiting()
    pump(window, SEARCH_PAUSE_MS + 100)
    assert handed == []


def test_a_note_sits_beside_the_search_box_wrapped_to_the_room_and_goes_with_no_text(
    window: ctk.CTkToplevel,
) -> None:
    window.geometry("700x400")
    table = _table(window)
    search, note = search_box(table), note_of(table)
    long = "Showing the newest 1,000 of 48,302 purchases. Search to find older ones. " * 2
    table.set_note(long)
    pump(window)
    note_x = note.winfo_rootx()
    note_right = note_x + note.winfo_width()
    assert note_x > search.winfo_rootx() + search.winfo_width()  # beside the box, not over it
    assert note_right <= table.winfo_rootx() + table.winfo_width()  # wrapped, all in view
    screenshot(window, "data-table-note")
    table.set_note("")
    pump(window)
    assert not note.winfo_ismapped()


def test_a_list_without_a_search_box_has_no_note(window: ctk.CTkToplevel) -> None:
    table = _table(window, searchable=False)
    with pytest.raises(ValueError, match="beside its search box"):
        table.set_note("Showing 3 of 5")
