"""The production history: recorded runs with their recipe, unit, event and loss, in one query."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from src.models import (
    Event,
    FinishedUnit,
    LossCategory,
    ProductionLoss,
    ProductionRun,
    ProductionStatus,
    Recipe,
)
from src.services.database import Database
from src.services.plain_rows import plain_rows


@dataclass(frozen=True)
class ProductionRunView:
    """A recorded run as the history and the run dialog show it."""

    id: int
    uuid: str
    recipe_id: int
    recipe: str
    finished_unit_id: int
    finished_unit: str
    event_id: int | None
    event: str | None
    batches: int
    scale_factor: Decimal
    expected_yield: int
    actual_yield: int
    status: ProductionStatus
    loss_quantity: int
    loss_category: LossCategory | None
    loss_cost: Decimal | None
    total_ingredient_cost: Decimal | None  # None = unknown (a lot without cost), never 0
    cost_per_unit: Decimal | None
    recorded_with_shortfall: bool
    produced_at: datetime
    notes: str | None


def production_history(
    db: Database, *, event_id: int | None = None, recipe_id: int | None = None
) -> list[ProductionRunView]:
    """Runs, newest first, optionally for one event and/or recipe (one query). Raises nothing."""
    conditions = []
    if event_id is not None:
        conditions.append(ProductionRun.event_id == event_id)
    if recipe_id is not None:
        conditions.append(ProductionRun.recipe_id == recipe_id)
    with db.transaction() as s:
        return run_views(s, *conditions)


def run_views(s: Session, *conditions: ColumnElement[bool]) -> list[ProductionRunView]:
    """The runs `conditions` select, newest first (plain columns: no ORM objects to build)."""
    run = ProductionRun
    rows = plain_rows(
        s,
        select(run.id, run.uuid, run.recipe_id, Recipe.name, run.finished_unit_id,
               FinishedUnit.name, run.event_id, Event.name, run.batches, run.scale_factor,
               run.expected_yield, run.actual_yield, run.production_status, run.loss_quantity,
               ProductionLoss.loss_category, ProductionLoss.total_loss_cost,
               run.total_ingredient_cost, run.cost_per_unit, run.recorded_with_shortfall,
               run.produced_at, run.notes)
        .join(Recipe, Recipe.id == run.recipe_id)
        .join(FinishedUnit, FinishedUnit.id == run.finished_unit_id)
        .outerjoin(Event, Event.id == run.event_id)
        .outerjoin(ProductionLoss, ProductionLoss.production_run_id == run.id)
        .where(*conditions)
        .order_by(run.produced_at.desc(), run.id.desc()),
    )  # fmt: skip
    return [ProductionRunView(*values) for values in map(tuple, rows)]
