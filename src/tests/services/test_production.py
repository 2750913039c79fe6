"""Production runs: FIFO consumption, costs on the expected-yield basis, losses, voids."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from src.models import (
    FinishedUnit,
    Ingredient,
    InventoryItem,
    LossCategory,
    MovementKind,
    PlanState,
    ProductionLoss,
    ProductionRun,
    ProductionShortfall,
    ProductionStatus,
    Recipe,
    StockMovement,
    Unit,
)
from src.services.database import Database
from src.services.errors import (
    ConflictError,
    NotFoundError,
    PlanStateError,
    ValidationError,
)
from src.services.fraction import Fraction
from src.services.production import (
    availability,
    expected_yield,
    production_status,
    record_production,
    void_production,
)
from src.services.stock import StockShortError
from src.services.units import to_decimal
from src.tests import factories as f
from src.tests.db_probe import table_dump
from src.tests.production_example import add_priced_lot
from src.tests.worked_example import WorkedExample, build_worked_example

LB = Fraction("453.59237")


@pytest.fixture
def ex(db: Database) -> WorkedExample:
    with db.transaction() as s:
        return build_worked_example(s)


def _cookies(db: Database, ex: WorkedExample, batches: int = 7, actual: int = 240, **kw):  # type: ignore[no-untyped-def]
    return record_production(
        db, ex.recipes["sugar-cookies"], ex.units["sugar-cookie"], batches, actual, **kw
    )


def _remaining(db: Database) -> dict[int, Decimal]:
    with db.transaction() as s:
        return dict(s.execute(select(InventoryItem.id, InventoryItem.remaining_quantity)).all())


def _unit_count(db: Database, unit_id: int) -> int:
    with db.transaction() as s:
        return s.get_one(FinishedUnit, unit_id).inventory_count


def _ledger_balanced(db: Database) -> bool:
    with db.transaction() as s:
        return all(
            sum((m.quantity for m in lot.movements), Decimal(0)) == lot.remaining_quantity
            for lot in s.scalars(select(InventoryItem))
        )


def _add_lot(db: Database, ingredient_id: int, qty: str, unit: Unit, price: str) -> int:
    with db.transaction() as s:
        ingredient = s.get_one(Ingredient, ingredient_id)
        return add_priced_lot(s, ingredient, qty, unit, price, date(2026, 11, 2)).id


def test_seven_batches_of_sugar_cookies_match_the_domain_example(
    db: Database, ex: WorkedExample
) -> None:
    recorded = _cookies(db, ex, loss_category=LossCategory.BURNT, loss_notes="oven too hot")

    run = recorded.run
    assert run.total_ingredient_cost is not None and run.cost_per_unit is not None
    assert round(run.total_ingredient_cost, 6) == Decimal("37.848553")
    assert (run.expected_yield, run.actual_yield, run.loss_quantity) == (252, 240, 12)
    assert run.status is ProductionStatus.PARTIAL_LOSS
    assert round(run.cost_per_unit, 4) == Decimal("0.1502")
    assert run.loss_cost is not None and round(run.loss_cost, 2) == Decimal("1.80")
    assert run.loss_category is LossCategory.BURNT
    assert recorded.lots_used == 6 and recorded.missing == ()
    left = _remaining(db)
    assert left[ex.lots["flour-bag"]] == 0
    expected_left = {
        "flour-sack": 25 - Fraction("1717.81526") / LB,
        "sugar": 4 - 1400 / LB,
        "butter": 4 - 1589 / LB,
        "egg": Fraction(5),
        "vanilla": 4 - Fraction(14 * Fraction("4.92892159375") / Fraction("29.5735295625")),
    }
    for lot, quantity in expected_left.items():
        assert round(left[ex.lots[lot]], 12) == round(to_decimal(quantity), 12), lot
    assert _unit_count(db, ex.units["sugar-cookie"]) == 240
    assert _ledger_balanced(db)


def test_the_run_writes_one_loss_row_and_links_its_ledger_rows(
    db: Database, ex: WorkedExample
) -> None:
    run = _cookies(db, ex, loss_category=LossCategory.BURNT).run

    with db.transaction() as s:
        loss = s.scalars(select(ProductionLoss)).one()
        movements = s.scalars(
            select(StockMovement).where(StockMovement.production_run_id == run.id)
        ).all()
    assert (loss.production_run_id, loss.loss_quantity, loss.notes) == (run.id, 12, None)
    assert loss.per_unit_cost == run.cost_per_unit
    assert {m.kind for m in movements} == {MovementKind.PRODUCTION}
    cost = sum(-m.quantity * (m.unit_cost or 0) for m in movements)
    assert round(cost, 6) == Decimal("37.848553")


def test_nested_components_are_consumed(db: Database, ex: WorkedExample) -> None:
    powdered = _add_lot(db, ex.ingredients["powdered-sugar"], "2", Unit.POUND, "2.50")
    ginger = _add_lot(db, ex.ingredients["ginger"], "100", Unit.MILLILITER, "4.00")

    run = record_production(db, ex.recipes["gingerbread"], ex.units["gingerbread-man"], 1, 24).run

    left = _remaining(db)
    # 0.5 batch royal icing: 2 cup powdered sugar = 240 g; eggs 1 own + 1.5 of the icing.
    assert round(left[powdered], 12) == round(to_decimal(2 - 240 / LB), 12)
    assert left[ex.lots["egg"]] == Decimal("9.5")
    assert round(left[ginger], 12) == round(Decimal(100) - Decimal("14.78676478125"), 12)
    assert run.status is ProductionStatus.COMPLETE and run.loss_cost is None
    assert run.total_ingredient_cost is not None


def test_a_total_loss_carries_the_whole_cost(db: Database, ex: WorkedExample) -> None:
    run = _cookies(db, ex, actual=0, loss_category=LossCategory.DROPPED).run

    assert run.status is ProductionStatus.TOTAL_LOSS
    assert run.loss_quantity == 252
    assert run.loss_cost == run.total_ingredient_cost
    assert _unit_count(db, ex.units["sugar-cookie"]) == 0


def test_a_full_yield_is_complete_without_a_loss_row(db: Database, ex: WorkedExample) -> None:
    run = _cookies(db, ex, batches=1, actual=36).run

    assert run.status is ProductionStatus.COMPLETE and run.loss_quantity == 0
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(ProductionLoss)) == 0


def test_more_than_expected_is_refused_and_nothing_changes(db: Database, ex: WorkedExample) -> None:
    before = table_dump(db)

    with pytest.raises(ValidationError, match="253 is more than the 252 expected"):
        _cookies(db, ex, actual=253)

    assert table_dump(db) == before


def test_insufficient_stock_is_refused_per_ingredient_with_nothing_changed(
    db: Database, ex: WorkedExample
) -> None:
    before = table_dump(db)

    with pytest.raises(StockShortError) as refused:
        _cookies(db, ex, batches=13, actual=468)

    short = {s.ingredient: s.missing for s in refused.value.shortfalls}
    assert set(short) == {"Butter", "Eggs", "Granulated sugar", "Vanilla extract"}
    assert short["Eggs"] == 1
    assert "Baking 13 × Sugar cookies needs more than you have" in str(refused.value)
    assert table_dump(db) == before


def test_record_anyway_uses_up_the_lots_and_prices_the_rest_at_the_latest_price(
    db: Database, ex: WorkedExample
) -> None:
    with db.transaction() as s:
        omelette = f.recipe(s, name="Omelettes")
        f.recipe_line(s, omelette, s.get_one(Ingredient, ex.ingredients["egg"]), "15", Unit.EACH)
        unit = f.finished_unit(s, omelette, yield_per_batch=Decimal(5))
        ids = omelette.id, unit.id

    recorded = record_production(db, *ids, 1, 5, record_anyway=True)

    assert recorded.run.recorded_with_shortfall
    assert recorded.run.total_ingredient_cost == Decimal("4.9875")  # 15 eggs at $3.99/dozen
    (missing,) = recorded.missing
    assert (missing.ingredient, missing.quantity, missing.cost) == ("Eggs", 3, Decimal("0.9975"))
    assert _remaining(db)[ex.lots["egg"]] == 0
    with db.transaction() as s:
        row = s.scalars(select(ProductionShortfall)).one()
    assert (row.quantity, row.unit, row.unit_cost) == (3, Unit.EACH, Decimal("0.3325"))


def test_a_lot_without_cost_makes_the_cost_unknown_not_zero(
    db: Database, ex: WorkedExample
) -> None:
    with db.transaction() as s:
        s.get_one(InventoryItem, ex.lots["vanilla"]).unit_cost = None

    run = _cookies(db, ex).run

    assert run.total_ingredient_cost is None
    assert run.cost_per_unit is None and run.loss_cost is None


def test_voiding_restores_the_exact_lot_quantities_and_keeps_the_loss(
    db: Database, ex: WorkedExample
) -> None:
    before = _remaining(db)
    run = _cookies(db, ex).run

    voided = void_production(db, run.id)

    assert _remaining(db) == before
    assert _unit_count(db, ex.units["sugar-cookie"]) == 0
    assert (voided.lots_restored, voided.units_removed, voided.losses_kept) == (6, 240, 1)
    assert _ledger_balanced(db)
    with db.transaction() as s:
        loss = s.scalars(select(ProductionLoss)).one()
        assert s.get(ProductionRun, run.id) is None
        voids = s.scalar(select(func.count()).where(StockMovement.kind == MovementKind.VOID))
    assert loss.production_run_id is None and loss.loss_quantity == 12
    assert voids == 6


def test_voiding_is_refused_when_the_units_were_already_used(
    db: Database, ex: WorkedExample
) -> None:
    run = _cookies(db, ex).run
    with db.transaction() as s:
        s.get_one(FinishedUnit, ex.units["sugar-cookie"]).inventory_count = 100
    before = table_dump(db)

    with pytest.raises(ConflictError, match="only 100 are on hand"):
        void_production(db, run.id)

    assert table_dump(db) == before


def test_a_finished_unit_of_another_recipe_is_refused(db: Database, ex: WorkedExample) -> None:
    with pytest.raises(ValidationError, match="'Gingerbread man' is made by another recipe"):
        record_production(db, ex.recipes["sugar-cookies"], ex.units["gingerbread-man"], 1, 1)


@pytest.mark.parametrize(
    ("batches", "scale", "message"),
    [(0, Decimal(1), "Batches must be more than 0"), (1, Decimal(0), "Scale factor")],
)
def test_batches_and_scale_must_be_positive(
    db: Database, ex: WorkedExample, batches: int, scale: Decimal, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        _cookies(db, ex, batches=batches, actual=0, scale_factor=scale)


def test_a_run_yielding_less_than_one_item_is_refused(db: Database, ex: WorkedExample) -> None:
    with db.transaction() as s:
        cake = f.finished_unit(
            s, s.get_one(Recipe, ex.recipes["sugar-cookies"]), yield_per_batch=Decimal("0.5")
        ).id

    with pytest.raises(ValidationError, match="yields less than one item"):
        record_production(db, ex.recipes["sugar-cookies"], cake, 1, 0)


def test_unknown_recipe_and_completed_event_are_refused(db: Database, ex: WorkedExample) -> None:
    with db.transaction() as s:
        done = f.event(s, plan_state=PlanState.COMPLETED).id

    with pytest.raises(NotFoundError, match="no recipe with id 999"):
        record_production(db, 999, ex.units["sugar-cookie"], 1, 1)
    with pytest.raises(PlanStateError, match="is completed"):
        _cookies(db, ex, event_id=done)


def test_scale_factor_multiplies_yield_and_consumption(db: Database, ex: WorkedExample) -> None:
    run = _cookies(db, ex, batches=2, actual=36, scale_factor=Decimal("0.5")).run

    assert run.expected_yield == 36 and run.status is ProductionStatus.COMPLETE
    assert _remaining(db)[ex.lots["egg"]] == 11


def test_availability_names_what_is_short_and_changes_nothing(
    db: Database, ex: WorkedExample
) -> None:
    before = table_dump(db)

    enough = availability(db, ex.recipes["sugar-cookies"], 7)
    short = availability(db, ex.recipes["sugar-cookies"], 13)

    assert enough.stock_covers and round(enough.estimated_cost or 0, 6) == Decimal("37.848553")
    assert not short.stock_covers
    assert [s.ingredient for s in short.shortfalls] == [
        "Butter", "Eggs", "Granulated sugar", "Vanilla extract",
    ]  # fmt: skip
    assert table_dump(db) == before


def test_expected_yield_floors_the_scaled_batches() -> None:
    assert expected_yield(7, Decimal(1), Decimal(36)) == 252
    assert expected_yield(3, Decimal("0.5"), Decimal("0.5")) == 0
    assert expected_yield(1, Decimal("1.5"), Decimal(5)) == 7


def test_status_follows_the_yield() -> None:
    assert production_status(252, 252) is ProductionStatus.COMPLETE
    assert production_status(252, 240) is ProductionStatus.PARTIAL_LOSS
    assert production_status(252, 0) is ProductionStatus.TOTAL_LOSS
