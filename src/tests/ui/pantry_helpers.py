"""Shared set-up for the Pantry screen tests: the main window opened on Pantry, real dialogs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import customtkinter as ctk

from src.services.database import Database
from src.services.ingredients import IngredientInput, IngredientView, create_ingredient
from src.services.products import ProductInput, ProductView, create_product
from src.services.purchases import PurchaseInput, PurchaseView, record_purchase
from src.tests.ui.conftest import pump
from src.ui.dialogs.base import ModalDialog
from src.ui.main_window import MainWindow
from src.ui.views import default_registry
from src.ui.views.pantry.screen import PantryView

TODAY = date(2026, 11, 15)


def open_pantry(window: ctk.CTkToplevel, db: Database, settings_file: Path) -> PantryView:
    main = MainWindow(
        window, db, default_registry(), settings_file=settings_file, today=lambda: TODAY
    )
    view = main.show_view("pantry")
    assert isinstance(view, PantryView)
    pump(window)
    return view


def shown(dialog: ModalDialog | None) -> ModalDialog:
    """The dialog a handler opened, once it is on screen."""
    assert dialog is not None
    pump(dialog, 50)
    return dialog


def flour_product(db: Database, *, supplier_id: int | None = None) -> ProductView:
    flour = create_ingredient(
        db, IngredientInput("All-purpose flour", "Baking", density="1 cup = 125 g")
    )
    return create_product(
        db,
        ProductInput(
            ingredient_id=flour.id,
            brand="King Arthur",
            name="All-purpose flour",
            package_quantity=Decimal(25),
            package_unit="lb",
            package_type="sack",
            supplier_id=supplier_id,
        ),
    )


def buy(
    db: Database, product: ProductView, packages: str = "2", price: str = "14.99"
) -> PurchaseView:
    return record_purchase(
        db, PurchaseInput(product.id, date(2026, 11, 1), Decimal(packages), Decimal(price))
    )


def ingredient(db: Database, name: str) -> IngredientView:
    return create_ingredient(db, IngredientInput(name))
