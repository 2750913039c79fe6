from __future__ import annotations

import pytest

from src.models import PlanSnapshot, PlanState
from src.services.batches import decide_batches
from src.services.database import Database
from src.services.errors import PlanStateError
from src.services.event_demand import set_demand
from src.services.plan_state import (
    complete_production,
    frozen_plan,
    lock_plan,
    start_production,
    unlock_plan,
)
from src.tests.services.plan_world import planned_example, record_run, set_state


def test_the_plan_moves_draft_locked_in_production_completed(db: Database) -> None:
    planned_example(db)

    assert lock_plan(db, "xmas").plan_state == "locked"
    assert start_production(db, "xmas").event == "xmas"
    assert complete_production(db, "xmas").plan_state == "completed"


def test_unlock_returns_a_locked_plan_to_draft(db: Database) -> None:
    planned_example(db)
    lock_plan(db, "xmas")

    assert unlock_plan(db, "xmas").plan_state == "draft"


def test_unlock_is_refused_once_production_is_recorded(db: Database) -> None:
    planned = planned_example(db)
    lock_plan(db, "xmas")
    record_run(db, planned.event_id, planned.example.units["sugar-cookie"], 1, 36)

    with pytest.raises(PlanStateError, match="production is already recorded"):
        unlock_plan(db, "xmas")


@pytest.mark.parametrize(
    ("state", "action", "needs"),
    [
        (PlanState.LOCKED, lock_plan, "only be done when it is draft"),
        (PlanState.IN_PRODUCTION, lock_plan, "only be done when it is draft"),
        (PlanState.DRAFT, unlock_plan, "only be done when it is locked"),
        (PlanState.IN_PRODUCTION, unlock_plan, "only be done when it is locked"),
        (PlanState.DRAFT, start_production, "only be done when it is locked"),
        (PlanState.COMPLETED, start_production, "only be done when it is locked"),
        (PlanState.DRAFT, complete_production, "only be done when it is in production"),
        (PlanState.LOCKED, complete_production, "only be done when it is in production"),
        (PlanState.COMPLETED, complete_production, "only be done when it is in production"),
    ],
)
def test_a_refused_transition_names_the_state_it_needs(
    db: Database, state: PlanState, action: object, needs: str
) -> None:
    planned = planned_example(db)
    set_state(db, planned.event_id, state)

    with pytest.raises(PlanStateError, match=needs):
        action(db, "xmas")  # type: ignore[operator]


def test_starting_production_freezes_the_plan_once(db: Database) -> None:
    planned_example(db)
    decide_batches(db, "xmas", "sugar-cookie", 6, confirm_shortfall=True)
    lock_plan(db, "xmas")

    first = start_production(db, "xmas")
    again = start_production(db, "xmas")

    assert again == first
    data = first.data
    assert data["recipes"] == ["gingerbread", "sugar-cookies"]
    assert data["demand"] == {"holiday-tin": {"name": "Holiday tin", "quantity": 20}}
    assert data["batch_decisions"]["sugar-cookie"] == {
        "name": "Sugar cookie",
        "batches": 6,
        "decided": True,
    }
    assert data["batch_decisions"]["gingerbread-man"]["batches"] == 5
    assert [r["batches"] for r in data["requirements"]] == [5, 6]
    flour = next(i for i in data["ingredients"] if i["ingredient"] == "flour")
    assert flour["quantity"] == "4437.5"  # (6 × 3 + 5 × 3.5) cup at 125 g
    # ginger and powdered sugar were never bought: the total is unknown, not $0
    assert data["cost_estimate"]["total"] is None
    assert data["cost_estimate"]["unpriced"] == ["ginger", "powdered-sugar"]
    with db.transaction() as s:
        assert s.query(PlanSnapshot).count() == 1
    assert frozen_plan(db, "xmas") == first


def test_edit_guards_follow_the_state(db: Database) -> None:
    planned_example(db)
    lock_plan(db, "xmas")
    decide_batches(db, "xmas", "gingerbread-man", 6)  # LOCKED: batch decisions only
    with pytest.raises(PlanStateError):
        set_demand(db, "xmas", "holiday-tin", 10)
    start_production(db, "xmas")
    with pytest.raises(PlanStateError, match="in production"):
        decide_batches(db, "xmas", "gingerbread-man", 7)
    complete_production(db, "xmas")

    with pytest.raises(PlanStateError, match="completed"):
        decide_batches(db, "xmas", "gingerbread-man", 7)
    with pytest.raises(PlanStateError, match="completed"):
        set_demand(db, "xmas", "holiday-tin", 10)
