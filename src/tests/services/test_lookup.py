"""Fetching named rows: clear errors for missing rows and completed events."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from src.models import PlanState, Recipe
from src.services.errors import NotFoundError, PlanStateError
from src.services.lookup import get_or_fail, open_event
from src.tests import factories as f


def test_a_missing_row_names_what_was_looked_for(session: Session) -> None:
    with pytest.raises(NotFoundError, match="There is no recipe with id 42"):
        get_or_fail(session, Recipe, 42, "recipe")


def test_no_event_is_fine_and_an_open_event_is_returned(session: Session) -> None:
    party = f.event(session, plan_state=PlanState.IN_PRODUCTION)

    assert open_event(session, None, "production") is None
    assert open_event(session, party.id, "production") is party


def test_a_completed_event_refuses_new_records(session: Session) -> None:
    done = f.event(session, name="Bake sale", plan_state=PlanState.COMPLETED)

    with pytest.raises(PlanStateError, match=r"'Bake sale' is completed.*assembly can only"):
        open_event(session, done.id, "assembly")
