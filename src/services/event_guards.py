"""Finding an event and its items by slug, and the edit guards of each plan state.

DRAFT: everything editable. LOCKED: only batch decisions. IN_PRODUCTION: only amendments.
COMPLETED: read-only. A refusal names the state the action needs.
"""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from src.models import (
    Event,
    FinishedGood,
    FinishedUnit,
    Package,
    PlanState,
    ProductionRun,
    Recipe,
    Recipient,
)
from src.services.errors import NotFoundError, PlanStateError

Named = TypeVar("Named", Event, FinishedUnit, FinishedGood, Recipe, Recipient, Package)
_WHAT: dict[type, str] = {
    Event: "event",
    FinishedUnit: "finished unit",
    FinishedGood: "finished good",
    Recipe: "recipe",
    Recipient: "recipient",
    Package: "package",
}

STATE_NAMES = {
    PlanState.DRAFT: "draft",
    PlanState.LOCKED: "locked",
    PlanState.IN_PRODUCTION: "in production",
    PlanState.COMPLETED: "completed",
}


def find_by_slug(s: Session, model: type[Named], slug: str) -> Named:
    """The row of `model` with `slug`; NotFoundError naming what was looked for."""
    row = s.scalar(select(model).where(model.slug == slug))
    if row is None:
        raise NotFoundError(f"There is no {_WHAT[model]} '{slug}'.")
    return row


def find_event(s: Session, slug: str) -> Event:
    return find_by_slug(s, Event, slug)


def find_unit(s: Session, slug: str) -> FinishedUnit:
    return find_by_slug(s, FinishedUnit, slug)


def find_good(s: Session, slug: str) -> FinishedGood:
    return find_by_slug(s, FinishedGood, slug)


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
    return totals_by(s, ProductionRun.finished_unit_id, ProductionRun.batches, event_id)


def totals_by(
    s: Session, key: InstrumentedAttribute[int], value: InstrumentedAttribute[int], event_id: int
) -> dict[int, int]:
    """sum(value) per key over the event's rows of key's table (one query)."""
    table = key.class_
    rows = s.execute(select(key, func.sum(value)).where(table.event_id == event_id).group_by(key))
    return {k: int(total) for k, total in rows}
