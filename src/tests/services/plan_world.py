"""The worked example as an event: 20 holiday tins (BUNDLED), both recipes selected."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from src.models import (
    Event,
    EventFinishedGood,
    EventRecipe,
    FinishedUnit,
    OutputMode,
    PlanState,
    ProductionRun,
)
from src.services.database import Database
from src.tests import factories
from src.tests.worked_example import WorkedExample, build_worked_example


@dataclass(frozen=True)
class PlannedExample:
    example: WorkedExample
    event_slug: str
    event_id: int


def add_tin_event(s: Session, ex: WorkedExample, tins: int = 20, slug: str = "xmas") -> int:
    event = factories.event(s, slug=slug, name="Christmas 2026", output_mode=OutputMode.BUNDLED)
    for recipe in ("sugar-cookies", "gingerbread"):
        s.add(EventRecipe(event_id=event.id, recipe_id=ex.recipes[recipe]))
    s.add(EventFinishedGood(event_id=event.id, finished_good_id=ex.holiday_tin, quantity=tins))
    s.flush()
    return event.id


def planned_example(db: Database, *, with_stock: bool = True) -> PlannedExample:
    with db.transaction() as s:
        ex = build_worked_example(s, with_stock=with_stock)
        event_id = add_tin_event(s, ex)
    return PlannedExample(ex, "xmas", event_id)


def record_run(db: Database, event_id: int, unit_id: int, batches: int, made: int) -> None:
    """A completed production run for the event (as the production service will record it)."""
    with db.transaction() as s:
        unit = s.get_one(FinishedUnit, unit_id)
        s.add(
            ProductionRun(
                recipe_id=unit.recipe_id,
                finished_unit_id=unit_id,
                event_id=event_id,
                batches=batches,
                expected_yield=made,
                actual_yield=made,
            )
        )


def set_state(db: Database, event_id: int, state: PlanState) -> None:
    with db.transaction() as s:
        s.get_one(Event, event_id).plan_state = state
