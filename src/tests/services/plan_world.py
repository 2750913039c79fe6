"""The worked example as an event: 20 holiday tins (BUNDLED), both recipes selected."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from src.models import (
    AssemblyRun,
    Event,
    EventFinishedGood,
    EventRecipe,
    EventRecipientPackage,
    FinishedGood,
    FinishedUnit,
    OutputMode,
    PackageStatus,
    PlanState,
    ProductionRun,
)
from src.services.batches import decide_batches
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


def progress_example(db: Database) -> PlannedExample:
    """The worked example part made: cookies decided at 6 batches and 7 baked, 2 batches of
    men, 11 tins assembled, two packaged tins (one pending, one assembled)."""
    planned = planned_example(db)
    units = planned.example.units
    decide_batches(db, "xmas", "sugar-cookie", 6, confirm_shortfall=True)
    record_run(db, planned.event_id, units["sugar-cookie"], 7, 252)
    record_run(db, planned.event_id, units["gingerbread-man"], 2, 48)
    with db.transaction() as s:
        tin = s.get_one(FinishedGood, planned.example.holiday_tin)
        package = factories.package(s, [(tin, 1)])
        for status in (PackageStatus.PENDING, PackageStatus.ASSEMBLED):
            s.add(
                EventRecipientPackage(
                    event_id=planned.event_id,
                    package=package,
                    recipient=factories.recipient(s),
                    status=status,
                )
            )
        s.add(AssemblyRun(finished_good_id=tin.id, event_id=planned.event_id, quantity=11))
    return planned
