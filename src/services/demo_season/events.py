"""Builds the demo season's events, then plays their steps (plan, lock, bake, deliver)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from src.models import LossCategory, OutputMode
from src.services.assembly import assemble
from src.services.batches import decide_batches
from src.services.database import Database
from src.services.delivery import assemble_package, deliver_package, delivery_board
from src.services.demo_season.catalog import Names
from src.services.errors import ValidationError
from src.services.event_demand import assign_package, select_recipes, set_demand
from src.services.events import EventFields, EventSummary, create_event
from src.services.plan import calculate_plan
from src.services.plan_state import lock_plan, start_production
from src.services.production import record_production

Spec = dict[str, Any]
Step = Callable[[Database, EventSummary, Names, list[Any]], None]


def load_events(db: Database, spec: Spec, names: Names) -> None:
    """Create each event with its demand and decisions, then play its steps in order."""
    for e in spec["events"]:
        event = create_event(
            db,
            EventFields(e["name"], date.fromisoformat(e["date"]), e.get("notes"),
                        e.get("expected_attendees"), OutputMode(e["output_mode"])),
        )  # fmt: skip
        _demand(db, event, names, e)
        for step in e.get("steps", []):
            kind, *args = [step] if isinstance(step, str) else step
            if kind not in _STEPS:
                raise ValidationError(f"Demo event '{e['name']}' has an unknown step '{kind}'.")
            _STEPS[kind](db, event, names, args)


def _demand(db: Database, event: EventSummary, names: Names, e: Spec) -> None:
    select_recipes(db, event.slug, [names.recipe_slugs[r] for r in e["recipes"]])
    for item, quantity in e.get("demand", []):
        slug = names.good_slugs.get(item) or names.unit_slugs[item]
        set_demand(db, event.slug, slug, quantity)
    for recipient, package, quantity in e.get("packages", []):
        assign_package(
            db, event.slug, names.recipients[recipient], names.packages[package], quantity
        )
    for unit, batches in e.get("decisions", []):
        decide_batches(db, event.slug, names.unit_slugs[unit], batches)


def _run(db: Database, event: EventSummary, names: Names, args: list[Any]) -> None:
    recipe, unit, batches, actual, loss, when, *notes = args
    record_production(
        db, names.recipes[recipe], names.units[unit], batches, actual,
        event_id=event.id, loss_category=LossCategory(loss or "other"),
        loss_notes=notes[0] if notes else None, produced_at=datetime.fromisoformat(when),
    )  # fmt: skip


def _assemble(db: Database, event: EventSummary, names: Names, args: list[Any]) -> None:
    good, quantity, when = args
    assemble(
        db, names.goods[good], quantity, event_id=event.id,
        assembled_at=datetime.fromisoformat(when),
    )  # fmt: skip


def _package(db: Database, event: EventSummary, names: Names, args: list[Any]) -> None:
    recipient, status, *delivery = args
    board = delivery_board(db, event.id)
    cards = [*board.pending, *board.assembled, *board.delivered]
    card = next(c for c in cards if c.recipient == recipient)
    if status == "assembled":
        assemble_package(db, card.id)
    else:
        to, when = delivery
        deliver_package(db, card.id, delivered_to=to, delivered_at=datetime.fromisoformat(when))


def _on_event(action: Callable[[Database, str], object]) -> Step:
    """A step that only needs the event, e.g. calculate the plan or lock it."""

    def step(db: Database, event: EventSummary, names: Names, args: list[Any]) -> None:
        action(db, event.slug)

    return step


_STEPS: dict[str, Step] = {
    "calculate": _on_event(calculate_plan),
    "lock": _on_event(lock_plan),
    "start_production": _on_event(start_production),
    "run": _run,
    "assemble": _assemble,
    "package": _package,
}
