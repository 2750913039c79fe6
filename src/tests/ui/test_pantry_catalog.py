"""The Pantry screen's catalog: ingredients, products and suppliers, through real dialogs."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import customtkinter as ctk

from src.services.database import Database
from src.services.ingredients import list_ingredients, parse_density
from src.services.products import ProductInput, create_product, list_products
from src.services.suppliers import list_suppliers
from src.tests.ui.conftest import press, pump, screenshot, type_into
from src.tests.ui.pantry_helpers import buy, flour_product, ingredient, open_pantry, shown
from src.ui import events
from src.ui.views.pantry.ingredient_dialog import IngredientDialog
from src.ui.views.pantry.ingredients_tab import IngredientsTab
from src.ui.views.pantry.product_dialog import ProductDialog
from src.ui.views.pantry.products_tab import ProductsTab
from src.ui.views.pantry.supplier_dialog import SupplierDialog
from src.ui.views.pantry.suppliers_tab import SuppliersTab


def _ingredients(window: ctk.CTkToplevel, db: Database, settings_file: Path) -> IngredientsTab:
    tab = open_pantry(window, db, settings_file).show_tab("Ingredients")
    assert isinstance(tab, IngredientsTab)
    return tab


def _new_ingredient(tab: IngredientsTab, name: str, density: str) -> IngredientDialog:
    tab.on_new()
    dialog = shown(tab.dialog)
    assert isinstance(dialog, IngredientDialog)
    dialog.form.field("Name").entry.insert(0, name)
    type_into(dialog.form.field("Category").entry, "Baking")
    dialog.form.field("Density").entry.insert(0, density)
    return dialog


def test_an_ingredient_with_a_density_is_created_through_the_form_and_listed(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    ingredient(db, "Sugar")
    tab = _ingredients(window, db, settings_file)
    dialog = _new_ingredient(tab, "All-purpose flour", "1 cup = 125 g")
    screenshot(dialog, "pantry-ingredient-dialog")
    dialog.save_button.invoke()
    pump(window)
    [flour] = [i for i in list_ingredients(db) if i.name == "All-purpose flour"]
    assert flour.density == parse_density("1 cup = 125 g")
    assert flour.category == "Baking"
    assert ("All-purpose flour", "Baking", "Food", "1 cup = 125 g", "g", "0 g", "0") in (
        tab.table.visible_values()
    )
    assert tab.table.selected_keys() == [str(flour.id)]
    screenshot(window, "pantry-ingredients")


def test_an_invalid_density_shows_the_error_under_the_field_and_saves_nothing(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    tab = _ingredients(window, db, settings_file)
    dialog = _new_ingredient(tab, "Flour", "1 cup is 125 g")
    dialog.save_button.invoke()
    density = dialog.form.field("Density")
    assert density.error_label.cget("text").startswith("Density '1 cup is 125 g' should read")
    screenshot(dialog, "pantry-ingredient-density-error")
    density.set_text("1 cup = 125 ml")
    dialog.save_button.invoke()
    assert "needs a weight second" in density.error_label.cget("text")
    assert dialog.winfo_exists()
    assert list_ingredients(db) == []


def test_deleting_an_ingredient_in_use_offers_archive_instead(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    product = flour_product(db)
    tab = _ingredients(window, db, settings_file)
    tab.table.select([str(product.ingredient_id)])
    pump(window)
    tab.on_delete()
    assert tab.removal is not None
    shown(tab.removal.confirm).confirm_button.invoke()
    offer = shown(tab.removal.offer)
    assert "product 'All-purpose flour'" in offer.winfo_children()[0].winfo_children()[1].cget(
        "text"
    )
    screenshot(offer, "pantry-delete-refused-archive-offered")
    offer.confirm_button.invoke()
    pump(window)
    assert list_ingredients(db) == []
    assert list_ingredients(db, include_archived=True)[0].is_archived
    assert tab.table.visible_values() == []


def test_a_product_is_added_with_an_ingredient_chosen_by_typing(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    ingredient(db, "Bread flour")
    tab = open_pantry(window, db, settings_file).show_tab("Products")
    assert isinstance(tab, ProductsTab)
    tab.on_new()
    dialog = shown(tab.dialog)
    assert isinstance(dialog, ProductDialog)
    type_into(dialog.ingredient, "bread")
    press(dialog.ingredient, "Return")
    fields = dialog.form.fields
    fields["Brand"].entry.insert(0, "King Arthur")
    fields["Name"].entry.insert(0, "Bread flour")
    fields["Package type"].entry.insert(0, "bag")
    fields["Package quantity"].entry.insert(0, "5")
    fields["Unit"].entry.insert(0, "lbs")
    dialog.preferred.select()
    screenshot(dialog, "pantry-product-dialog")
    dialog.save_button.invoke()
    pump(window)
    [product] = list_products(db)
    assert (product.ingredient_name, product.label) == ("Bread flour", "King Arthur Bread flour")
    assert (product.package_quantity, product.package_unit.value) == (Decimal(5), "lb")
    assert product.is_preferred
    assert tab.table.visible_values() == [
        ("★", "King Arthur Bread flour", "Bread flour", "5 lb bag", "", "unknown", "0 lb")
    ]


def test_a_product_unit_that_does_not_fit_its_ingredient_is_refused_under_the_unit(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    product = flour_product(db)
    create_product(db, ProductInput(product.ingredient_id, "Flour 5 lb", Decimal(5), "lb"))
    tab = open_pantry(window, db, settings_file).show_tab("Products")
    assert isinstance(tab, ProductsTab)
    tab.table.select([str(product.id)])
    pump(window)
    tab.on_edit()
    dialog = shown(tab.dialog)
    assert isinstance(dialog, ProductDialog)
    assert dialog.form.field("Package quantity").text == "25"
    dialog.form.field("Unit").set_text("each")
    dialog.save_button.invoke()
    assert "each" in dialog.form.field("Unit").error_label.cget("text")
    assert {p.package_unit.value for p in list_products(db)} == {"lb"}
    dialog.cancel()


def test_the_selected_products_price_history_is_shown(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    product = flour_product(db)
    buy(db, product, "2", "14.99")
    tab = open_pantry(window, db, settings_file).show_tab("Products")
    assert isinstance(tab, ProductsTab)
    tab.table.select([str(product.id)])
    pump(window)
    assert tab.history.visible_values() == [("Nov 1, 2026", "", "2", "$14.99", "$0.60/lb")]
    assert tab.table.visible_values()[0][5:] == ("$14.99", "50 lb")
    screenshot(window, "pantry-products")


def test_a_supplier_is_added_and_listed(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    tab = open_pantry(window, db, settings_file).show_tab("Suppliers")
    assert isinstance(tab, SuppliersTab)
    tab.on_new()
    dialog = shown(tab.dialog)
    assert isinstance(dialog, SupplierDialog)
    dialog.form.field("Name").entry.insert(0, "Costco")
    dialog.form.field("City").entry.insert(0, "Seattle")
    dialog.form.field("State").entry.insert(0, "WA")
    screenshot(dialog, "pantry-supplier-dialog")
    dialog.save_button.invoke()
    pump(window)
    assert [s.name for s in list_suppliers(db)] == ["Costco"]
    assert tab.table.visible_values() == [("Costco", "Physical", "Seattle, WA", "", "0", "0")]
    screenshot(window, "pantry-suppliers")


def test_products_filter_by_ingredient_and_refresh_when_the_catalog_changes(
    window: ctk.CTkToplevel, db: Database, settings_file: Path
) -> None:
    flour = flour_product(db)
    sugar = ingredient(db, "Sugar")
    view = open_pantry(window, db, settings_file)
    tab = view.show_tab("Products")
    assert isinstance(tab, ProductsTab)
    type_into(tab.ingredient_filter, "sug")
    press(tab.ingredient_filter, "Return")
    assert tab.table.visible_keys() == []
    create_product(db, ProductInput(sugar.id, "Cane sugar", Decimal(4), "lb"))
    view.ctx.publish(events.CATALOG_CHANGED)
    assert [row[1] for row in tab.table.visible_values()] == ["Cane sugar"]
    tab.ingredient_filter.delete(0, "end")
    type_into(tab.ingredient_filter, "")
    assert len(tab.table.visible_keys()) == 2 and str(flour.id) in tab.table.visible_keys()
