"""Which plan-state buttons can be pressed now, and for those that cannot, why not.

Mirrors the rules of src/services/plan_state.py (DRAFT → LOCKED → IN_PRODUCTION → COMPLETED,
LOCKED → DRAFT while nothing is produced) so a disabled button can say what it needs.
"""

from __future__ import annotations

from dataclasses import dataclass

DRAFT, LOCKED, IN_PRODUCTION, COMPLETED = "draft", "locked", "in_production", "completed"


@dataclass(frozen=True)
class StateAction:
    key: str  # lock | unlock | start | complete
    label: str
    blocked: str | None  # why it cannot be pressed now; None when it can


def state_actions(state: str, produced: bool) -> tuple[StateAction, ...]:
    """The four plan-state actions for an event in `state` (`produced`: production recorded)."""
    return (
        StateAction("lock", "Lock plan", _lock(state)),
        StateAction("unlock", "Unlock", _unlock(state, produced)),
        StateAction("start", "Start production", _start(state)),
        StateAction("complete", "Complete", _complete(state)),
    )


def _lock(state: str) -> str | None:
    if state == DRAFT:
        return None
    return "Already locked" if state == LOCKED else "Production has started"


def _unlock(state: str, produced: bool) -> str | None:
    if state != LOCKED:
        return "Unlock needs the plan to be locked"
    return "Production is recorded, so it stays locked" if produced else None


def _start(state: str) -> str | None:
    if state == LOCKED:
        return None
    return "Lock the plan first" if state == DRAFT else "Production has already started"


def _complete(state: str) -> str | None:
    if state == IN_PRODUCTION:
        return None
    return "The event is completed" if state == COMPLETED else "Start production first"
