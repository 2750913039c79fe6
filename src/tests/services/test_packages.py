"""Packages: goods × quantity plus packaging, cost, and deletes refused while events use them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from src.models import EventRecipientPackage, IngredientKind
from src.services.database import Database
from src.services.errors import ConflictError, NotFoundError, ValidationError
from src.services.finished_goods import ItemCount, get_finished_good
from src.services.ingredients import IngredientInput, create_ingredient
from src.services.packages import (
    PackageInput,
    archive_package,
    create_package,
    delete_package,
    get_package,
    list_packages,
    update_package,
)
from src.services.packaging import PackagingInput
from src.services.products import ProductInput, create_product
from src.services.purchases import PurchaseInput, record_purchase
from src.tests import factories
from src.tests.worked_example import WorkedExample, build_worked_example


@pytest.fixture
def ex(db: Database) -> WorkedExample:
    with db.transaction() as s:
        return build_worked_example(s)


def _card(db: Database) -> int:
    card = create_ingredient(db, IngredientInput("Gift card", kind=IngredientKind.PACKAGING))
    product = create_product(db, ProductInput(card.id, "Cards, 10", Decimal(10), "each"))
    record_purchase(db, PurchaseInput(product.id, date(2026, 11, 1), Decimal(1), Decimal(5)))
    return card.id


def test_a_package_holds_goods_and_packaging(db: Database, ex: WorkedExample) -> None:
    card = _card(db)
    made = create_package(
        db, PackageInput("Family gift", goods=(ItemCount(ex.holiday_tin, 2),),
                         packaging=(PackagingInput(card, Decimal(1)),)),
    )  # fmt: skip
    (tins,) = made.contents
    assert (tins.kind, tins.name, tins.quantity) == ("good", "Holiday tin", 2)
    assert [(p.ingredient_name, p.cost) for p in made.packaging] == [("Gift card", Decimal("0.5"))]
    assert made.cost is None  # gingerbread is unpriced in the worked example
    assert get_finished_good(db, ex.holiday_tin).used_in == ("Family gift",)


def test_a_package_of_priced_goods_has_a_cost(db: Database) -> None:
    card = _card(db)
    made = create_package(db, PackageInput("Card only", packaging=(PackagingInput(card, 2),)))
    assert made.cost == Decimal(1)
    edited = update_package(db, made.id, PackageInput("Two cards", description=" small "))
    assert (edited.name, edited.description, edited.cost, edited.packaging) == (
        "Two cards", "small", Decimal(0), (),
    )  # fmt: skip


def test_bad_contents_are_refused(db: Database, ex: WorkedExample) -> None:
    with pytest.raises(ValidationError, match="Number of Holiday tin must be a whole number"):
        create_package(db, PackageInput("Gift", goods=(ItemCount(ex.holiday_tin, -1),)))
    with pytest.raises(NotFoundError, match="no finished good with id 999"):
        create_package(db, PackageInput("Gift", goods=(ItemCount(999, 1),)))
    assert list_packages(db) == []


def test_a_package_an_event_assigns_cannot_be_deleted(db: Database, ex: WorkedExample) -> None:
    made = create_package(db, PackageInput("Family gift", goods=(ItemCount(ex.holiday_tin, 1),)))
    with db.transaction() as s:
        event = factories.event(s, name="Christmas 2026")
        person = factories.recipient(s)
        s.add(EventRecipientPackage(event_id=event.id, recipient_id=person.id,
                                    package_id=made.id, quantity=1))  # fmt: skip
    with pytest.raises(ConflictError, match="'Family gift': it is used by event 'Christmas 2026'"):
        delete_package(db, made.id)
    archive_package(db, made.id)
    assert list_packages(db) == []
    assert get_package(db, made.id).is_archived
