"""Assembly: units and goods from inventory, packaging by FIFO, costs rolled up, voids."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from src.models import (
    AssemblyConsumption,
    FinishedGood,
    FinishedGoodComponent,
    FinishedUnit,
    InventoryItem,
    MovementKind,
    StockMovement,
)
from src.services.assembly import assemble, void_assembly
from src.services.database import Database
from src.services.errors import ConflictError, InsufficientStockError, ValidationError
from src.services.production import record_production
from src.tests.db_probe import table_dump
from src.tests.production_example import ProductionExample, build_production_example


@pytest.fixture
def px(db: Database) -> ProductionExample:
    with db.transaction() as s:
        return build_production_example(s)


def _bake(db: Database, px: ProductionExample) -> tuple[Decimal, Decimal]:
    """7 batches of cookies (240 good) and 1 of gingerbread (24): their costs per unit."""
    ex = px.ex
    cookie = record_production(db, ex.recipes["sugar-cookies"], ex.units["sugar-cookie"], 7, 240)
    man = record_production(db, ex.recipes["gingerbread"], ex.units["gingerbread-man"], 1, 24)
    assert cookie.run.cost_per_unit is not None and man.run.cost_per_unit is not None
    return cookie.run.cost_per_unit, man.run.cost_per_unit


def _counts(db: Database, px: ProductionExample) -> tuple[int, int, int]:
    with db.transaction() as s:
        return (
            s.get_one(FinishedUnit, px.ex.units["sugar-cookie"]).inventory_count,
            s.get_one(FinishedUnit, px.ex.units["gingerbread-man"]).inventory_count,
            s.get_one(FinishedGood, px.ex.holiday_tin).inventory_count,
        )


def _tins_left(db: Database, px: ProductionExample) -> Decimal:
    with db.transaction() as s:
        return s.get_one(InventoryItem, px.lots["tin"]).remaining_quantity


def test_assembling_takes_units_and_packaging_and_rolls_up_the_cost(
    db: Database, px: ProductionExample
) -> None:
    cookie_cost, man_cost = _bake(db, px)

    result = assemble(db, px.ex.holiday_tin, 4)

    assert _counts(db, px) == (240 - 48, 24 - 24, 4)
    assert _tins_left(db, px) == 6
    assert result.packaging_cost == Decimal("6.00")
    assert result.total_cost == 48 * cookie_cost + 24 * man_cost + Decimal("6.00")
    assert result.cost_per_good is not None
    assert round(result.cost_per_good, 2) == round(
        12 * cookie_cost + 6 * man_cost + Decimal("1.50"), 2
    )
    assert {(c.name, c.quantity, c.unit_cost) for c in result.consumed} == {
        ("Sugar cookie", 48, cookie_cost),
        ("Gingerbread man", 24, man_cost),
    }
    with db.transaction() as s:
        movement = s.scalars(
            select(StockMovement).where(StockMovement.assembly_run_id.is_not(None))
        )
        assert [(m.kind, m.quantity) for m in movement] == [(MovementKind.ASSEMBLY, -4)]


def test_assembly_is_refused_with_every_missing_item_and_nothing_changes(
    db: Database, px: ProductionExample
) -> None:
    _bake(db, px)
    before = table_dump(db)

    with pytest.raises(InsufficientStockError) as refused:
        assemble(db, px.ex.holiday_tin, 12)

    message = str(refused.value)
    assert "Assembling 12 × Holiday tin needs more than you have on hand" in message
    assert "Gingerbread man: need 72, have 24, short 48" in message
    assert "Cookie tin: need 12 each, have 10 each, short 2 each" in message
    assert "Sugar cookie" not in message
    assert table_dump(db) == before


def test_nested_goods_use_the_inner_goods_latest_assembly_cost(
    db: Database, px: ProductionExample
) -> None:
    _bake(db, px)
    tins = assemble(db, px.ex.holiday_tin, 2)
    with db.transaction() as s:
        crate = FinishedGood(slug="crate", name="Gift crate")
        crate.components.append(
            FinishedGoodComponent(component_good_id=px.ex.holiday_tin, quantity=2)
        )
        s.add(crate)
        s.flush()
        crate_id = crate.id

    crates = assemble(db, crate_id, 1)

    assert crates.total_cost is not None and tins.total_cost is not None
    assert round(crates.total_cost, 20) == round(tins.total_cost, 20)  # 2 tins at cost per tin
    assert _counts(db, px)[2] == 0
    with db.transaction() as s:
        (row,) = s.scalars(
            select(AssemblyConsumption).where(AssemblyConsumption.finished_good_id.is_not(None))
        )
        assert (row.quantity, row.unit_cost) == (2, tins.cost_per_good)


def test_units_never_produced_make_the_cost_unknown(db: Database, px: ProductionExample) -> None:
    with db.transaction() as s:
        for unit_id in px.ex.units.values():
            s.get_one(FinishedUnit, unit_id).inventory_count = 50

    result = assemble(db, px.ex.holiday_tin, 1)

    assert result.total_cost is None and result.cost_per_good is None
    assert result.packaging_cost == Decimal("1.50")


def test_quantity_must_be_positive(db: Database, px: ProductionExample) -> None:
    with pytest.raises(ValidationError, match="more than 0"):
        assemble(db, px.ex.holiday_tin, 0)


def test_voiding_an_assembly_puts_everything_back(db: Database, px: ProductionExample) -> None:
    _bake(db, px)
    counts, tins = _counts(db, px), _tins_left(db, px)
    run = assemble(db, px.ex.holiday_tin, 3)

    voided = void_assembly(db, run.id)

    assert _counts(db, px) == counts
    assert _tins_left(db, px) == tins
    assert (voided.items_returned, voided.packaging_lots_restored, voided.inventory_count) == (
        2, 1, 0,
    )  # fmt: skip


def test_voiding_is_refused_when_the_goods_are_already_used(
    db: Database, px: ProductionExample
) -> None:
    _bake(db, px)
    run = assemble(db, px.ex.holiday_tin, 3)
    with db.transaction() as s:
        s.get_one(FinishedGood, px.ex.holiday_tin).inventory_count = 1
    before = table_dump(db)

    with pytest.raises(ConflictError, match="only 1 are on hand"):
        void_assembly(db, run.id)

    assert table_dump(db) == before
