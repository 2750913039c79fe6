"""Package lifecycle: PENDING → ASSEMBLED → DELIVERED, reservations, undo, the board."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from src.models import (
    EventRecipientPackage,
    FinishedGood,
    IngredientKind,
    InventoryItem,
    PackagePackaging,
    PackageReservation,
    PackageStatus,
    Unit,
)
from src.services.database import Database
from src.services.delivery import (
    assemble_package,
    deliver_package,
    delivery_board,
    unassemble_package,
    undo_delivery,
)
from src.services.errors import InsufficientStockError, ValidationError
from src.tests import factories as f
from src.tests.db_probe import counted_statements, table_dump
from src.tests.production_example import add_priced_lot
from src.tests.worked_example import build_worked_example


@dataclass(frozen=True)
class Deliveries:
    event: int
    tin: int
    ribbon_lot: int
    packages: dict[str, int]  # recipient name → EventRecipientPackage id


def _deliveries(s: Session, tins_on_hand: int, recipients: dict[str, int]) -> Deliveries:
    ex = build_worked_example(s, with_stock=False)
    tin = s.get_one(FinishedGood, ex.holiday_tin)
    tin.inventory_count = tins_on_hand
    ribbon = f.ingredient(s, name="Ribbon", kind=IngredientKind.PACKAGING)
    lot = add_priced_lot(s, ribbon, "50", Unit.EACH, "20.00", date(2026, 11, 1))
    family = f.package(s, [(tin, 1)])
    family.name = "Family tin"
    family.packaging.append(PackagePackaging(ingredient=ribbon, quantity=Decimal(1)))
    event = f.event(s, name="Christmas 2026")
    packages = {}
    for name, quantity in recipients.items():
        erp = EventRecipientPackage(
            event=event, recipient=f.recipient(s, name=name), package=family, quantity=quantity
        )
        s.add(erp)
        s.flush()
        packages[name] = erp.id
    return Deliveries(event.id, tin.id, lot.id, packages)


@pytest.fixture
def dv(db: Database) -> Deliveries:
    with db.transaction() as s:
        return _deliveries(s, 3, {"Alice": 1, "Bob": 1, "Carol": 2})


def _tins(db: Database, dv: Deliveries) -> int:
    with db.transaction() as s:
        return s.get_one(FinishedGood, dv.tin).inventory_count


def _ribbons(db: Database, dv: Deliveries) -> Decimal:
    with db.transaction() as s:
        return s.get_one(InventoryItem, dv.ribbon_lot).remaining_quantity


def _reserved(db: Database) -> list[tuple[int, int]]:
    with db.transaction() as s:
        rows = s.execute(
            select(PackageReservation.recipient_package_id, PackageReservation.quantity)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


def test_assembling_a_package_reserves_its_goods_and_uses_its_packaging(
    db: Database, dv: Deliveries
) -> None:
    change = assemble_package(db, dv.packages["Carol"])

    assert change.card.status is PackageStatus.ASSEMBLED
    assert change.card.assembled_at is not None
    assert change.message == "2 × 'Family tin' for Carol is assembled; reserved 2 × Holiday tin."
    assert _tins(db, dv) == 1
    assert _reserved(db) == [(dv.packages["Carol"], 2)]
    assert _ribbons(db, dv) == 48


def test_a_reserved_tin_cannot_be_claimed_by_a_second_package(db: Database, dv: Deliveries) -> None:
    assemble_package(db, dv.packages["Carol"])
    assemble_package(db, dv.packages["Alice"])
    before = table_dump(db)

    with pytest.raises(InsufficientStockError, match="Holiday tin: need 1, have 0, short 1"):
        assemble_package(db, dv.packages["Bob"])

    assert table_dump(db) == before


def test_delivering_records_the_recipient_and_time_by_default(db: Database, dv: Deliveries) -> None:
    assemble_package(db, dv.packages["Alice"])

    change = deliver_package(db, dv.packages["Alice"])

    assert change.card.status is PackageStatus.DELIVERED
    assert change.card.delivered_to == "Alice" and change.card.delivered_at is not None
    assert "delivered to Alice" in change.message


def test_delivering_to_someone_else_at_a_given_time_is_recorded(
    db: Database, dv: Deliveries
) -> None:
    assemble_package(db, dv.packages["Bob"])
    when = datetime(2026, 12, 24, 17, 30)

    card = deliver_package(db, dv.packages["Bob"], delivered_to="Neighbour", delivered_at=when)

    assert (card.card.delivered_to, card.card.delivered_at) == ("Neighbour", when)


def _to(db: Database, erp: int, status: PackageStatus) -> None:
    if status is not PackageStatus.PENDING:
        assemble_package(db, erp)
    if status is PackageStatus.DELIVERED:
        deliver_package(db, erp)


@pytest.mark.parametrize(
    ("status", "action", "needed"),
    [
        (PackageStatus.PENDING, deliver_package, "needs it to be assembled"),
        (PackageStatus.PENDING, undo_delivery, "needs it to be delivered"),
        (PackageStatus.PENDING, unassemble_package, "needs it to be assembled"),
        (PackageStatus.ASSEMBLED, assemble_package, "needs it to be pending"),
        (PackageStatus.ASSEMBLED, undo_delivery, "needs it to be delivered"),
        (PackageStatus.DELIVERED, assemble_package, "needs it to be pending"),
        (PackageStatus.DELIVERED, deliver_package, "needs it to be assembled"),
        (PackageStatus.DELIVERED, unassemble_package, "needs it to be assembled"),
    ],
)
def test_skipping_or_going_back_is_refused_naming_the_needed_status(
    db: Database, dv: Deliveries, status: PackageStatus, action: object, needed: str
) -> None:
    _to(db, dv.packages["Alice"], status)
    before = table_dump(db)

    with pytest.raises(
        ValidationError, match=f"'Family tin' for Alice is {status.value}; .*{needed}"
    ):
        action(db, dv.packages["Alice"])  # type: ignore[operator]

    assert table_dump(db) == before


def test_undoing_a_delivery_clears_it_and_keeps_the_reservation(
    db: Database, dv: Deliveries
) -> None:
    _to(db, dv.packages["Alice"], PackageStatus.DELIVERED)

    change = undo_delivery(db, dv.packages["Alice"])

    card = change.card
    assert (card.status, card.delivered_to, card.delivered_at) == (
        PackageStatus.ASSEMBLED, None, None,
    )  # fmt: skip
    assert "delivery record (to whom and when) was cleared" in change.message
    assert _reserved(db) == [(dv.packages["Alice"], 1)]


def test_unassembling_releases_the_reserved_goods_and_the_packaging(
    db: Database, dv: Deliveries
) -> None:
    assemble_package(db, dv.packages["Carol"])

    change = unassemble_package(db, dv.packages["Carol"])

    assert change.card.status is PackageStatus.PENDING and change.card.assembled_at is None
    assert "2 × Holiday tin went back to inventory" in change.message
    assert "its packaging went back to the pantry" in change.message
    assert _tins(db, dv) == 3 and _reserved(db) == []
    assert _ribbons(db, dv) == 50


def test_assembling_again_after_unassembling_uses_the_packaging_once(
    db: Database, dv: Deliveries
) -> None:
    for _ in range(2):
        assemble_package(db, dv.packages["Carol"])
        unassemble_package(db, dv.packages["Carol"])
    assemble_package(db, dv.packages["Carol"])

    assert _ribbons(db, dv) == 48
    with db.transaction() as s:
        lot = s.get_one(InventoryItem, dv.ribbon_lot)
        assert sum((m.quantity for m in lot.movements), Decimal(0)) == lot.remaining_quantity


def test_the_board_groups_packages_by_status(db: Database, dv: Deliveries) -> None:
    _to(db, dv.packages["Alice"], PackageStatus.DELIVERED)
    _to(db, dv.packages["Carol"], PackageStatus.ASSEMBLED)

    board = delivery_board(db, dv.event)

    assert board.event == "Christmas 2026" and board.total == 3
    assert [c.recipient for c in board.pending] == ["Bob"]
    assert [c.recipient for c in board.assembled] == ["Carol"]
    assert [(c.recipient, c.delivered_to) for c in board.delivered] == [("Alice", "Alice")]


@pytest.mark.parametrize("recipients", [2, 30])
def test_the_board_takes_two_queries_whatever_the_number_of_packages(
    db: Database, recipients: int
) -> None:
    with db.transaction() as s:
        dv = _deliveries(s, recipients, {f"Recipient {n:02}": 1 for n in range(recipients)})
    for erp in list(dv.packages.values())[: recipients // 2]:
        assemble_package(db, erp)

    with counted_statements(db) as statements:
        board = delivery_board(db, dv.event)

    assert (len(board.pending), len(board.assembled)) == (
        recipients - recipients // 2,
        recipients // 2,
    )
    assert len(statements) == 2
