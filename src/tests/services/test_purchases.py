"""Purchases create their lot through the ledger; price history; opening balances."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from src.models import MovementKind, Unit
from src.services.database import Database
from src.services.errors import NotFoundError, ValidationError
from src.services.ingredients import IngredientInput, create_ingredient
from src.services.inventory import get_lot, lot_history
from src.services.pages import Page
from src.services.products import ProductInput, create_product
from src.services.purchases import (
    OpeningBalanceInput,
    PurchaseInput,
    PurchaseView,
    list_purchases,
    lot_unit_cost,
    price_history,
    purchases_page,
    record_opening_balance,
    record_purchase,
)
from src.services.suppliers import SupplierInput, create_supplier
from src.tests.db_probe import every_lot
from src.tests.worked_example import WorkedExample, build_worked_example


@pytest.fixture
def ex(db: Database) -> WorkedExample:
    with db.transaction() as s:
        return build_worked_example(s)


def test_lot_unit_cost_is_price_per_package_over_package_quantity() -> None:
    assert lot_unit_cost(Decimal("14.99"), Decimal(25)) == Decimal("0.5996")
    assert lot_unit_cost(Decimal("4.99"), Decimal(5)) == Decimal("0.998")
    assert lot_unit_cost(Decimal("3.99"), Decimal(12)) == Decimal("0.3325")


def test_a_purchase_puts_its_lot_on_the_shelf_through_the_ledger(
    db: Database, ex: WorkedExample
) -> None:
    shop = create_supplier(db, SupplierInput("Costco"))
    bought = record_purchase(
        db, PurchaseInput(ex.products["flour-sack"], date(2026, 11, 20), Decimal(2),
                          Decimal("15.49"), supplier_id=shop.id, location=" pantry "),
    )  # fmt: skip
    assert (bought.total_price, bought.unit_cost, bought.unit) == (
        Decimal("30.98"), Decimal("0.6196"), Unit.POUND,
    )  # fmt: skip
    assert bought.supplier_name == "Costco"
    assert bought.lot_id is not None
    lot = get_lot(db, bought.lot_id)
    assert (lot.initial_quantity, lot.remaining_quantity) == (Decimal(50), Decimal(50))
    assert (lot.unit_cost, lot.remaining_value, lot.location) == (
        Decimal("0.6196"), Decimal("30.98"), "pantry",
    )  # fmt: skip
    assert [(m.kind, m.quantity) for m in lot_history(db, lot.id)] == [
        (MovementKind.PURCHASE, Decimal(50))
    ]


def test_price_history_lists_a_products_purchases_newest_first(
    db: Database, ex: WorkedExample
) -> None:
    egg = ex.products["egg"]
    for day, price in ((5, "4.29"), (25, "4.79")):
        record_purchase(db, PurchaseInput(egg, date(2026, 12, day), Decimal(1), Decimal(price)))
    history = price_history(db, egg)
    assert [(p.purchase_date, p.price_per_package) for p in history] == [
        (date(2026, 12, 25), Decimal("4.79")),
        (date(2026, 12, 5), Decimal("4.29")),
        (date(2026, 11, 1), Decimal("3.99")),
    ]
    assert len(list_purchases(db, ingredient_id=ex.ingredients["egg"])) == 3
    assert len(list_purchases(db, since=date(2026, 12, 1))) == 2


def test_a_purchase_with_bad_amounts_writes_nothing(db: Database, ex: WorkedExample) -> None:
    before = every_lot(db)
    with pytest.raises(ValidationError, match="Packages bought must be more than zero"):
        record_purchase(
            db, PurchaseInput(ex.products["egg"], date(2026, 12, 1), Decimal(0), Decimal(4))
        )
    with pytest.raises(ValidationError, match=r"Price per package must be \$0 or more"):
        record_purchase(
            db, PurchaseInput(ex.products["egg"], date(2026, 12, 1), Decimal(1), Decimal(-1))
        )
    with pytest.raises(NotFoundError, match="no product with id 999"):
        record_purchase(db, PurchaseInput(999, date(2026, 12, 1), Decimal(1), Decimal(1)))
    assert every_lot(db) == before


def test_an_opening_balance_needs_no_purchase_and_may_have_unknown_cost(
    db: Database, ex: WorkedExample
) -> None:
    lot = record_opening_balance(
        db, OpeningBalanceInput(ex.products["sugar"], Decimal("1.5"), date(2026, 9, 1))
    )
    assert lot.is_opening_balance
    assert (lot.remaining_quantity, lot.unit_cost, lot.remaining_value) == (
        Decimal("1.5"), None, None,
    )  # fmt: skip
    assert [m.kind for m in lot_history(db, lot.id)] == [MovementKind.OPENING_BALANCE]
    priced = record_opening_balance(
        db, OpeningBalanceInput(ex.products["sugar"], Decimal(2), date(2026, 9, 1), Decimal("3"))
    )
    assert priced.unit_cost == Decimal("0.75")  # $3 per 4 lb package


def _product(db: Database, brand: str, name: str, ingredient: str) -> int:
    made = create_ingredient(db, IngredientInput(ingredient))
    return create_product(db, ProductInput(made.id, name, Decimal(5), "lb", brand=brand)).id


def _bought(db: Database, product_id: int, day: date, supplier_id: int | None = None) -> None:
    record_purchase(
        db, PurchaseInput(product_id, day, Decimal(1), Decimal("4.99"), supplier_id=supplier_id)
    )


def _days(page: Page[PurchaseView]) -> list[date]:
    return [purchase.purchase_date for purchase in page.rows]


def test_every_year_reads_the_newest_purchases_up_to_the_limit_and_counts_them_all(
    db: Database,
) -> None:
    flour = _product(db, "King Arthur", "All-purpose flour", "Flour")
    for year in range(2017, 2027):
        _bought(db, flour, date(year, 3, 1))

    page = purchases_page(db, limit=4)

    assert _days(page) == [date(2026, 3, 1), date(2025, 3, 1), date(2024, 3, 1), date(2023, 3, 1)]
    assert (page.total, page.left_out) == (10, 6)
    assert _days(purchases_page(db)) == _days(purchases_page(db, limit=10))  # all 10 fit


def test_a_search_of_every_year_needs_each_word_in_the_product_or_the_supplier_in_any_case(
    db: Database,
) -> None:
    costco = create_supplier(db, SupplierInput("Costco")).id
    flour = _product(db, "King Arthur", "All-purpose flour", "Flour")
    butter = _product(db, "Kerrygold", "Salted butter", "Butter")
    _bought(db, flour, date(2018, 5, 1), costco)
    _bought(db, flour, date(2019, 5, 1))
    _bought(db, butter, date(2020, 5, 1), costco)
    _bought(db, butter, date(2025, 5, 1), costco)

    assert _days(purchases_page(db, search="COSTCO")) == [
        date(2025, 5, 1), date(2020, 5, 1), date(2018, 5, 1),
    ]  # fmt: skip
    assert _days(purchases_page(db, search=" flour  costco ")) == [date(2018, 5, 1)]
    assert _days(purchases_page(db, search="arthur ALL-PURPOSE")) == [
        date(2019, 5, 1), date(2018, 5, 1),
    ]  # fmt: skip
    assert purchases_page(db, search="kerrygold flour") == Page((), 0)
    assert purchases_page(db, search="% _").total == 0  # letters to look for, not wildcards
    newest = purchases_page(db, search="costco", limit=1)
    assert (_days(newest), newest.total) == ([date(2025, 5, 1)], 3)


def test_a_page_of_purchases_refuses_a_limit_that_is_not_a_whole_number_of_rows(
    db: Database,
) -> None:
    with pytest.raises(ValidationError, match=r"number of purchases to list must be a whole"):
        purchases_page(db, limit=0)
    with pytest.raises(ValidationError, match="A search must be text, not None"):
        purchases_page(db, search=None)  # type: ignore[arg-type]
