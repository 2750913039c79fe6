"""Fetching the rows a user action names, with a baker-readable error when they are missing."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from src.models import Event, PlanState
from src.services.errors import NotFoundError, PlanStateError

T = TypeVar("T")


def get_or_fail(s: Session, model: type[T], row_id: int, what: str) -> T:
    """The row with `row_id`; NotFoundError naming `what` if there is none."""
    row = s.get(model, row_id)
    if row is None:
        raise NotFoundError(f"There is no {what} with id {row_id}.")
    return row


def open_event(s: Session, event_id: int | None, action: str) -> Event | None:
    """The event `action` is recorded for (None for none); PlanStateError if it is completed."""
    if event_id is None:
        return None
    event = get_or_fail(s, Event, event_id, "event")
    if event.plan_state is PlanState.COMPLETED:
        raise PlanStateError(
            f"Event '{event.name}' is completed and read-only; {action} can only be recorded "
            "for an event that is not completed yet."
        )
    return event
