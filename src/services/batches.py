"""How many batches: options around the need (floor/ceil), the suggestion, and decisions.

`batch_options` and `suggested_batches` are pure. `save_decision` is the session helper
shared by the batch-decision action and the "change batches" amendment.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.models import BatchDecision, Event, FinishedUnit
from src.services.database import Database
from src.services.errors import NotFoundError, ValidationError
from src.services.event_guards import find_event, find_unit, require_batch_edits
from src.services.plan_inputs import load_plan_inputs


@dataclass(frozen=True)
class BatchOption:
    batches: int
    yield_: Decimal
    shortfall: Decimal
    surplus: Decimal


@dataclass(frozen=True)
class BatchDecisionInfo:
    event: str
    finished_unit: str
    batches: int
    needed: int
    yield_: Decimal
    shortfall: Decimal
    confirmed_shortfall: bool


def option_for(batches: int, need: int, yield_per_batch: Decimal) -> BatchOption:
    """What `batches` batches give against `need`: yield, shortfall and surplus."""
    made = batches * yield_per_batch
    return BatchOption(batches, made, max(Decimal(0), need - made), max(Decimal(0), made - need))


def batch_options(need: int, yield_per_batch: Decimal) -> tuple[BatchOption, ...]:
    """Floor (only if ≥ 1) and ceil of need / yield; one option when it divides exactly."""
    raw = Decimal(need) / yield_per_batch
    low, high = math.floor(raw), math.ceil(raw)
    counts = [high] if low == high or low < 1 else [low, high]
    return tuple(option_for(n, need, yield_per_batch) for n in counts)


def suggested_batches(need: int, yield_per_batch: Decimal) -> int:
    """The default suggestion: enough batches never to be short (ceil)."""
    return max(1, math.ceil(Decimal(need) / yield_per_batch))


def decide_batches(
    db: Database, event_slug: str, unit_slug: str, batches: int, *, confirm_shortfall: bool = False
) -> BatchDecisionInfo:
    """Save the batches for a finished unit of an event (DRAFT or LOCKED).

    Raises NotFoundError, PlanStateError, ValidationError (not positive, unit not needed,
    or a shortfall that was not confirmed).
    """
    with db.transaction() as s:
        event = find_event(s, event_slug)
        require_batch_edits(event, "change batch decisions")
        return save_decision(s, event, find_unit(s, unit_slug), batches, confirm_shortfall)


def accept_suggested_batches(db: Database, event_slug: str) -> tuple[BatchDecisionInfo, ...]:
    """Decide every needed unit not yet decided at its suggestion, in one transaction.

    The suggestion is never short, so nothing needs confirming. Returns the new decisions by
    unit slug (none when every unit is decided). Raises NotFoundError, PlanStateError.
    """
    with db.transaction() as s:
        event = find_event(s, event_slug)
        require_batch_edits(event, "accept the suggested batches")
        needs = load_plan_inputs(s, event).unit_needs()
        decided = set(
            s.scalars(
                select(BatchDecision.finished_unit_id).where(BatchDecision.event_id == event.id)
            )
        )
        units = sorted(
            (s.get_one(FinishedUnit, unit_id) for unit_id in needs if unit_id not in decided),
            key=lambda unit: unit.slug,
        )
        return tuple(
            save_decision(s, event, unit, suggested_batches(needs[unit.id], unit.yield_per_batch),
                          confirm_shortfall=False)
            for unit in units
        )  # fmt: skip


def clear_batch_decision(db: Database, event_slug: str, unit_slug: str) -> None:
    """Go back to the suggested batches. Raises NotFoundError, PlanStateError."""
    with db.transaction() as s:
        event = find_event(s, event_slug)
        require_batch_edits(event, "change batch decisions")
        decision = _decision(s, event.id, find_unit(s, unit_slug).id)
        if decision is None:
            raise NotFoundError(f"There is no batch decision for '{unit_slug}' in {event.name}.")
        s.delete(decision)


def save_decision(
    s: Session, event: Event, unit: FinishedUnit, batches: int, confirm_shortfall: bool
) -> BatchDecisionInfo:
    """Upsert the decision after checking it against the event's need for the unit."""
    if batches <= 0:
        raise ValidationError(f"Batches for {unit.name} must be a whole number above zero.")
    need = load_plan_inputs(s, event).unit_needs().get(unit.id)
    if need is None:
        raise ValidationError(f"{unit.name} is not needed by {event.name}; add it to demand first.")
    option = option_for(batches, need, unit.yield_per_batch)
    if option.shortfall and not confirm_shortfall:
        raise ValidationError(
            f"{batches} batches of {unit.name} make {option.yield_:f}, {option.shortfall:f} short "
            f"of the {need} needed. Confirm the shortfall to keep it."
        )
    decision = _decision(s, event.id, unit.id) or BatchDecision(
        event_id=event.id, finished_unit_id=unit.id, recipe_id=unit.recipe_id
    )
    decision.batches = batches
    decision.confirmed_shortfall = bool(option.shortfall)
    s.add(decision)
    s.flush()
    shortfall = option.shortfall
    return BatchDecisionInfo(
        event.slug, unit.slug, batches, need, option.yield_, shortfall, bool(shortfall)
    )


def _decision(s: Session, event_id: int, unit_id: int) -> BatchDecision | None:
    return s.scalar(
        select(BatchDecision).where(
            BatchDecision.event_id == event_id, BatchDecision.finished_unit_id == unit_id
        )
    )
