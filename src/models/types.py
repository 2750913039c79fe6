"""Column types shared by all models: exact decimals and lowercase string enums."""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

from sqlalchemy import Enum, Numeric, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine


class ExactDecimal(TypeDecorator[Decimal]):
    """A Decimal stored without any loss.

    SQLite has no decimal type (it would store a float), so there the value is kept as its
    canonical text; PostgreSQL gets a native unconstrained NUMERIC. Floats are refused so a
    float can never sneak into a quantity or an amount of money.
    """

    impl = String(64)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(Numeric(asdecimal=True))
        return dialect.type_descriptor(String(64))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, Decimal | int):
            raise TypeError(f"expected Decimal, got {type(value).__name__}: {value!r}")
        value = Decimal(value)
        if not value.is_finite():
            raise ValueError(f"not a finite number: {value}")
        if dialect.name == "postgresql":
            return value
        return format(value, "f")

    def result_processor(self, dialect: Dialect, coltype: object) -> Any:
        """On SQLite, the column's text straight to a Decimal in one call (lists read tens of
        thousands of them); what SQL works out (a sum) comes as a number and goes through str,
        as in process_result_value."""
        if dialect.name == "postgresql":
            return super().result_processor(dialect, coltype)
        return _decimal_from_text

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(str(value)) if not isinstance(value, Decimal) else value


def _decimal_from_text(value: str | None) -> Decimal | None:
    if value is None:
        return None
    return Decimal(value if isinstance(value, str) else str(value))


def enum_column(enum_cls: type[enum.Enum], name: str) -> Enum:
    """A VARCHAR holding the enum's lowercase value, guarded by a named CHECK constraint."""
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        values_callable=lambda members: [m.value for m in members],
        length=max(len(m.value) for m in enum_cls),
    )
