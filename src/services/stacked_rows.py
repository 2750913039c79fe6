"""Different kinds of row stacked in one query (UNION ALL), told apart by a `kind` column.

The first SELECT of a UNION decides how each column is read back (and PostgreSQL types a
column that two stacked SELECTs leave NULL as text), so a column the first kind leaves
empty is a NULL cast to the type of the column that other kinds fill.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, cast, literal_column, null
from sqlalchemy.orm import InstrumentedAttribute


def kind(name: str) -> ColumnElement[str]:
    """The `kind` column of a SELECT stacked with others."""
    return literal_column(f"'{name}'").label("kind")


def none_like(column: InstrumentedAttribute[Any]) -> ColumnElement[Any]:
    """NULL of `column`'s type (and read back as it is)."""
    return cast(null(), column.type)
