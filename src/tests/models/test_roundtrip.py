"""Each model can be created, read back and deleted; decimals and JSON round-trip exactly."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from src.models import (
    Base,
    BatchDecision,
    Event,
    EventFinishedGood,
    Ingredient,
    InventoryItem,
    PlanSnapshot,
    ProductionPlanSnapshot,
    Unit,
)
from src.services.database import Database
from src.tests import factories as f


def test_decimal_round_trips_exactly_through_the_file(db: Database) -> None:
    with db.transaction() as s:
        lot = f.lot(s, initial_quantity=Decimal("12345678.123456"))
        lot.unit_cost = Decimal("0.000000000123456789012345")
        lot_id = lot.id
    with db.transaction() as s:
        back = s.get_one(InventoryItem, lot_id)
        assert back.initial_quantity == Decimal("12345678.123456")
        assert str(back.initial_quantity) == "12345678.123456"
        assert back.unit_cost == Decimal("0.000000000123456789012345")


def test_unit_factor_precision_survives_storage(db: Database) -> None:
    with db.transaction() as s:
        ing = f.ingredient(
            s,
            density_volume_quantity=Decimal("4.92892159375"),
            density_volume_unit=Unit.TEASPOON,
            density_weight_quantity=Decimal("28.349523125"),
            density_weight_unit=Unit.OUNCE,
        )
        ing_id = ing.id
    with db.transaction() as s:
        back = s.get_one(Ingredient, ing_id)
        assert back.density_volume_quantity == Decimal("4.92892159375")
        assert back.density_weight_quantity == Decimal("28.349523125")
        assert back.density_volume_unit is Unit.TEASPOON


def test_float_is_refused_for_a_decimal_column(session: Session) -> None:
    session.add(Ingredient(slug="x", name="X", density_volume_quantity=1.5))  # type: ignore[arg-type]
    with pytest.raises(StatementError, match="expected Decimal"):
        session.flush()


def test_json_columns_round_trip(db: Database) -> None:
    results = {
        "requirements": [{"finished_unit": "sugar-cookie", "needed": "240", "batches": 7}],
        "total": "37.848553",
        "nested": {"a": [1, 2, {"b": None}]},
    }
    with db.transaction() as s:
        event = f.event(s)
        s.add(ProductionPlanSnapshot(event=event, calculation_results=results, input_hash="h"))
        s.add(PlanSnapshot(event=event, snapshot_data={"batch_decisions": [], "v": 1}))
        event_id = event.id
    with db.transaction() as s:
        plan = s.scalars(select(ProductionPlanSnapshot)).one()
        assert plan.calculation_results == results
        assert plan.is_stale is False and plan.shopping_complete is False
        snap = s.scalars(select(PlanSnapshot).where(PlanSnapshot.event_id == event_id)).one()
        assert snap.snapshot_data == {"batch_decisions": [], "v": 1}


def test_decimals_inside_json_are_stored_as_exact_strings(db: Database) -> None:
    with db.transaction() as s:
        s.add(PlanSnapshot(event=f.event(s), snapshot_data={"cost": Decimal("0.1502")}))
    with db.transaction() as s:
        assert s.scalars(select(PlanSnapshot)).one().snapshot_data == {"cost": "0.1502"}


def test_every_table_accepts_a_row_and_gives_it_back(db: Database) -> None:
    from src.tests.models.world import build_world

    with db.transaction() as s:
        build_world(s)
    with db.transaction() as s:
        for mapper in Base.registry.mappers:
            cls = mapper.class_
            assert s.scalars(select(cls)).first() is not None, f"{cls.__name__} has no row"


def test_every_row_can_be_deleted_in_dependency_order(db: Database) -> None:
    from src.tests.models.world import build_world

    with db.transaction() as s:
        build_world(s)
    with db.transaction() as s:
        for table in reversed(Base.metadata.sorted_tables):
            s.execute(table.delete())
    with db.transaction() as s:
        for mapper in Base.registry.mappers:
            assert s.scalars(select(mapper.class_)).first() is None


def test_event_defaults_to_draft_with_no_output_mode(session: Session) -> None:
    event = Event(slug="xmas", name="Christmas", event_date=date(2026, 12, 24))
    session.add(event)
    session.flush()
    assert event.plan_state.value == "draft"
    assert event.output_mode is None
    assert event.uuid and len(event.uuid) == 36


def test_demand_and_decision_read_back_through_relationships(session: Session) -> None:
    unit = f.finished_unit(session)
    event = f.event(session)
    session.add(EventFinishedGood(event=event, finished_unit=unit, quantity=240))
    session.add(BatchDecision(event=event, recipe=unit.recipe, finished_unit=unit, batches=7))
    session.flush()
    session.expire_all()
    assert [d.quantity for d in event.event_finished_goods] == [240]
    assert event.batch_decisions[0].finished_unit.slug == unit.slug


def test_json_columns_write_decimals_exactly_and_keep_accents(db: Database) -> None:
    results = {
        "total": Decimal("37.848553000000000000000001"), "name": "Crème brûlée",
        "unit": Unit.GRAM,
    }  # fmt: skip
    with db.transaction() as s:
        s.add(ProductionPlanSnapshot(event=f.event(s), calculation_results=results))
    with db.transaction() as s:
        plan = s.scalars(select(ProductionPlanSnapshot)).one()
        assert plan.calculation_results == {
            "total": "37.848553000000000000000001", "name": "Crème brûlée", "unit": "g",
        }  # fmt: skip


@pytest.mark.parametrize("value", [date(2026, 12, 24), 1.5j, object()])
def test_json_columns_refuse_what_is_not_json(db: Database, value: object) -> None:
    with db.transaction() as s:
        s.add(ProductionPlanSnapshot(event=f.event(s), calculation_results={"when": value}))
        # SQLAlchemy wraps the error on SQLite; psycopg's JSON dumper raises it as it is
        with pytest.raises((StatementError, TypeError), match="not JSON serializable"):
            s.flush()
