from datetime import date
from decimal import Decimal

from sqlalchemy import literal, select, true
from sqlalchemy.orm import Session

from src.models import Event, Ingredient, Unit
from src.services.plain_rows import (
    UNIT_BY_VALUE,
    as_stored,
    each_plain_row,
    plain_rows,
    stored_date,
)


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


def test_columns_as_stored_convert_back_to_the_exact_values(session: Session) -> None:
    _flour(session)
    statement = select(
        as_stored(Ingredient.density_weight_quantity), as_stored(Ingredient.density_volume_unit)
    )
    [(quantity, unit)] = plain_rows(session, statement).all()
    assert repr(Decimal(quantity)) == repr(Decimal("120.5"))
    assert UNIT_BY_VALUE[unit] is Unit.CUP


def test_each_plain_row_reads_every_row_batch_after_batch(session: Session) -> None:
    numbers = select(literal(1).label("n")).cte("numbers", recursive=True)
    numbers = numbers.union_all(select(numbers.c.n + 1).where(numbers.c.n < 2500))
    rows = each_plain_row(session, select(numbers.c.n).order_by(numbers.c.n))
    assert [n for (n,) in rows] == list(range(1, 2501))


def test_each_plain_row_gives_the_drivers_values_and_stored_date_reads_a_date(
    session: Session,
) -> None:
    _flour(session)
    session.add(Event(slug="fair", name="Fair", event_date=date(2026, 12, 5)))
    statement = select(Event.event_date, Ingredient.is_archived).join(Ingredient, true())
    [(held_on, archived)] = list(each_plain_row(session, statement))
    assert stored_date(held_on) == date(2026, 12, 5)
    assert stored_date(date(2026, 12, 5)) == date(2026, 12, 5)  # as PostgreSQL's driver reads it
    assert not archived
