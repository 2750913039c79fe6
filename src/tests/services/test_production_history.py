"""The production history: filters, names and a query count that does not grow."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from src.models import (
    FinishedUnit,
    LossCategory,
    ProductionLoss,
    ProductionRun,
    ProductionStatus,
)
from src.services.database import Database
from src.services.production import record_production
from src.services.production_history import production_history
from src.tests import factories as f
from src.tests.db_probe import counted_statements
from src.tests.worked_example import WorkedExample, build_worked_example


@pytest.fixture
def ex(db: Database) -> WorkedExample:
    with db.transaction() as s:
        return build_worked_example(s)


def test_history_filters_by_event_and_recipe_newest_first(db: Database, ex: WorkedExample) -> None:
    with db.transaction() as s:
        party = f.event(s, name="Cookie party").id
    cookies = ex.recipes["sugar-cookies"], ex.units["sugar-cookie"]
    first = record_production(db, *cookies, 1, 36, event_id=party).run
    second = record_production(
        db, *cookies, 1, 30, produced_at=datetime(2026, 12, 24), loss_category=LossCategory.BROKEN
    ).run

    assert [r.id for r in production_history(db)] == [second.id, first.id]
    (mine,) = production_history(db, event_id=party)
    assert (mine.id, mine.event, mine.recipe, mine.finished_unit) == (
        first.id, "Cookie party", "Sugar cookies", "Sugar cookie",
    )  # fmt: skip
    newest = production_history(db, recipe_id=ex.recipes["sugar-cookies"])[0]
    assert (newest.id, newest.loss_category, newest.loss_quantity) == (
        second.id, LossCategory.BROKEN, 6,
    )  # fmt: skip
    assert production_history(db, recipe_id=ex.recipes["gingerbread"]) == []


def _stored_runs(s: Session, unit: FinishedUnit, event_id: int, count: int) -> None:
    for n in range(count):
        lost = n % 2
        run = ProductionRun(
            recipe_id=unit.recipe_id, finished_unit_id=unit.id, event_id=event_id, batches=1,
            expected_yield=36, actual_yield=36 - lost, loss_quantity=lost,
            production_status=ProductionStatus.PARTIAL_LOSS if lost else ProductionStatus.COMPLETE,
            total_ingredient_cost=Decimal("3.60"), cost_per_unit=Decimal("0.1"),
        )  # fmt: skip
        if lost:
            run.losses.append(
                ProductionLoss(
                    finished_unit_id=unit.id, loss_quantity=1,
                    per_unit_cost=Decimal("0.1"), total_loss_cost=Decimal("0.1"),
                )
            )  # fmt: skip
        s.add(run)


@pytest.mark.parametrize("runs", [2, 40])
def test_history_takes_one_query_whatever_the_number_of_runs(db: Database, runs: int) -> None:
    with db.transaction() as s:
        unit = f.finished_unit(s)
        event = f.event(s)
        _stored_runs(s, unit, event.id, runs)

    with counted_statements(db) as statements:
        history = production_history(db, event_id=event.id)

    assert len(history) == runs
    assert sum(r.loss_cost or 0 for r in history) == Decimal("0.1") * (runs // 2)
    assert len(statements) == 1
