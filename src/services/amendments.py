"""Changes to a plan during production, each with a reason, and the original-vs-current view.

Kinds: drop a demanded item, add one, change the batches of a finished unit. Each applies
the change and appends a PlanAmendment in one transaction. Dropping and changing batches
are refused for finished units already produced for the event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.models import AmendmentType, BatchDecision, Event, PlanAmendment
from src.services.batches import save_decision
from src.services.database import Database
from src.services.errors import ConflictError, PlanStateError, ValidationError
from src.services.event_demand import (
    add_recipes,
    demand_name,
    demand_row,
    item_recipes,
    put_demand,
    row_units,
)
from src.services.event_guards import find_event, find_unit, produced_batches, require_in_production
from src.services.plan_calc import plan_requirements
from src.services.plan_inputs import load_plan_inputs
from src.services.plan_state import batch_lines, demand_items


@dataclass(frozen=True)
class AmendmentInfo:
    event: str
    kind: str
    data: dict[str, Any]
    reason: str
    created_at: datetime


@dataclass(frozen=True)
class ComparisonLine:
    key: str  # item or finished unit slug
    name: str
    original: int | None  # quantity or batches; None when added
    current: int | None  # None when dropped
    status: str  # unchanged | modified | added | dropped


@dataclass(frozen=True)
class PlanComparison:
    items: tuple[ComparisonLine, ...]
    batches: tuple[ComparisonLine, ...]


def drop_item(db: Database, event_slug: str, item_slug: str, reason: str) -> AmendmentInfo:
    """Remove a demanded item during production.

    Raises NotFoundError, PlanStateError, ValidationError (blank reason), ConflictError
    (production recorded for its finished units).
    """
    with db.transaction() as s:
        event, why = _start(s, event_slug, reason, "drop an item")
        row = demand_row(s, event, item_slug)
        units = row_units(row, load_plan_inputs(s, event).catalog())
        _refuse_if_produced(s, event, units, f"drop {demand_name(row)}")
        data = {"item": item_slug, "name": demand_name(row), "quantity": row.quantity}
        s.delete(row)
        s.flush()
        data["removed_decisions"] = _drop_unneeded_decisions(s, event)
        return _append(s, event, AmendmentType.DROP_ITEM, data, why)


def add_item(
    db: Database, event_slug: str, item_slug: str, quantity: int, reason: str
) -> AmendmentInfo:
    """Add an item to the demand during production (its recipes are selected with it).

    Raises NotFoundError, PlanStateError, ValidationError, ConflictError (already demanded).
    """
    with db.transaction() as s:
        event, why = _start(s, event_slug, reason, "add an item")
        row = demand_row(s, event, item_slug, create=True)
        if row.id is not None:
            raise ConflictError(
                f"{demand_name(row)} is already in the plan ({row.quantity}); "
                f"change its batches instead."
            )
        goods = {row.finished_good.id} if row.finished_good else set()
        units = {row.finished_unit.id} if row.finished_unit else set()
        recipes = item_recipes(s, goods, units)
        added = add_recipes(s, event, set(recipes))
        line = put_demand(s, event, item_slug, quantity)
        data = {
            "item": item_slug,
            "name": line.name,
            "quantity": quantity,
            "recipes_added": sorted(recipes[r] for r in added),
        }
        return _append(s, event, AmendmentType.ADD_ITEM, data, why)


def change_batches(
    db: Database,
    event_slug: str,
    unit_slug: str,
    batches: int,
    reason: str,
    *,
    confirm_shortfall: bool = False,
) -> AmendmentInfo:
    """Change the batches of a finished unit during production.

    Raises NotFoundError, PlanStateError, ValidationError, ConflictError (already produced).
    """
    with db.transaction() as s:
        event, why = _start(s, event_slug, reason, "change batches")
        unit = find_unit(s, unit_slug)
        _refuse_if_produced(s, event, {unit.id}, f"change the batches of {unit.name}")
        before = batch_lines(plan_requirements(load_plan_inputs(s, event))).get(unit.slug)
        save_decision(s, event, unit, batches, confirm_shortfall)
        data = {
            "finished_unit": unit.slug,
            "name": unit.name,
            "old_batches": before and before["batches"],
            "new_batches": batches,
        }
        return _append(s, event, AmendmentType.CHANGE_BATCHES, data, why)


def list_amendments(db: Database, event_slug: str) -> tuple[AmendmentInfo, ...]:
    """The event's amendments, oldest first. Raises NotFoundError."""
    with db.transaction() as s:
        event = find_event(s, event_slug)
        rows = s.scalars(
            select(PlanAmendment)
            .where(PlanAmendment.event_id == event.id)
            .order_by(PlanAmendment.id)
        )
        return tuple(_info(event, row) for row in rows)


