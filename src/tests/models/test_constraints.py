"""The database itself refuses invalid rows: every CHECK, UNIQUE and FK rule is exercised."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session

from src.models import (
    BatchDecision,
    EventFinishedGood,
    EventRecipe,
    EventRecipientPackage,
    FinishedGoodComponent,
    InventoryItem,
    PackageStatus,
    PlanAmendment,
    PlanSnapshot,
    Product,
    ProductionLoss,
    ProductionPlanSnapshot,
    ProductionRun,
    RecipeComponent,
    StockMovement,
)
from src.services.database import Database
from src.tests import factories as f
from src.tests.models.world import build_world

World = dict[str, Any]


def _refused(session: Session, make: Callable[[], object]) -> None:
    with pytest.raises(IntegrityError), session.begin_nested():
        session.add(make())
        session.flush()


@pytest.fixture
def world(session: Session) -> World:
    return build_world(session)


def _run(world: World, **kw: Any) -> ProductionRun:
    values: dict[str, Any] = dict(
        recipe=world["cookies"],
        finished_unit=world["cookies"].finished_units[0],
        batches=1,
        expected_yield=36,
        actual_yield=36,
        loss_quantity=0,
    )
    values.update(kw)
    return ProductionRun(**values)


CHECKS: dict[str, Callable[[Session, World], object]] = {
    "product package quantity > 0": lambda s, w: (
        f.product(s, w["flour"], package_quantity=0) and None
    ),
    "lot initial quantity > 0": lambda s, w: InventoryItem(
        product=w["lot"].product,
        initial_quantity=Decimal(0),
        remaining_quantity=Decimal(0),
        purchase_date=datetime(2026, 1, 1).date(),
    ),
    "lot remaining >= 0": lambda s, w: InventoryItem(
        product=w["lot"].product,
        initial_quantity=Decimal(1),
        remaining_quantity=Decimal("-0.001"),
        purchase_date=datetime(2026, 1, 1).date(),
    ),
    "lot remaining <= initial": lambda s, w: InventoryItem(
        product=w["lot"].product,
        initial_quantity=Decimal(1),
        remaining_quantity=Decimal("1.5"),
        purchase_date=datetime(2026, 1, 1).date(),
    ),
    "lot unit cost >= 0": lambda s, w: InventoryItem(
        product=w["lot"].product,
        initial_quantity=Decimal(1),
        remaining_quantity=Decimal(1),
        unit_cost=Decimal("-1"),
        purchase_date=datetime(2026, 1, 1).date(),
    ),
    "movement quantity nonzero": lambda s, w: StockMovement(
        lot=w["lot"], kind="correction", quantity=Decimal(0)
    ),
    "recipe component multiplier > 0": lambda s, w: RecipeComponent(
        recipe=w["cookies"], component_recipe=f.recipe(s), batch_multiplier=Decimal(0)
    ),
    "recipe cannot contain itself": lambda s, w: RecipeComponent(
        recipe=w["cookies"], component_recipe=w["cookies"], batch_multiplier=Decimal(1)
    ),
    "yield per batch > 0": lambda s, w: f.finished_unit(s, yield_per_batch=Decimal(0)) and None,
    "finished good component count > 0": lambda s, w: FinishedGoodComponent(
        finished_good=f.finished_good(s), finished_unit=f.finished_unit(s), quantity=0
    ),
    "finished good component names exactly one item": lambda s, w: FinishedGoodComponent(
        finished_good=f.finished_good(s), quantity=1
    ),
    "expected attendees > 0": lambda s, w: f.event(s, expected_attendees=0) and None,
    "demand quantity > 0": lambda s, w: EventFinishedGood(
        event=f.event(s), finished_unit=f.finished_unit(s), quantity=0
    ),
    "demand names exactly one item": lambda s, w: EventFinishedGood(event=f.event(s), quantity=3),
    "batches > 0": lambda s, w: BatchDecision(
        event=f.event(s), recipe=w["cookies"], finished_unit=w["run"].finished_unit, batches=0
    ),
    "run batches > 0": lambda s, w: _run(w, batches=0),
    "run actual yield <= expected": lambda s, w: _run(w, actual_yield=40, loss_quantity=-4),
    "run loss >= 0": lambda s, w: _run(w, loss_quantity=-1),
    "run loss = expected - actual": lambda s, w: _run(w, actual_yield=30, loss_quantity=2),
    "run status matches yield": lambda s, w: _run(
        w, actual_yield=30, loss_quantity=6, production_status="complete"
    ),
    "run cost >= 0": lambda s, w: _run(w, total_ingredient_cost=Decimal("-0.01")),
    "loss quantity > 0": lambda s, w: ProductionLoss(
        finished_unit=w["run"].finished_unit, loss_quantity=0
    ),
    "loss cost >= 0": lambda s, w: ProductionLoss(
        finished_unit=w["run"].finished_unit, loss_quantity=1, total_loss_cost=Decimal(-1)
    ),
    "amendment reason not blank": lambda s, w: PlanAmendment(
        event=w["event"], amendment_type="drop_item", amendment_data={}, reason="   "
    ),
    "recipient package quantity > 0": lambda s, w: EventRecipientPackage(
        event=f.event(s), recipient=f.recipient(s), package=f.package(s), quantity=0
    ),
    "delivered package has a delivery time": lambda s, w: EventRecipientPackage(
        event=f.event(s),
        recipient=f.recipient(s),
        package=f.package(s),
        status=PackageStatus.DELIVERED,
    ),
}


@pytest.mark.parametrize("rule", sorted(CHECKS))
def test_check_constraint_refuses(rule: str, session: Session, world: World) -> None:
    with pytest.raises(IntegrityError), session.begin_nested():
        row = CHECKS[rule](session, world)
        if row is not None:
            session.add(row)
        session.flush()


@pytest.mark.parametrize(
    ("column", "value"),
    [("plan_state", "drafting"), ("output_mode", "BUNDLED"), ("plan_state", "DRAFT")],
)
def test_enum_check_refuses_unknown_value_written_directly(
    session: Session, world: World, column: str, value: str
) -> None:
    with pytest.raises(IntegrityError), session.begin_nested():
        session.execute(
            text(f"UPDATE events SET {column} = :v WHERE id = :id"),
            {"v": value, "id": world["event"].id},
        )


def test_enum_values_are_stored_lowercase(session: Session, world: World) -> None:
    stored = session.execute(
        text("SELECT plan_state, output_mode FROM events WHERE id = :id"),
        {"id": world["event"].id},
    ).one()
    assert tuple(stored) == ("draft", "bundled")


def test_unknown_enum_value_is_refused_by_the_orm(session: Session, world: World) -> None:
    world["event"].plan_state = "archived"
    with pytest.raises(StatementError):
        session.flush()


UNIQUES: dict[str, Callable[[Session, World], object]] = {
    "event + recipe": lambda s, w: EventRecipe(event=w["event"], recipe=w["cookies"]),
    "event + finished good": lambda s, w: EventFinishedGood(
        event=w["event"],
        finished_good=w["event"].event_finished_goods[0].finished_good,
        quantity=1,
    ),
    "event + finished unit decision": lambda s, w: BatchDecision(
        event=w["event"], recipe=w["cookies"], finished_unit=w["run"].finished_unit, batches=2
    ),
    "one plan snapshot per event": lambda s, w: PlanSnapshot(
        event_id=w["event"].id, snapshot_data={}
    ),
    "ingredient slug": lambda s, w: f.ingredient(s, slug=w["flour"].slug) and None,
    "recipe slug": lambda s, w: f.recipe(s, slug=w["cookies"].slug) and None,
    "event slug": lambda s, w: f.event(s, slug=w["event"].slug) and None,
    "at most one preferred product per ingredient": lambda s, w: Product(
        ingredient=w["flour"],
        name="Another",
        package_quantity=Decimal(1),
        package_unit="lb",
        is_preferred=True,
    ),
}


@pytest.mark.parametrize("rule", sorted(UNIQUES))
def test_unique_constraint_refuses(rule: str, session: Session, world: World) -> None:
    with pytest.raises(IntegrityError), session.begin_nested():
        row = UNIQUES[rule](session, world)
        if row is not None:
            session.add(row)
        session.flush()


def test_event_demand_in_both_modes_can_coexist_per_item(session: Session, world: World) -> None:
    unit = world["run"].finished_unit
    session.add(EventFinishedGood(event=world["event"], finished_unit=unit, quantity=5))
    session.flush()


def test_batch_decision_recipe_must_be_the_units_own_recipe(session: Session, world: World) -> None:
    other = f.recipe(session)
    _refused(
        session,
        lambda: BatchDecision(
            event=f.event(session),
            recipe=other,
            finished_unit=world["run"].finished_unit,
            batches=1,
        ),
    )


def _delete(session: Session, sql: str, **params: Any) -> None:
    session.execute(text(sql), params)
    session.flush()


def test_deleting_an_event_cascades_to_its_planning_rows(db: Database) -> None:
    with db.transaction() as s:
        w = build_world(s)
        event = f.event(s)
        s.add(EventRecipe(event=event, recipe=w["cookies"]))
        s.add(EventFinishedGood(event=event, finished_unit=w["run"].finished_unit, quantity=3))
        s.add(
            BatchDecision(
                event=event, recipe=w["cookies"], finished_unit=w["run"].finished_unit, batches=1
            )
        )
        s.add(ProductionPlanSnapshot(event=event, calculation_results={}))
        s.add(PlanSnapshot(event=event, snapshot_data={}))
        s.add(PlanAmendment(event=event, amendment_type="add_item", amendment_data={}, reason="r"))
        event_id = event.id
    with db.transaction() as s:
        _delete(s, "DELETE FROM events WHERE id = :id", id=event_id)
    with db.transaction() as s:
        for model in (
            EventRecipe,
            EventFinishedGood,
            BatchDecision,
            ProductionPlanSnapshot,
            PlanSnapshot,
            PlanAmendment,
        ):
            assert s.scalars(select(model).where(model.event_id == event_id)).all() == []


RESTRICTS = {
    "an ingredient used by a product": "DELETE FROM ingredients WHERE id = :flour",
    "a product with lots": "DELETE FROM products WHERE id = :product",
    "a lot with ledger movements": "DELETE FROM inventory_items WHERE id = :lot",
    "a recipe used as a component": "DELETE FROM recipes WHERE id = :icing",
    "a finished unit with production history": "DELETE FROM finished_units WHERE id = :unit",
    "an event with production recorded": "DELETE FROM events WHERE id = :event",
    "a recipient with packages": "DELETE FROM recipients WHERE id = :recipient",
}


@pytest.mark.parametrize("rule", sorted(RESTRICTS))
def test_foreign_key_restricts_deleting_history(rule: str, session: Session, world: World) -> None:
    ids = {
        "flour": world["flour"].id,
        "product": world["lot"].product_id,
        "lot": world["lot"].id,
        "icing": world["cookies"].components[0].component_recipe_id,
        "unit": world["run"].finished_unit_id,
        "event": world["event"].id,
        "recipient": world["event"].recipient_packages[0].recipient_id,
    }
    with pytest.raises(IntegrityError), session.begin_nested():
        _delete(session, RESTRICTS[rule], **ids)


def test_deleting_a_run_keeps_its_losses_with_the_link_cleared(db: Database) -> None:
    with db.transaction() as s:
        run_id = build_world(s)["run"].id
    with db.transaction() as s:
        _delete(s, "DELETE FROM production_runs WHERE id = :id", id=run_id)
    with db.transaction() as s:
        loss = s.scalars(select(ProductionLoss)).one()
        assert loss.production_run_id is None
        assert loss.loss_quantity == 12 and loss.total_loss_cost == Decimal("1.80")
        movement = s.scalars(select(StockMovement).where(StockMovement.kind == "production")).one()
        assert movement.production_run_id is None
