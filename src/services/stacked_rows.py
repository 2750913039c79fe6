"""Different kinds of row stacked in one query (UNION ALL), told apart by a `kind` column.

The first SELECT of a UNION decides how each column is read back, so a column that kind
leaves empty there is a NULL typed like the column that other kinds fill.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, literal_column, null, type_coerce
from sqlalchemy.orm import InstrumentedAttribute


def kind(name: str) -> ColumnElement[str]:
    """The `kind` column of a SELECT stacked with others."""
    return literal_column(f"'{name}'").label("kind")


def none_like(column: InstrumentedAttribute[Any]) -> ColumnElement[Any]:
    """NULL, read back as `column` is."""
    return type_coerce(null(), column.type)
