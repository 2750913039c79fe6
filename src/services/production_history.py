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
    rows = s.execute(
        select(
            ProductionRun,
            Recipe.name,
            FinishedUnit.name,
            Event.name,
            ProductionLoss.loss_category,
            ProductionLoss.total_loss_cost,
        )
        .join(Recipe, Recipe.id == ProductionRun.recipe_id)
        .join(FinishedUnit, FinishedUnit.id == ProductionRun.finished_unit_id)
        .outerjoin(Event, Event.id == ProductionRun.event_id)
        .outerjoin(ProductionLoss, ProductionLoss.production_run_id == ProductionRun.id)
        .where(*conditions)
        .order_by(ProductionRun.produced_at.desc(), ProductionRun.id.desc())
    )
    return [_view(*row) for row in rows]


def _view(
    run: ProductionRun,
    recipe: str,
    unit: str,
    event: str | None,
    loss_category: LossCategory | None,
    loss_cost: Decimal | None,
) -> ProductionRunView:
    return ProductionRunView(
        id=run.id,
        uuid=run.uuid,
        recipe_id=run.recipe_id,
        recipe=recipe,
        finished_unit_id=run.finished_unit_id,
        finished_unit=unit,
        event_id=run.event_id,
        event=event,
        batches=run.batches,
        scale_factor=run.scale_factor,
        expected_yield=run.expected_yield,
        actual_yield=run.actual_yield,
        status=run.production_status,
        loss_quantity=run.loss_quantity,
        loss_category=loss_category,
        loss_cost=loss_cost,
        total_ingredient_cost=run.total_ingredient_cost,
        cost_per_unit=run.cost_per_unit,
        recorded_with_shortfall=run.recorded_with_shortfall,
        produced_at=run.produced_at,
        notes=run.notes,
    )
