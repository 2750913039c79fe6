"""A list showing a page of many more rows: the note, and the search handed to the reader."""

from __future__ import annotations

import customtkinter as ctk

from src.services.pages import Page
from src.tests.ui.conftest import note_of, pump, search_box, search_for, type_into
from src.ui.widgets.data_table import Column, DataTable, Row
from src.ui.widgets.paged_list import PagedList


class Shelf:
    """The rows a service would search: names, found by every word, newest (last) first."""

    def __init__(self, count: int) -> None:
        self.rows = [Row(str(n), (f"Jar {n}",)) for n in range(1, count + 1)]
        self.searches: list[str] = []

    def read(self, search: str, limit: int) -> Page[Row]:
        self.searches.append(search)
        words = search.casefold().split()
        found = [
            r for r in reversed(self.rows) if all(w in str(r.values[0]).lower() for w in words)
        ]
        return Page(tuple(found[:limit]), len(found))


def _describe(shown: int, total: int, searched: bool) -> str:
    return f"{shown} of {total}{' found' if searched else ''}"


def _shown(window: ctk.CTkToplevel, shelf: Shelf) -> PagedList:
    """The shelf in a list of 3 rows a page, shown."""
    table = DataTable(window, [Column("name", "Name")])
    table.pack(fill="both", expand=True)
    pages = PagedList(table, read=shelf.read, describe=_describe, limit=3)
    pages.show()
    return pages


def test_a_list_that_fits_its_page_is_searched_as_it_is_without_a_note(
    window: ctk.CTkToplevel,
) -> None:
    shelf = Shelf(3)
    pages = _shown(window, shelf)
    search_for(pages.table, "2")
    assert pages.table.visible_keys() == ["2"]
    assert (pages.paged, note_of(pages.table).winfo_ismapped()) == (False, False)
    assert shelf.searches == [""]


def test_a_search_typed_while_the_list_fitted_is_read_once_the_list_outgrows_its_page(
    window: ctk.CTkToplevel,
) -> None:
    shelf = Shelf(3)
    pages = _shown(window, shelf)
    type_into(search_box(pages.table), "jar 1")
    shelf.rows += [Row(str(n), (f"Jar {n}",)) for n in range(4, 16)]
    pages.show()  # a refresh: 15 jars now
    pump(window)
    assert pages.table.visible_keys() == ["15", "14", "13"]
    assert note_of(pages.table).cget("text") == "3 of 7 found"  # jars 1 and 10 to 15
    assert shelf.searches == ["", "", "jar 1"]
