"""What the pantry pickers offer, read through the services, and how products read in them."""

from __future__ import annotations

from collections.abc import Sequence

from src.services.choices import ingredient_options
from src.services.database import Database
from src.services.products import ProductView
from src.services.quantity_format import format_quantity
from src.services.suppliers import list_suppliers
from src.ui.widgets.typeahead import Choice


def ingredient_choices(db: Database) -> list[Choice]:
    return [Choice(str(i.id), i.name) for i in ingredient_options(db)]


def supplier_choices(db: Database) -> list[Choice]:
    return [Choice(str(s.id), s.name) for s in list_suppliers(db)]


def product_choices(products: Sequence[ProductView]) -> list[Choice]:
    """ "King Arthur Bread flour · 25 lb sack": the label and the package it comes in."""
    return [Choice(str(p.id), f"{p.label} · {package_text(p)}") for p in products]


def package_text(product: ProductView) -> str:
    """ "25 lb sack", or "25 lb" when the package type is not known."""
    size = format_quantity(product.package_quantity, product.package_unit)
    return f"{size} {product.package_type}" if product.package_type else size
