"""Suppliers: create, edit, deactivate, and deletes refused while purchases name them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from src.models import SupplierKind
from src.services.database import Database
from src.services.errors import ConflictError, NotFoundError
from src.services.products import ProductInput, create_product, get_product
from src.services.purchases import PurchaseInput, record_purchase
from src.services.suppliers import (
    SUPPLIER_KINDS,
    SupplierInput,
    archive_supplier,
    create_supplier,
    delete_supplier,
    get_supplier,
    list_suppliers,
    update_supplier,
)
from src.tests.worked_example import WorkedExample, build_worked_example


@pytest.fixture
def ex(db: Database) -> WorkedExample:
    with db.transaction() as s:
        return build_worked_example(s)


def test_a_supplier_is_created_edited_and_found_by_name(db: Database) -> None:
    made = create_supplier(db, SupplierInput("King Arthur", SupplierKind.ONLINE))
    edited = update_supplier(
        db, made.id, SupplierInput("King Arthur Baking", SupplierKind.ONLINE, website="kab.com")
    )
    assert (edited.slug, edited.name, edited.website) == (
        "king-arthur",
        "King Arthur Baking",
        "kab.com",
    )
    assert [s.name for s in list_suppliers(db, search="baking")] == ["King Arthur Baking"]
    with pytest.raises(ConflictError, match="already a supplier called 'king arthur baking'"):
        create_supplier(db, SupplierInput("king arthur baking"))


def test_an_inactive_supplier_is_hidden_unless_asked_for(db: Database) -> None:
    made = create_supplier(db, SupplierInput("Corner store"))
    assert not archive_supplier(db, made.id).is_active
    assert list_suppliers(db) == []
    assert [s.name for s in list_suppliers(db, include_inactive=True)] == ["Corner store"]


def test_a_supplier_with_purchases_cannot_be_deleted(db: Database, ex: WorkedExample) -> None:
    shop = create_supplier(db, SupplierInput("Costco"))
    record_purchase(
        db, PurchaseInput(ex.products["egg"], date(2026, 11, 20), Decimal(2), Decimal("4.50"),
                          supplier_id=shop.id),
    )  # fmt: skip
    assert get_supplier(db, shop.id).purchase_count == 1
    with pytest.raises(ConflictError, match="'Costco': it is used by 1 purchase"):
        delete_supplier(db, shop.id)


def test_deleting_a_supplier_only_products_name_leaves_the_products(
    db: Database, ex: WorkedExample
) -> None:
    shop = create_supplier(db, SupplierInput("Farm stand"))
    eggs = create_product(
        db,
        ProductInput(ex.ingredients["egg"], "Farm eggs", Decimal(12), "each", supplier_id=shop.id),
    )
    assert get_supplier(db, shop.id).product_count == 1
    delete_supplier(db, shop.id)
    assert get_product(db, eggs.id).supplier_id is None
    with pytest.raises(NotFoundError):
        get_supplier(db, shop.id)


def test_supplier_kinds_offer_physical_and_online() -> None:
    assert SUPPLIER_KINDS == (SupplierKind.PHYSICAL, SupplierKind.ONLINE)
