"""Years of purchases and lots: the switches show a page, say what it left out, and the search
box finds the rest through the service."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import customtkinter as ctk

from src.models import MovementKind
from src.services.database import Database
from src.services.inventory import adjust_lot
from src.services.products import ProductInput, ProductView, create_product
from src.services.purchases import (
    OpeningBalanceInput,
    PurchaseInput,
    record_opening_balance,
    record_purchase,
)
from src.tests.db_probe import counted_statements
from src.tests.ui.conftest import (
    note_of,
    press,
    pump,
    screenshot,
    search_box,
    search_for,
    type_into,
)
from src.tests.ui.pantry_helpers import buy, flour_product, ingredient, open_pantry
from src.ui.views.pantry.lots_tab import LotsTab
from src.ui.views.pantry.purchases_tab import PurchasesTab
from src.ui.widgets.data_table import DataTable
from src.ui.widgets.paged_list import PagedList

PAGE = 3  # rows a page holds in these tests (1,000 in the app)


def _butter(db: Database) -> ProductView:
    butter = ingredient(db, "Butter")
    return create_product(
        db, ProductInput(butter.id, "Salted butter", Decimal(1), "lb", brand="Kerrygold")
    )


def _bought(db: Database, product: ProductView, day: date) -> None:
    record_purchase(db, PurchaseInput(product.id, day, Decimal(1), Decimal("4.99")))


NEWEST_PURCHASES = ["Nov 1, 2026", "Jun 1, 2025", "Jun 1, 2024"]  # a page of 3, newest first


def _firsts(table: DataTable) -> list[str]:
    return [row[0] for row in table.visible_values()]


def _switch_on(pages: PagedList, switch: ctk.CTkSwitch) -> None:
    """Turn the switch on, its list holding PAGE rows a page."""
    pages.limit = PAGE
    switch.toggle()
    pump(switch)


def _older_purchases(window: ctk.CTkToplevel, db: Database, settings_file: Path) -> PurchasesTab:
    """Six purchases: butter in 2018, flour each June from 2022 to 2025 and on Nov 1, 2026."""
    flour = flour_product(db)
    _bought(db, _butter(db), date(2018, 6, 1))
    for year in range(2022, 2026):
        _bought(db, flour, date(year, 6, 1))
    buy(db, flour)
    tab = open_pantry(window, db, settings_file).show_tab("Purchases")
    assert isinstance(tab, PurchasesTab)
    _switch_on(tab.every_year, tab.show_older)
    return tab


def test_the_switch_reads_the_list_alone_not_the_entry_s_products_and_suppliers(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    tab = _older_purchases(window, db, settings_file)
    with counted_statements(db) as statements:
        tab.show_older.toggle()  # off: the last 12 months
        pump(window)
    assert not any("FROM suppliers" in sql for sql in statements)
    assert len(statements) == 1  # the purchases of the last 12 months


def test_older_purchases_show_the_newest_and_say_how_many_were_left_out(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    tab = _older_purchases(window, db, settings_file)
    screenshot(window, "pantry-purchases-every-year")
    first_page = (_firsts(tab.table), note_of(tab.table).cget("text"))
    search_for(tab.table, "king flour")  # more than a page of purchases match
    screenshot(window, "pantry-purchases-every-year-searched")
    flour = (_firsts(tab.table), note_of(tab.table).cget("text"))

    assert first_page == (
        NEWEST_PURCHASES,
        "Showing the newest 3 of 6 purchases. Search to find older ones.",
    )
    assert flour == (
        NEWEST_PURCHASES,
        "Showing the newest 3 of 5 purchases that match. Add a word to narrow the search.",
    )


def test_a_search_of_older_purchases_reaches_past_the_page_and_escape_brings_it_back(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    tab = _older_purchases(window, db, settings_file)
    type_into(search_box(tab.table), "KERRY")
    while_typing = _firsts(tab.table)
    search_for(tab.table, "GOLD")
    found = tab.table.visible_values()
    note_shown = note_of(tab.table).winfo_ismapped()
    press(search_box(tab.table), "Escape")

    assert while_typing == NEWEST_PURCHASES  # a keystroke does not filter (or re-read) a page
    assert found == [
        ("Jun 1, 2018", "Kerrygold Salted butter", "", "1", "$4.99", "$4.99", "$4.99/lb"),
    ]
    assert not note_shown  # all found
    assert _firsts(tab.table) == NEWEST_PURCHASES
    assert note_of(tab.table).winfo_ismapped()


def test_without_older_purchases_the_list_is_the_last_12_months_searched_as_before(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    tab = _older_purchases(window, db, settings_file)
    tab.show_older.toggle()
    pump(window)
    type_into(search_box(tab.table), "butter")
    at_once = _firsts(tab.table)
    press(search_box(tab.table), "Escape")
    assert at_once == []  # filtered as the key was released, over the rows loaded
    assert _firsts(tab.table) == ["Nov 1, 2026"]
    assert not note_of(tab.table).winfo_ismapped()


def _lot(db: Database, product: ProductView, day: date, *, empty: bool) -> None:
    lot = record_opening_balance(db, OpeningBalanceInput(product.id, Decimal(1), day))
    if empty:
        adjust_lot(db, lot.id, MovementKind.SPOILAGE, Decimal(-1))


def _lots_with_empty(window: ctk.CTkToplevel, db: Database, settings_file: Path) -> LotsTab:
    """Butter emptied in 2017, flour emptied each March from 2019 to 2024, flour in stock
    bought in 2021 and 2026."""
    flour = flour_product(db)
    _lot(db, _butter(db), date(2017, 3, 1), empty=True)
    for year in range(2019, 2025):
        _lot(db, flour, date(year, 3, 1), empty=True)
    for year in (2021, 2026):
        _lot(db, flour, date(year, 9, 1), empty=False)
    tab = open_pantry(window, db, settings_file).show_tab("Lots")
    assert isinstance(tab, LotsTab)
    _switch_on(tab.with_empty, tab.show_empty)
    return tab


# A page of 3: the lots in stock and the newest empty one, oldest first (bought, remaining).
FIRST_LOTS = [("Sep 1, 2021", "1 lb"), ("Mar 1, 2024", "0 lb"), ("Sep 1, 2026", "1 lb")]


def _bought_and_left(tab: LotsTab) -> list[tuple[str, str]]:
    return [(row[2], row[4]) for row in tab.table.visible_values()]


def test_empty_lots_show_the_newest_beside_every_lot_in_stock_and_say_how_many_were_left_out(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    tab = _lots_with_empty(window, db, settings_file)
    screenshot(window, "pantry-lots-with-empty")
    first_page = (_bought_and_left(tab), note_of(tab.table).cget("text"))
    search_for(tab.table, "flour")  # more than a page of lots match
    flour = (_bought_and_left(tab), note_of(tab.table).cget("text"))

    assert first_page == (
        FIRST_LOTS,
        "Showing 3 of 9 lots: every lot in stock and the most recently bought empty ones. "
        "Search to find older ones.",
    )
    assert flour == (
        FIRST_LOTS,
        "Showing 3 of 8 lots that match: those in stock and the most recently bought empty "
        "ones. Add a word to narrow the search.",
    )


def test_a_search_of_all_lots_finds_an_old_empty_lot_and_its_ledger_and_escape_restores(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    tab = _lots_with_empty(window, db, settings_file)
    search_for(tab.table, "butter")
    found = _bought_and_left(tab)
    [butter_lot] = tab.table.visible_keys()
    tab.table.select([butter_lot])
    pump(window)
    ledger = [row[1:3] for row in tab.ledger.visible_values()]
    press(search_box(tab.table), "Escape")

    assert found == [("Mar 1, 2017", "0 lb")]
    assert ledger == [("Opening balance", "+1 lb"), ("Spoilage", "−1 lb")]
    assert _bought_and_left(tab) == FIRST_LOTS


def test_without_empty_lots_the_lots_in_stock_are_listed_and_searched_as_before(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    tab = _lots_with_empty(window, db, settings_file)
    tab.show_empty.toggle()
    pump(window)
    assert _bought_and_left(tab) == [("Sep 1, 2021", "1 lb"), ("Sep 1, 2026", "1 lb")]
    assert not note_of(tab.table).winfo_ismapped()
    type_into(search_box(tab.table), "2026")  # dates are searched too, over the rows loaded
    assert _bought_and_left(tab) == [("Sep 1, 2026", "1 lb")]
