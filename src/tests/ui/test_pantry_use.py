"""Using an ingredient outside production from the Pantry: live FIFO preview, then for real."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import customtkinter as ctk

from src.models import MovementKind
from src.services.database import Database
from src.services.inventory import get_lot, lot_history
from src.services.purchases import PurchaseInput, record_purchase
from src.tests.ui.conftest import pump, screenshot, type_into
from src.tests.ui.pantry_helpers import buy, flour_product, open_pantry, shown
from src.ui.views.pantry.ingredients_tab import IngredientsTab
from src.ui.views.pantry.kind_picker import NOTE_NEEDED
from src.ui.views.pantry.use_ingredient_dialog import UseIngredientDialog

LB = Decimal("453.59237")  # grams


def _flour_lots(db: Database, older_packages: str = "1") -> tuple[int, int, int]:
    """(ingredient, older lot, newer lot): a 25 lb sack bought Oct 1 at $9.99, then 2 sacks
    (50 lb) on Nov 1 at $14.99."""
    product = flour_product(db)
    older = record_purchase(
        db, PurchaseInput(product.id, date(2026, 10, 1), Decimal(older_packages), Decimal("9.99"))
    )
    newer = buy(db, product)
    assert older.lot_id is not None and newer.lot_id is not None
    return product.ingredient_id, older.lot_id, newer.lot_id


def _use_dialog(
    window: ctk.CTkToplevel, db: Database, settings_file: Path, ingredient_id: int
) -> tuple[IngredientsTab, UseIngredientDialog]:
    tab = open_pantry(window, db, settings_file).show_tab("Ingredients")
    assert isinstance(tab, IngredientsTab)
    tab.table.select([str(ingredient_id)])
    pump(tab)
    tab.on_use()
    dialog = shown(tab.dialog)
    assert isinstance(dialog, UseIngredientDialog)
    return tab, dialog


def _preview_then_use(dialog: UseIngredientDialog, quantity: str, unit: str) -> str:
    """Type the quantity in `unit`, press Use, and return what the preview said before."""
    dialog.form.field("Unit").set_text(unit)
    type_into(dialog.form.field("Quantity").entry, quantity)
    preview = str(dialog.preview.cget("text"))
    screenshot(dialog, f"pantry-use-ingredient-{quantity}-{unit}")
    dialog.save_button.invoke()
    pump(dialog.master)
    return preview


def test_using_flour_previews_the_oldest_lot_and_takes_it_from_there(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    flour, older, newer = _flour_lots(db)
    tab, dialog = _use_dialog(window, db, settings_file, flour)
    chosen = (dialog.form.field("Ingredient").text, dialog.form.field("Unit").text)
    dialog.kind.set("Gift")
    dialog.form.field("Note").set_text("Shortbread for the neighbours")
    preview = _preview_then_use(dialog, "250", "g")
    pump(window)
    assert chosen == ("All-purpose flour", "g")
    assert preview == (
        "Takes, oldest first:\n"
        "• 0.55 lb from King Arthur All-purpose flour, bought Oct 1, 2026 · $0.22\n"
        "Cost: $0.22"
    )
    assert round(get_lot(db, older).remaining_quantity, 9) == round(25 - 250 / LB, 9)
    assert get_lot(db, newer).remaining_quantity == 50
    last = lot_history(db, older)[-1]
    assert (last.kind, last.note) == (MovementKind.GIFT, "Shortbread for the neighbours")
    assert tab.table.visible_values()[0][5] == "33.77 kg"  # 75 lb − 250 g


def test_a_shortfall_is_previewed_and_refused_under_the_quantity_with_nothing_taken(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    flour, older, newer = _flour_lots(db)
    _, dialog = _use_dialog(window, db, settings_file, flour)
    preview = _preview_then_use(dialog, "80", "lb")
    assert preview.splitlines()[1:] == [
        "• 25 lb from King Arthur All-purpose flour, bought Oct 1, 2026 · $9.99",
        "• 50 lb from King Arthur All-purpose flour, bought Nov 1, 2026 · $29.98",
        "Cost: $39.97",
        "Short by 2.27 kg: not enough All-purpose flour on hand.",  # 5 lb
    ]
    assert (
        dialog.form.field("Quantity")
        .error_label.cget("text")
        .startswith("Using 80 lb of All-purpose flour needs more than you have on hand")
    )
    assert dialog.winfo_exists()
    assert [get_lot(db, lot).remaining_quantity for lot in (older, newer)] == [25, 50]


def test_using_stock_for_other_needs_a_note_under_the_note(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    flour, older, _ = _flour_lots(db)
    _, dialog = _use_dialog(window, db, settings_file, flour)
    type_into(dialog.form.field("Quantity").entry, "1")
    dialog.kind.set("Other")
    dialog.save_button.invoke()
    assert dialog.form.field("Note").error_label.cget("text") == NOTE_NEEDED
    assert get_lot(db, older).remaining_quantity == 25


def test_a_unit_the_ingredient_cannot_convert_is_shown_in_the_preview_and_under_the_unit(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    flour, older, _ = _flour_lots(db)
    _, dialog = _use_dialog(window, db, settings_file, flour)
    preview = _preview_then_use(dialog, "2", "each")
    assert "All-purpose flour" in preview and "'each'" in preview
    assert dialog.form.field("Unit").error_label.cget("text") == preview
    assert get_lot(db, older).remaining_quantity == 25
