"""The list of events, as plain values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from src.models import Event
from src.services.database import Database


@dataclass(frozen=True)
class EventSummary:
    slug: str
    name: str
    event_date: date
    plan_state: str
    output_mode: str | None


def list_events(db: Database) -> list[EventSummary]:
    """Every event, soonest first."""
    with db.transaction() as session:
        events = session.scalars(select(Event).order_by(Event.event_date, Event.name))
        return [
            EventSummary(
                e.slug,
                e.name,
                e.event_date,
                e.plan_state.value,
                e.output_mode.value if e.output_mode else None,
            )
            for e in events
        ]
