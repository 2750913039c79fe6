"""Purchases create their lot through the ledger; price history; opening balances."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from src.models import MovementKind, Unit
from src.services.database import Database
from src.services.errors import NotFoundError, ValidationError
from src.services.inventory import get_lot, list_lots, lot_history
from src.services.purchases import (
    OpeningBalanceInput,
    PurchaseInput,
    list_purchases,
    lot_unit_cost,
    price_history,
    record_opening_balance,
    record_purchase,
)
from src.services.suppliers import SupplierInput, create_supplier
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
    before = list_lots(db, include_empty=True)
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
    assert list_lots(db, include_empty=True) == before


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
