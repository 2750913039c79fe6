"""Shared void steps: the refusal names what is missing; stock returns to the same lots."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from src.models import MovementKind, StockMovement
from src.services.errors import ConflictError
from src.services.stock import record_movement
from src.services.voids import put_back_stock, refuse_if_used
from src.tests import factories as f


def test_refuses_when_fewer_are_on_hand_than_were_made() -> None:
    refuse_if_used(36, 36, "Sugar cookie", "run", "undo assemblies first.")

    with pytest.raises(ConflictError, match="This run made 36 Sugar cookie, but only 30 are on"):
        refuse_if_used(36, 30, "Sugar cookie", "run", "undo assemblies first.")


def test_puts_back_only_the_linked_movements_of_that_kind(session: Session) -> None:
    lot = f.lot(session, initial_quantity=Decimal(5))
    record_movement(session, lot, Decimal("-2"), MovementKind.SPOILAGE)
    session.flush()
    taken = record_movement(session, lot, Decimal("-1.5"), MovementKind.SPOILAGE)
    session.flush()

    # Linked through its own id here: only that one movement of the two is reversed.
    restored = put_back_stock(session, StockMovement.id, taken.id, MovementKind.SPOILAGE, "undo")

    assert restored == 1
    assert lot.remaining_quantity == Decimal(3)
