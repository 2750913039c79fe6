"""An event's costs in one plain document: planned vs actual, per recipe, per recipient,
losses. This is what `costs EVENT --json` prints."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from src.services.database import Database
from src.services.event_guards import find_event
from src.services.reports import cost_per_recipient, event_cost, loss_report


def _money(amount: Decimal | None) -> str | None:
    return None if amount is None else format(amount, "f")


def event_costs_report(db: Database, event_slug: str) -> dict[str, Any]:
    """Planned vs actual cost, cost per recipient and losses of an event (amounts as strings,
    null when unknown). Raises NotFoundError."""
    with db.transaction() as s:
        event_id = find_event(s, event_slug).id
    cost = event_cost(db, event_id)
    losses = loss_report(db, event_id=event_id)
    return {
        "event": event_slug,
        "plan_calculated": cost.plan_calculated,
        "planned": _money(cost.planned),
        "production_cost": _money(cost.production_cost),
        "packaging_cost": _money(cost.packaging_cost),
        "actual": _money(cost.actual),
        "difference": _money(cost.difference),
        "by_recipe": [{"recipe": c.label, "cost": _money(c.cost)} for c in cost.by_recipe],
        "recipients": [
            {"recipient": r.recipient, "packages": r.packages, "cost": _money(r.cost)}
            for r in cost_per_recipient(db, event_id)
        ],
        "losses": {
            "total_lost": losses.total_lost,
            "total_cost": _money(losses.total_cost),
            "by_category": [
                {"category": line.label, "quantity": line.quantity, "cost": _money(line.cost)}
                for line in losses.by_category
            ],
        },
    }
