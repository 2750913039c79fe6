from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.models import Ingredient
from src.services.plain_rows import plain_rows


def _flour(session: Session) -> None:
    session.add(
        Ingredient(slug="flour", name="Flour", category="Flour",
                   density_volume_quantity=Decimal(1), density_volume_unit="cup",
                   density_weight_quantity=Decimal("120.5"), density_weight_unit="g")
    )  # fmt: skip


def test_rows_include_what_the_session_holds_and_decimals_come_back_exact(
    session: Session,
) -> None:
    _flour(session)  # not flushed yet: plain_rows flushes first, as Session.execute does
    rows = plain_rows(session, select(Ingredient.name, Ingredient.density_weight_quantity))
    assert rows.all() == [("Flour", Decimal("120.5"))]


def test_no_autoflush_is_respected(session: Session) -> None:
    with session.no_autoflush:
        _flour(session)
        assert plain_rows(session, select(Ingredient.name)).all() == []
    assert plain_rows(session, select(Ingredient.name)).all() == [("Flour",)]