def compare_to_original(db: Database, event_slug: str) -> PlanComparison:
    """Each item and batch decision of the frozen plan against today's plan.

    Raises NotFoundError, PlanStateError (production not started).
    """
    with db.transaction() as s:
        event = find_event(s, event_slug)
        if event.plan_snapshot is None:
            raise PlanStateError(
                f"Production has not started for {event.name}, so there is no original plan."
            )
        original = event.plan_snapshot.snapshot_data
        inputs = load_plan_inputs(s, event)
        return PlanComparison(
            items=compare(original["demand"], demand_items(inputs), "quantity"),
            batches=compare(
                original["batch_decisions"], batch_lines(plan_requirements(inputs)), "batches"
            ),
        )


def compare(
    original: dict[str, dict[str, Any]], current: dict[str, dict[str, Any]], field: str
) -> tuple[ComparisonLine, ...]:
    """Line up two {slug: {"name", field}} maps as unchanged/modified/added/dropped."""
    lines = []
    for key in sorted(original.keys() | current.keys()):
        before, after = original.get(key), current.get(key)
        name = (after or before or {}).get("name", key)
        old = None if before is None else before[field]
        new = None if after is None else after[field]
        status = (
            "added" if before is None
            else "dropped" if after is None
            else "unchanged" if old == new
            else "modified"
        )  # fmt: skip
        lines.append(ComparisonLine(key, name, old, new, status))
    return tuple(lines)


def _start(s: Session, event_slug: str, reason: str, action: str) -> tuple[Event, str]:
    event = find_event(s, event_slug)
    require_in_production(event, action)
    why = reason.strip()
    if not why:
        raise ValidationError(f"Say why you {action} (a reason is required during production).")
    return event, why


def _refuse_if_produced(s: Session, event: Event, unit_ids: set[int], action: str) -> None:
    produced = produced_batches(s, event.id)
    done = {u for u in unit_ids if produced.get(u)}
    if done:
        inputs = load_plan_inputs(s, event)
        names = ", ".join(sorted(inputs.units[u].name for u in done))
        raise ConflictError(
            f"Cannot {action}: production is already recorded for {names} in {event.name}."
        )


def _drop_unneeded_decisions(s: Session, event: Event) -> list[str]:
    needed = load_plan_inputs(s, event).unit_needs()
    stale = s.scalars(
        select(BatchDecision).where(
            BatchDecision.event_id == event.id, BatchDecision.finished_unit_id.not_in(needed)
        )
    ).all()
    for decision in stale:
        s.delete(decision)
    return sorted(decision.finished_unit.slug for decision in stale)


def _append(
    s: Session, event: Event, kind: AmendmentType, data: dict[str, Any], reason: str
) -> AmendmentInfo:
    row = PlanAmendment(event_id=event.id, amendment_type=kind, amendment_data=data, reason=reason)
    s.add(row)
    s.flush()
    return _info(event, row)


def _info(event: Event, row: PlanAmendment) -> AmendmentInfo:
    return AmendmentInfo(
        event.slug, row.amendment_type.value, row.amendment_data, row.reason, row.created_at
    )
