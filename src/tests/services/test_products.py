"""Products: at most one preferred per ingredient, units that fit, deletes refused with history."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from src.models import Unit
from src.services.database import Database
from src.services.errors import ConflictError, ConversionError, NotFoundError, ValidationError
from src.services.ingredients import IngredientInput, create_ingredient
from src.services.products import (
    ProductInput,
    archive_product,
    create_product,
    delete_product,
    get_product,
    list_products,
    set_preferred_product,
    update_product,
)
from src.services.suppliers import SupplierInput, create_supplier
from src.tests import factories
from src.tests.db_probe import counted_statements
from src.tests.worked_example import WorkedExample, build_worked_example


@pytest.fixture
def ex(db: Database) -> WorkedExample:
    with db.transaction() as s:
        return build_worked_example(s)


def test_a_product_shows_its_ingredient_supplier_price_and_stock(
    db: Database, ex: WorkedExample
) -> None:
    shop = create_supplier(db, SupplierInput("Costco"))
    sack = get_product(db, ex.products["flour-sack"])
    edited = update_product(
        db, sack.id,
        ProductInput(ex.ingredients["flour"], "AP flour 25 lb sack", Decimal(25), "lb",
                     brand="King Arthur", supplier_id=shop.id),
    )  # fmt: skip
    assert edited.label == "King Arthur AP flour 25 lb sack"
    assert (edited.ingredient_name, edited.supplier_name) == ("All-purpose flour", "Costco")
    assert (edited.latest_price, edited.latest_price_date) == (Decimal("14.99"), date(2026, 11, 1))
    assert edited.on_hand == Decimal(25)


def test_making_a_product_preferred_clears_the_other(db: Database, ex: WorkedExample) -> None:
    flour = ex.ingredients["flour"]
    set_preferred_product(db, ex.products["flour-bag"])
    big = create_product(
        db, ProductInput(flour, "Flour 50 lb", Decimal(50), Unit.POUND, is_preferred=True)
    )
    preferred = [p.name for p in list_products(db, ingredient_id=flour) if p.is_preferred]
    assert preferred == [big.name]
    set_preferred_product(db, ex.products["flour-sack"])
    preferred = [p.name for p in list_products(db, ingredient_id=flour) if p.is_preferred]
    assert preferred == ["Flour 25 lb sack"]


def test_a_product_in_a_unit_the_ingredient_cannot_convert_to_is_refused(
    db: Database, ex: WorkedExample
) -> None:
    with pytest.raises(
        ConversionError, match="Ground ginger from 'oz' to 'tbsp' without a density"
    ):
        create_product(db, ProductInput(ex.ingredients["ginger"], "Ginger jar", Decimal(2), "oz"))
    with pytest.raises(ConversionError, match="Cannot convert All-purpose flour from 'each'"):
        create_product(db, ProductInput(ex.ingredients["flour"], "Flour", Decimal(1), "each"))


def test_package_quantity_must_be_positive(db: Database) -> None:
    salt = create_ingredient(db, IngredientInput("Salt"))
    with pytest.raises(ValidationError, match="Package quantity must be more than zero"):
        create_product(db, ProductInput(salt.id, "Salt", Decimal(0), "g"))
    with pytest.raises(NotFoundError, match="no ingredient with id 999"):
        create_product(db, ProductInput(999, "Salt", Decimal(1), "g"))


def test_search_matches_product_brand_or_ingredient_name(db: Database, ex: WorkedExample) -> None:
    assert [p.name for p in list_products(db, search="vanilla")] == ["Vanilla 4 fl oz"]
    assert {p.name for p in list_products(db, search="all-purpose")} == {
        "Flour 5 lb bag", "Flour 25 lb sack",
    }  # fmt: skip


def test_an_archived_product_is_hidden_and_no_longer_preferred(
    db: Database, ex: WorkedExample
) -> None:
    set_preferred_product(db, ex.products["egg"])
    archived = archive_product(db, ex.products["egg"])
    assert archived.is_archived and not archived.is_preferred
    assert "Eggs, dozen" not in {p.name for p in list_products(db)}


def test_a_bought_product_cannot_be_deleted(db: Database, ex: WorkedExample) -> None:
    with pytest.raises(ConflictError, match="'Eggs, dozen': it is used by 1 purchase"):
        delete_product(db, ex.products["egg"])


def test_a_never_bought_product_can_be_deleted(db: Database, ex: WorkedExample) -> None:
    made = create_product(db, ProductInput(ex.ingredients["egg"], "Eggs 18", Decimal(18), "each"))
    delete_product(db, made.id)
    with pytest.raises(NotFoundError):
        get_product(db, made.id)


def test_listing_products_takes_the_same_queries_for_10_or_40_rows(db: Database) -> None:
    def add(n: int) -> int:
        with db.transaction() as s:
            shop = factories.supplier(s)
            for _ in range(n):
                factories.lot(s, factories.product(s, supplier=shop))
        with counted_statements(db) as statements:
            assert len(list_products(db)) >= n
        return len(statements)

    assert add(10) == add(30)
