from __future__ import annotations

from decimal import Decimal

import pytest

from src.models import BatchDecision, PlanState
from src.services.batches import (
    BatchOption,
    accept_suggested_batches,
    batch_options,
    clear_batch_decision,
    decide_batches,
    suggested_batches,
)
from src.services.database import Database
from src.services.errors import NotFoundError, PlanStateError, ValidationError
from src.tests import factories
from src.tests.services.plan_world import planned_example, set_state


def test_options_for_240_cookies_at_36_are_six_short_and_seven_over() -> None:
    assert batch_options(240, Decimal(36)) == (
        BatchOption(6, Decimal(216), Decimal(24), Decimal(0)),
        BatchOption(7, Decimal(252), Decimal(0), Decimal(12)),
    )


def test_an_exact_division_gives_one_option() -> None:
    assert batch_options(120, Decimal(24)) == (
        BatchOption(5, Decimal(120), Decimal(0), Decimal(0)),
    )


def test_floor_below_one_batch_is_not_offered() -> None:
    assert [o.batches for o in batch_options(10, Decimal(36))] == [1]


def test_fractional_yield_per_batch_counts_batches_per_item() -> None:
    # "Layer cake, 0.5 per batch": 3 cakes take 6 batches.
    assert [o.batches for o in batch_options(3, Decimal("0.5"))] == [6]


def test_suggestion_is_the_ceiling() -> None:
    assert suggested_batches(240, Decimal(36)) == 7


def test_a_shortfall_must_be_confirmed(db: Database) -> None:
    planned_example(db)

    with pytest.raises(ValidationError, match="24 short of the 240 needed"):
        decide_batches(db, "xmas", "sugar-cookie", 6)


def test_a_confirmed_shortfall_is_saved_and_upserted(db: Database) -> None:
    planned = planned_example(db)

    decide_batches(db, "xmas", "sugar-cookie", 8)
    info = decide_batches(db, "xmas", "sugar-cookie", 6, confirm_shortfall=True)

    assert (info.batches, info.shortfall, info.confirmed_shortfall) == (6, Decimal(24), True)
    with db.transaction() as s:
        rows = s.query(BatchDecision).filter_by(event_id=planned.event_id).all()
        assert [(r.batches, r.confirmed_shortfall) for r in rows] == [(6, True)]


def test_batches_must_be_positive(db: Database) -> None:
    planned_example(db)

    with pytest.raises(ValidationError, match="above zero"):
        decide_batches(db, "xmas", "sugar-cookie", 0)


def test_a_unit_the_event_does_not_need_is_refused(db: Database) -> None:
    planned_example(db)
    with db.transaction() as s:
        factories.finished_unit(s, slug="brownie", name="Brownie")

    with pytest.raises(ValidationError, match="Brownie is not needed"):
        decide_batches(db, "xmas", "brownie", 2)


def test_decisions_are_allowed_when_locked_but_not_in_production(db: Database) -> None:
    planned = planned_example(db)
    set_state(db, planned.event_id, PlanState.LOCKED)
    decide_batches(db, "xmas", "gingerbread-man", 6)
    set_state(db, planned.event_id, PlanState.IN_PRODUCTION)

    with pytest.raises(
        PlanStateError,
        match="is in production, and this can only be done when it is draft or locked",
    ):
        decide_batches(db, "xmas", "gingerbread-man", 7)


def test_clearing_a_decision_goes_back_to_the_suggestion(db: Database) -> None:
    planned_example(db)
    decide_batches(db, "xmas", "gingerbread-man", 6)

    clear_batch_decision(db, "xmas", "gingerbread-man")

    with pytest.raises(NotFoundError, match="no batch decision"):
        clear_batch_decision(db, "xmas", "gingerbread-man")


def test_accepting_suggestions_decides_every_undecided_unit_at_once(db: Database) -> None:
    planned = planned_example(db)
    decide_batches(db, "xmas", "sugar-cookie", 8)

    accepted = accept_suggested_batches(db, "xmas")

    assert [(a.finished_unit, a.batches, a.shortfall) for a in accepted] == [
        ("gingerbread-man", 5, Decimal(0))
    ]
    with db.transaction() as s:
        rows = s.query(BatchDecision).filter_by(event_id=planned.event_id).all()
        assert sorted(r.batches for r in rows) == [5, 8]  # the baker's 8 stays
    assert accept_suggested_batches(db, "xmas") == ()


def test_suggestions_cannot_be_accepted_once_production_started(db: Database) -> None:
    planned = planned_example(db)
    set_state(db, planned.event_id, PlanState.IN_PRODUCTION)

    with pytest.raises(PlanStateError):
        accept_suggested_batches(db, "xmas")
