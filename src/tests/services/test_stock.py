"""The stock ledger: on-hand stock, FIFO dry runs, applying and reversing consumption."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from src.models import InventoryItem, MovementKind, StockMovement
from src.services.recipe_loading import load_ingredient_infos
from src.services.stock import (
    StockShortError,
    apply_allocation,
    on_hand,
    plan_consumption,
    reverse_movements,
    shortfalls_of,
)
from src.tests.worked_example import WorkedExample, build_worked_example


@pytest.fixture
def ex(session: Session) -> WorkedExample:
    return build_worked_example(session)


def _remaining(session: Session) -> dict[int, Decimal]:
    return dict(session.execute(select(InventoryItem.id, InventoryItem.remaining_quantity)).all())


def _ledger_balanced(session: Session) -> bool:
    session.expire_all()
    return all(
        sum((m.quantity for m in lot.movements), Decimal(0)) == lot.remaining_quantity
        for lot in session.scalars(select(InventoryItem))
    )


def test_on_hand_is_in_base_units_across_products(session: Session, ex: WorkedExample) -> None:
    infos = load_ingredient_infos(session, ex.ingredients.values())
    stock = on_hand(session, infos)
    assert stock[ex.ingredients["flour"]] == Decimal("12246.99399")  # 27 lb × 453.59237
    assert stock[ex.ingredients["egg"]] == Decimal(12)
    assert stock[ex.ingredients["vanilla"]] == Decimal("118.29411825")  # 4 fl oz
    assert stock[ex.ingredients["ginger"]] == Decimal(0)


def test_dry_run_changes_nothing(session: Session, ex: WorkedExample) -> None:
    infos = load_ingredient_infos(session, [ex.ingredients["flour"]])
    before = _remaining(session)
    movements = session.scalar(select(func.count()).select_from(StockMovement))
    plan = plan_consumption(session, {ex.ingredients["flour"]: Decimal(2625)}, infos)
    assert plan[ex.ingredients["flour"]].covered
    session.flush()
    assert _remaining(session) == before
    assert session.scalar(select(func.count()).select_from(StockMovement)) == movements


def test_applying_consumption_takes_the_lots_and_writes_the_ledger(
    session: Session, ex: WorkedExample
) -> None:
    flour = ex.ingredients["flour"]
    infos = load_ingredient_infos(session, [flour])
    plan = plan_consumption(session, {flour: Decimal(2625)}, infos)
    apply_allocation(session, plan[flour], MovementKind.PRODUCTION, note="test")
    session.flush()
    bag = session.get_one(InventoryItem, ex.lots["flour-bag"])
    sack = session.get_one(InventoryItem, ex.lots["flour-sack"])
    assert bag.remaining_quantity == 0
    assert round(sack.remaining_quantity, 10) == Decimal("21.2128656176")  # 25 lb − 1717.81526 g
    assert _ledger_balanced(session)


def test_reversal_restores_the_exact_lot_quantities(session: Session, ex: WorkedExample) -> None:
    flour = ex.ingredients["flour"]
    infos = load_ingredient_infos(session, [flour])
    before = _remaining(session)
    apply_allocation(
        session, plan_consumption(session, {flour: Decimal(2625)}, infos)[flour],
        MovementKind.PRODUCTION, note="run",
    )  # fmt: skip
    session.flush()
    taken = session.scalars(select(StockMovement).where(StockMovement.note == "run")).all()
    reverse_movements(session, taken, note="voided")
    session.flush()
    assert _remaining(session) == before
    assert _ledger_balanced(session)


def test_shortfall_message_names_ingredient_and_amounts(
    session: Session, ex: WorkedExample
) -> None:
    ginger, egg = ex.ingredients["ginger"], ex.ingredients["egg"]
    infos = load_ingredient_infos(session, [ginger, egg])
    needs = {ginger: Decimal("14.78676478125"), egg: Decimal(20)}
    short = shortfalls_of(plan_consumption(session, needs, infos), needs, infos)
    assert [(s.ingredient, s.missing) for s in short] == [
        ("Eggs", Decimal(8)),
        ("Ground ginger", Decimal("14.78676478125")),
    ]
    error = StockShortError(short, "Baking 20 batches")
    assert "Baking 20 batches needs more than you have on hand" in str(error)
    assert "Eggs: need 20 each, have 12 each, short 8 each" in str(error)
    assert "Ground ginger: need 1 tbsp, have 0 tsp, short 1 tbsp" in str(error)
