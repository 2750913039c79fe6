"""Calculated plans: calculate and save, read the current one (with staleness), report it.

A plan is a ProductionPlanSnapshot: its calculation_results (shapes in plan_calc.py), the
canonical inputs it came from (input_data) and their hash. The current plan is the latest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session

from src.garbage_collection import collection_paused
from src.models import Event, InputRevision, ProductionPlanSnapshot
from src.services.database import Database
from src.services.event_guards import find_event
from src.services.plan_calc import calculate, gather_sources
from src.services.staleness import canonical_json, describe_changes, input_hash, json_hash


@dataclass(frozen=True)
class PlanResult:
    """A calculated plan as the planning workspace shows it."""

    event: str
    plan_state: str
    output_mode: str | None
    calculated_at: datetime
    is_stale: bool
    stale_reasons: tuple[str, ...]
    shopping_complete: bool
    results: dict[str, Any]  # calculation_results JSON, see plan_calc.py


@collection_paused()  # until the commit: one ending sooner walked the whole new plan (2 ms)
def calculate_plan(db: Database, event_slug: str) -> PlanResult:
    """Calculate the event's plan and save it as the current, fresh plan.

    Raises NotFoundError, ConversionError (a recipe line that cannot be converted).
    """
    with db.transaction() as s:
        event = find_event(s, event_slug)
        return _result(event, save_new_plan(s, event))


def current_plan(db: Database, event_slug: str) -> PlanResult | None:
    """The latest calculated plan with its staleness brought up to date (None if never
    calculated). Raises NotFoundError."""
    with db.transaction() as s:
        event = find_event(s, event_slug)
        snapshot = latest_snapshot(s, event.id)
        if snapshot is None:
            return None
        refresh_staleness(s, event, snapshot)
        return _result(event, snapshot)


def plan_report(db: Database, event_slug: str, *, recalculate: bool = False) -> dict[str, Any]:
    """The plan as the CLI prints it (`plan --json`); calculated first if there is none yet
    or `recalculate`. Raises NotFoundError, ConversionError."""
    plan = None if recalculate else current_plan(db, event_slug)
    plan = plan or calculate_plan(db, event_slug)
    results = plan.results
    keys = ("finished_unit", "recipe", "needed", "yield_per_batch", "batches", "yield", "shortfall")
    return {
        "event": plan.event,
        "plan_state": plan.plan_state,
        "output_mode": plan.output_mode,
        "stale": plan.is_stale,
        "stale_reasons": list(plan.stale_reasons),
        "requirements": [{k: r[k] for k in keys} for r in results["requirements"]],
        "ingredients": [
            {k: line[k] for k in ("ingredient", "quantity", "unit")}
            for line in results["ingredients"]
        ],
        "estimated_cost": results["cost_estimate"]["total"],
    }


def save_new_plan(s: Session, event: Event) -> ProductionPlanSnapshot:
    """Calculate and store a fresh plan snapshot for the event."""
    revision = input_revision(s)  # read first: a change committed meanwhile counts as one
    sources = gather_sources(s, event)
    inputs = canonical_json(sources.fingerprint())
    snapshot = ProductionPlanSnapshot(
        event_id=event.id,
        calculation_results=calculate(sources),
        # Stored as the very JSON that is hashed: written once, not again by the column.
        input_data=orjson.Fragment(inputs),
        input_hash=json_hash(inputs),
        checked_revision=revision,
    )
    s.add(snapshot)
    s.flush()
    s.expire(snapshot, ["input_data"])  # read back as data should anything ask
    return snapshot


def latest_snapshot(s: Session, event_id: int) -> ProductionPlanSnapshot | None:
    return s.scalar(
        select(ProductionPlanSnapshot)
        .where(ProductionPlanSnapshot.event_id == event_id)
        .order_by(ProductionPlanSnapshot.id.desc())
        .limit(1)
    )


def input_revision(s: Session) -> str | None:
    """The token that changes with every change to what plans are calculated from."""
    return s.scalar(select(InputRevision.token))


def refresh_staleness(s: Session, event: Event, snapshot: ProductionPlanSnapshot) -> None:
    """Compare the snapshot's inputs with today's and record whether (and why) it is stale.

    Nothing is re-read when no input has changed since the last check (same revision)."""
    revision = input_revision(s)
    if revision is not None and revision == snapshot.checked_revision:
        return
    snapshot.checked_revision = revision
    fingerprint = gather_sources(s, event).fingerprint()
    if input_hash(fingerprint) == snapshot.input_hash:
        reasons: list[str] = []
    else:
        reasons = describe_changes(snapshot.input_data or {}, fingerprint)
    stale_reason = "\n".join(reasons) or None
    if snapshot.is_stale != bool(reasons) or snapshot.stale_reason != stale_reason:
        snapshot.is_stale, snapshot.stale_reason = bool(reasons), stale_reason


def _result(event: Event, snapshot: ProductionPlanSnapshot) -> PlanResult:
    return PlanResult(
        event=event.slug,
        plan_state=event.plan_state.value,
        output_mode=event.output_mode and event.output_mode.value,
        calculated_at=snapshot.calculated_at,
        is_stale=snapshot.is_stale,
        stale_reasons=tuple((snapshot.stale_reason or "").splitlines()),
        shopping_complete=snapshot.shopping_complete,
        results=snapshot.calculation_results,
    )
