"""Finding an event and its items by slug, and the edit guards of each plan state.

DRAFT: everything editable. LOCKED: only batch decisions. IN_PRODUCTION: only amendments.
COMPLETED: read-only. A refusal names the state the action needs.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from src.models import Event, FinishedGood, FinishedUnit, PlanState, ProductionRun
from src.services.errors import NotFoundError, PlanStateError

STATE_NAMES = {
    PlanState.DRAFT: "draft",
    PlanState.LOCKED: "locked",
    PlanState.IN_PRODUCTION: "in production",
    PlanState.COMPLETED: "completed",
}


def find_event(s: Session, slug: str) -> Event:
    event = s.scalar(select(Event).where(Event.slug == slug))
    if event is None:
        raise NotFoundError(f"There is no event '{slug}'.")
    return event


def find_unit(s: Session, slug: str) -> FinishedUnit:
    unit = s.scalar(select(FinishedUnit).where(FinishedUnit.slug == slug))
    if unit is None:
        raise NotFoundError(f"There is no finished unit '{slug}'.")
    return unit


def find_good(s: Session, slug: str) -> FinishedGood:
    good = s.scalar(select(FinishedGood).where(FinishedGood.slug == slug))
    if good is None:
        raise NotFoundError(f"There is no finished good '{slug}'.")
    return good


def require_state(event: Event, action: str, *allowed: PlanState) -> None:
    """PlanStateError naming the needed state(s) unless the event is in one of `allowed`."""
    if event.plan_state in allowed:
        return
    needed = " or ".join(STATE_NAMES[state] for state in allowed)
    raise PlanStateError(
        f"Cannot {action}: the plan for {event.name} is {STATE_NAMES[event.plan_state]}, "
        f"and this can only be done when it is {needed}."
    )


def require_draft(event: Event, action: str) -> None:
    require_state(event, action, PlanState.DRAFT)


def require_batch_edits(event: Event, action: str) -> None:
    require_state(event, action, PlanState.DRAFT, PlanState.LOCKED)


def require_in_production(event: Event, action: str) -> None:
    require_state(event, action, PlanState.IN_PRODUCTION)


def produced_batches(s: Session, event_id: int) -> dict[int, int]:
    """Batches recorded per finished unit for the event (one query)."""
    rows = s.execute(
        select(ProductionRun.finished_unit_id, func.sum(ProductionRun.batches))
        .where(ProductionRun.event_id == event_id)
        .group_by(ProductionRun.finished_unit_id)
    )
    return {unit_id: int(total) for unit_id, total in rows}
