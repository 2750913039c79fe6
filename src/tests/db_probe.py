"""Looking at the database from tests: every row of every table, and statement counts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, select

from src.models import Base, Product
from src.services.database import Database
from src.services.inventory import LotView, lot_views


@contextmanager
def counted_statements(db: Database) -> Iterator[list[str]]:
    """Collects every statement sent to `db` inside the block (BEGIN/COMMIT excluded)."""
    statements: list[str] = []

    def _record(*args: Any) -> None:
        if args[2] != "BEGIN":
            statements.append(args[2])

    event.listen(db.engine, "before_cursor_execute", _record)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", _record)


def every_lot(db: Database, ingredient_id: int | None = None) -> list[LotView]:
    """Every lot, empty ones too, oldest first (of one ingredient if given)."""
    conditions = [] if ingredient_id is None else [Product.ingredient_id == ingredient_id]
    with db.transaction() as s:
        return lot_views(s, *conditions)


def table_dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in key order: compare two dumps to prove nothing changed."""
    with db.transaction() as s:
        return {
            table.name: [
                tuple(row) for row in s.execute(select(table).order_by(*table.primary_key))
            ]
            for table in Base.metadata.sorted_tables
        }
