"""The plan's life: DRAFT → LOCKED → IN_PRODUCTION → COMPLETED, and unlock LOCKED → DRAFT.

Starting production freezes the plan as a PlanSnapshot (once; repeating returns it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from src.models import Event, PlanSnapshot, PlanState
from src.services.database import Database
from src.services.errors import PlanStateError
from src.services.event_guards import find_event, produced_batches, require_state
from src.services.events import EventSummary, summary
from src.services.plan_calc import Requirement, calculate, gather_sources
from src.services.plan_inputs import PlanInputs


@dataclass(frozen=True)
class FrozenPlan:
    """The plan as it stood when production started."""

    event: str
    created_at: datetime
    data: dict[str, Any]  # recipes, demand, batch_decisions, requirements, ingredients, cost


def lock_plan(db: Database, event_slug: str) -> EventSummary:
    """DRAFT → LOCKED. Raises NotFoundError, PlanStateError."""
    return _move(db, event_slug, "lock the plan", PlanState.DRAFT, PlanState.LOCKED)


def unlock_plan(db: Database, event_slug: str) -> EventSummary:
    """LOCKED → DRAFT while nothing has been produced. Raises NotFoundError, PlanStateError."""
    with db.transaction() as s:
        event = find_event(s, event_slug)
        require_state(event, "unlock the plan", PlanState.LOCKED)
        if produced_batches(s, event.id):
            raise PlanStateError(
                f"Cannot unlock the plan for {event.name}: production is already recorded."
            )
        event.plan_state = PlanState.DRAFT
        return summary(event)


def start_production(db: Database, event_slug: str) -> FrozenPlan:
    """LOCKED → IN_PRODUCTION, freezing the plan; repeating returns the same frozen plan.

    Raises NotFoundError, PlanStateError, ConversionError.
    """
    with db.transaction() as s:
        event = find_event(s, event_slug)
        if event.plan_state is PlanState.IN_PRODUCTION and event.plan_snapshot is not None:
            return _frozen(event, event.plan_snapshot)
        require_state(event, "start production", PlanState.LOCKED)
        snapshot = PlanSnapshot(event_id=event.id, snapshot_data=freeze(s, event))
        s.add(snapshot)
        event.plan_state = PlanState.IN_PRODUCTION
        s.flush()
        return _frozen(event, snapshot)


def complete_production(db: Database, event_slug: str) -> EventSummary:
    """IN_PRODUCTION → COMPLETED. Raises NotFoundError, PlanStateError."""
    return _move(db, event_slug, "complete the event", PlanState.IN_PRODUCTION, PlanState.COMPLETED)


def frozen_plan(db: Database, event_slug: str) -> FrozenPlan | None:
    """The plan frozen at the start of production, if production has started."""
    with db.transaction() as s:
        event = find_event(s, event_slug)
        return None if event.plan_snapshot is None else _frozen(event, event.plan_snapshot)


def freeze(s: Session, event: Event) -> dict[str, Any]:
    """Recipes, demand, batch decisions, requirements, ingredient totals and cost estimate."""
    sources = gather_sources(s, event)
    results = calculate(sources)
    return {
        "recipes": sorted(slug for slug, _ in sources.inputs.selected_recipes.values()),
        "demand": demand_items(sources.inputs),
        "batch_decisions": batch_lines(sources.requirements),
        "requirements": results["requirements"],
        "ingredients": results["ingredients"],
        "cost_estimate": results["cost_estimate"],
    }


def demand_items(inputs: PlanInputs) -> dict[str, dict[str, Any]]:
    """Demanded items by slug: name and quantity (goods or units, per the output mode)."""
    goods = {
        inputs.goods[g].slug: {"name": inputs.goods[g].name, "quantity": q}
        for g, q in inputs.demand.goods.items()
    }
    units = {
        inputs.units[u].slug: {"name": inputs.units[u].name, "quantity": q}
        for u, q in inputs.demand.units.items()
    }
    return goods | units


def batch_lines(requirements: tuple[Requirement, ...]) -> dict[str, dict[str, Any]]:
    """Batches per finished unit slug (the decision, else the suggestion)."""
    return {
        r.unit.slug: {"name": r.unit.name, "batches": r.batches, "decided": r.decided}
        for r in requirements
    }


def _move(db: Database, slug: str, action: str, start: PlanState, end: PlanState) -> EventSummary:
    with db.transaction() as s:
        event = find_event(s, slug)
        require_state(event, action, start)
        event.plan_state = end
        return summary(event)


def _frozen(event: Event, snapshot: PlanSnapshot) -> FrozenPlan:
    return FrozenPlan(event.slug, snapshot.created_at, snapshot.snapshot_data)
