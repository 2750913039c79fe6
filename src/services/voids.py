"""What undoing a production or assembly run shares: refusing when its output is gone,
and putting the stock it took back into the very lots it came from."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from src.models import MovementKind, StockMovement
from src.services.errors import ConflictError
from src.services.stock import reverse_movements


def refuse_if_used(made: int, on_hand: int, item: str, run: str, remedy: str) -> None:
    """ConflictError when fewer than `made` of `item` are still on hand to take back."""
    if on_hand < made:
        raise ConflictError(
            f"This {run} made {made} {item}, but only {on_hand} are on hand; {remedy}"
        )


def put_back_stock(
    s: Session,
    link: InstrumentedAttribute[int | None],
    run_id: int,
    kind: MovementKind,
    note: str,
) -> int:
    """Reverse the `kind` movements linked to the run through `link`; returns how many."""
    taken = s.scalars(select(StockMovement).where(link == run_id, StockMovement.kind == kind)).all()
    reverse_movements(s, taken, note)
    return len(taken)
