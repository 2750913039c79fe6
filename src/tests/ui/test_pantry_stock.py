"""The Pantry screen's stock: fast purchase entry, opening balances, lots, ledger, adjustments."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import customtkinter as ctk

from src.services.database import Database
from src.services.inventory import get_lot, list_lots, update_lot_details
from src.services.purchases import PurchaseInput, list_purchases, record_purchase
from src.services.suppliers import SupplierInput, create_supplier
from src.tests.ui.conftest import press, pump, screenshot, type_into
from src.tests.ui.pantry_helpers import TODAY, buy, flour_product, open_pantry, shown
from src.ui.dialogs.base import ModalDialog
from src.ui.views.pantry.adjust_dialog import AdjustDialog
from src.ui.views.pantry.kind_picker import NOTE_NEEDED
from src.ui.views.pantry.lot_details_dialog import LotDetailsDialog
from src.ui.views.pantry.lots_tab import LotsTab
from src.ui.views.pantry.opening_balance_dialog import OpeningBalanceDialog
from src.ui.views.pantry.purchases_tab import PurchasesTab
from src.ui.views.pantry.screen import PantryView


def _purchases(view: PantryView) -> PurchasesTab:
    tab = view.show_tab("Purchases")
    assert isinstance(tab, PurchasesTab)
    return tab


def _lots(window: ctk.CTkToplevel, db: Database, settings_file: Path) -> LotsTab:
    tab = open_pantry(window, db, settings_file).show_tab("Lots")
    assert isinstance(tab, LotsTab)
    return tab


def test_a_purchase_typed_into_the_fast_entry_puts_a_priced_lot_on_the_shelf(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    costco = create_supplier(db, SupplierInput("Costco"))
    product = flour_product(db, supplier_id=costco.id)
    view = open_pantry(window, db, settings_file)
    tab = _purchases(view)
    entry = tab.entry
    type_into(entry.product, "flour")
    assert entry.product.visible_suggestions() == ["King Arthur All-purpose flour · 25 lb sack"]
    press(entry.product, "Return")
    assert entry.supplier.get() == "Costco"
    entry.form.field("Packages").set_text("2")
    type_into(entry.form.field("Price per package").entry, "$14.99")
    screenshot(window, "pantry-purchase-entry-filled")
    press(entry.form.field("Price per package").entry, "Return")
    pump(window)
    [purchase] = list_purchases(db)
    assert (purchase.product_id, purchase.purchase_date, purchase.supplier_name) == (
        product.id, TODAY, "Costco",
    )  # fmt: skip
    [lot] = list_lots(db)
    assert (lot.remaining_quantity, lot.remaining_value) == (Decimal(50), Decimal("29.98"))
    assert entry.product.get() == "" and entry.form.field("Packages").text == "1"
    assert entry.form.field("Date").text == "Nov 15, 2026"
    assert tab.table.visible_values() == [
        ("Nov 15, 2026", "King Arthur All-purpose flour", "Costco", "2", "$14.99", "$29.98",
         "$0.60/lb"),
    ]  # fmt: skip
    screenshot(window, "pantry-purchases")
    assert view.show_tab("Lots").table.visible_values() == [
        ("King Arthur All-purpose flour", "All-purpose flour", "Nov 15, 2026", "50 lb", "50 lb",
         "$0.60/lb", "$29.98", "", ""),
    ]  # fmt: skip


def test_the_fast_entry_marks_missing_fields_inline_and_records_nothing(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    flour_product(db)
    entry = _purchases(open_pantry(window, db, settings_file)).entry
    type_into(entry.product, "sugar")
    entry.form.field("Price per package").set_text("cheap")
    entry.add_button.invoke()
    assert entry.form.field("Product").error_label.cget("text") == (
        "Choose the product from the list."
    )
    assert entry.form.field("Price per package").has_error
    screenshot(window, "pantry-purchase-entry-errors")
    assert list_purchases(db) == []


def test_an_opening_balance_without_a_price_is_on_the_shelf_at_unknown_value(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    product = flour_product(db)
    view = open_pantry(window, db, settings_file)
    tab = _purchases(view)
    tab.on_opening_balance()
    dialog = shown(tab.dialog)
    assert isinstance(dialog, OpeningBalanceDialog)
    type_into(dialog.product, "king")
    press(dialog.product, "Return")
    dialog.form.field("Quantity on hand").entry.insert(0, "12 1/2")
    dialog.form.field("Location").entry.insert(0, "Pantry shelf")
    assert dialog.unit_hint.cget("text").startswith("Quantity in lb; price per 25 lb sack")
    screenshot(dialog, "pantry-opening-balance-dialog")
    dialog.save_button.invoke()
    pump(window)
    [lot] = list_lots(db)
    assert (lot.product_id, lot.remaining_quantity, lot.location) == (
        product.id, Decimal("12.5"), "Pantry shelf",
    )  # fmt: skip
    assert lot.remaining_value is None
    assert view.show_tab("Lots").table.visible_values()[0][3:] == (
        "12.5 lb",
        "12.5 lb",
        "unknown",
        "unknown",
        "",
        "Pantry shelf",
    )


def _on_lot(tab: LotsTab, lot_id: int, action: Callable[[], None]) -> ModalDialog:
    """Select the lot, run the toolbar action, and return the dialog it opened."""
    tab.table.select([str(lot_id)])
    pump(tab)
    action()
    return shown(tab.dialog)


def _adjust(tab: LotsTab, lot_id: int) -> AdjustDialog:
    dialog = _on_lot(tab, lot_id, tab.on_adjust)
    assert isinstance(dialog, AdjustDialog)
    return dialog


def _bought_lot(db: Database) -> int:
    """The lot of 2 sacks (50 lb) of flour at $14.99."""
    lot_id = buy(db, flour_product(db)).lot_id
    assert lot_id is not None
    return lot_id


def test_spoilage_takes_stock_away_and_shows_in_the_ledger(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    lot_id = _bought_lot(db)
    tab = _lots(window, db, settings_file)
    dialog = _adjust(tab, lot_id)
    dialog.form.field("Change").entry.insert(0, "2")
    dialog.form.field("Note").entry.insert(0, "Weevils in the bottom of the sack")
    screenshot(dialog, "pantry-adjust-dialog")
    dialog.save_button.invoke()
    pump(window)
    assert get_lot(db, lot_id).remaining_quantity == 48
    assert [row[1:] for row in tab.ledger.visible_values()] == [
        ("Purchase", "+50 lb", "$29.98", ""),
        ("Spoilage", "−2 lb", "-$1.20", "Weevils in the bottom of the sack"),
    ]
    assert tab.table.visible_values()[0][4:] == ("48 lb", "$0.60/lb", "$28.78", "", "")
    screenshot(window, "pantry-lots")


def test_an_other_adjustment_without_a_note_is_refused_under_the_note(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    lot_id = _bought_lot(db)
    dialog = _adjust(_lots(window, db, settings_file), lot_id)
    dialog.kind.set("Other")
    dialog.form.field("Change").entry.insert(0, "-1")
    dialog.save_button.invoke()
    assert dialog.form.field("Note").error_label.cget("text") == NOTE_NEEDED
    screenshot(dialog, "pantry-adjust-note-required")
    assert dialog.winfo_exists()
    assert get_lot(db, lot_id).remaining_quantity == 50


def test_taking_more_than_remains_is_refused_under_the_change(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    lot_id = _bought_lot(db)
    dialog = _adjust(_lots(window, db, settings_file), lot_id)
    dialog.kind.set("Correction")
    dialog.form.field("Change").entry.insert(0, "-60")
    dialog.save_button.invoke()
    assert dialog.form.field("Change").error_label.cget("text").startswith("Only 50 lb is left")
    assert get_lot(db, lot_id).remaining_quantity == 50


def _edit_details(tab: LotsTab, lot_id: int) -> LotDetailsDialog:
    dialog = _on_lot(tab, lot_id, tab.on_edit_details)
    assert isinstance(dialog, LotDetailsDialog)
    return dialog


def test_edited_lot_details_are_saved_and_shown_in_the_list(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    lot_id = _bought_lot(db)
    tab = _lots(window, db, settings_file)
    dialog = _edit_details(tab, lot_id)
    dialog.form.field("Location").set_text("Basement freezer")
    dialog.form.field("Expiry date").set_text("2027-03-01")
    dialog.form.field("Notes").set_text("Second sack, unopened")
    screenshot(dialog, "pantry-lot-details-dialog")
    dialog.save_button.invoke()
    pump(window)
    lot = get_lot(db, lot_id)
    assert (lot.location, lot.expiry_date, lot.notes) == (
        "Basement freezer", date(2027, 3, 1), "Second sack, unopened",
    )  # fmt: skip
    assert lot.remaining_quantity == 50  # details never change the quantity
    assert tab.table.visible_values()[0][4:] == (
        "50 lb", "$0.60/lb", "$29.98", "Mar 1, 2027", "Basement freezer",
    )  # fmt: skip


def test_lot_details_open_filled_in_and_blank_fields_clear_them(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    lot_id = _bought_lot(db)
    update_lot_details(
        db, lot_id, expiry_date=date(2027, 3, 1), location="Basement freezer", notes="Unopened"
    )
    tab = _lots(window, db, settings_file)
    dialog = _edit_details(tab, lot_id)
    shown_text = [dialog.form.field(f).text for f in ("Location", "Expiry date", "Notes")]
    dialog.form.field("Expiry date").set_text("")
    dialog.form.field("Notes").set_text("  ")
    dialog.save_button.invoke()
    pump(window)
    lot = get_lot(db, lot_id)
    assert shown_text == ["Basement freezer", "Mar 1, 2027", "Unopened"]
    assert (lot.location, lot.expiry_date, lot.notes) == ("Basement freezer", None, None)
    assert tab.table.visible_values()[0][7:] == ("", "Basement freezer")


def test_lot_details_open_with_what_the_lot_holds_now_not_what_the_list_read(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    lot_id = _bought_lot(db)
    tab = _lots(window, db, settings_file)  # the list is read before the change below
    update_lot_details(db, lot_id, expiry_date=None, location="Garage shelf", notes=None)
    dialog = _edit_details(tab, lot_id)
    assert dialog.form.field("Location").text == "Garage shelf"


def test_an_expiry_that_is_not_a_date_is_refused_under_it_and_nothing_changes(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    lot_id = _bought_lot(db)
    dialog = _edit_details(_lots(window, db, settings_file), lot_id)
    dialog.form.field("Location").set_text("Garage")
    dialog.form.field("Expiry date").set_text("next spring")
    dialog.save_button.invoke()
    assert dialog.form.field("Expiry date").error_label.cget("text") == (
        "Expiry date must be a date, e.g. 2026-12-20."
    )
    assert dialog.winfo_exists()
    assert get_lot(db, lot_id).location is None


def test_empty_lots_are_hidden_until_asked_for(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    lot_id = _bought_lot(db)
    tab = _lots(window, db, settings_file)
    dialog = _adjust(tab, lot_id)
    dialog.kind.set("Gift")
    dialog.form.field("Change").entry.insert(0, "50")
    dialog.save_button.invoke()
    pump(window)
    assert tab.table.visible_values() == []
    tab.show_empty.toggle()
    pump(window)
    assert tab.table.visible_values()[0][4] == "0 lb"


def test_purchases_list_the_last_12_months_until_older_ones_are_asked_for(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    product = flour_product(db)
    record_purchase(db, PurchaseInput(product.id, date(2024, 11, 1), Decimal(1), Decimal("12.49")))
    buy(db, product)
    tab = _purchases(open_pantry(window, db, settings_file))

    recent = (tab.title.cget("text"), [row[0] for row in tab.table.visible_values()])
    tab.show_older.toggle()
    pump(window)
    every_year = (tab.title.cget("text"), [row[0] for row in tab.table.visible_values()])

    assert recent == ("Last 12 months", ["Nov 1, 2026"])
    assert every_year == ("All purchases", ["Nov 1, 2026", "Nov 1, 2024"])
