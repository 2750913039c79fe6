"""Column values to and from their JSON form, driven by the SQLAlchemy column types."""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Enum, Integer, String

from src.models.types import ExactDecimal


class BadValue(ValueError):
    """A value that does not fit its column; str() says what was expected."""


def to_json_converter(column: Column[Any]) -> Callable[[Any], Any] | None:
    """How a stored non-null value becomes JSON (exact decimal text, ISO dates, enum values);
    None when it is JSON already. Chosen once per column: export runs it for every value."""
    kind = column.type
    if isinstance(kind, ExactDecimal):
        return _decimal_text
    if isinstance(kind, Enum):
        return _enum_value
    if isinstance(kind, Date | DateTime):
        return _iso
    return None


def _decimal_text(value: Decimal) -> str:
    return format(value, "f")


def _enum_value(value: enum.Enum) -> Any:
    return value.value


def _iso(value: date | datetime) -> str:
    return value.isoformat()


def from_json(column: Column[Any], value: Any) -> Any:
    """The Python value for a JSON value; raises BadValue saying what the column needs."""
    kind = column.type
    if isinstance(kind, ExactDecimal):
        return _decimal(value)
    if isinstance(kind, Enum):
        return _enum(kind, value)
    if isinstance(kind, Boolean):
        return _check(value, isinstance(value, bool), "must be true or false")
    if isinstance(kind, Integer):
        ok = isinstance(value, int) and not isinstance(value, bool)
        return _check(value, ok, "must be a whole number")
    if isinstance(kind, DateTime):
        return _datetime(value)
    if isinstance(kind, Date):
        return _date(value)
    if isinstance(kind, String):
        return _text(kind, value)
    if isinstance(kind, JSON):
        return _plain_json(value)
    raise TypeError(f"no JSON form for column type {kind!r}")


def _check(value: Any, ok: bool, message: str) -> Any:
    if not ok:
        raise BadValue(f"{message}, not {_shown(value)}")
    return value


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 60 else text[:57] + "..."


def _decimal(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise BadValue(f'must be a number written as text (like "2.5"), not {_shown(value)}')
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise BadValue(f"must be a number, not {_shown(value)}") from None
    return _check(number, number.is_finite(), "must be a finite number")


def _enum(kind: Enum, value: Any) -> Any:
    allowed = list(kind.enums)
    if value not in allowed:
        raise BadValue(f"{_shown(value)} is not one of: {', '.join(allowed)}")
    return kind.enum_class(value) if kind.enum_class else value


def _text(kind: String, value: Any) -> str:
    _check(value, isinstance(value, str), "must be text")
    if kind.length is not None and len(value) > kind.length:
        raise BadValue(f"is {len(value)} characters long; at most {kind.length} fit")
    return str(value)


def _date(value: Any) -> date:
    try:
        return date.fromisoformat(_check(value, isinstance(value, str), "must be a date"))
    except ValueError:
        raise BadValue(f"must be a date like 2026-12-24, not {_shown(value)}") from None


def _datetime(value: Any) -> datetime:
    try:
        moment = datetime.fromisoformat(
            _check(value, isinstance(value, str), "must be a date and time")
        )
    except ValueError:
        raise BadValue(f"must be a date and time like 2026-12-24T10:00:00, not {value}") from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def _plain_json(value: Any) -> Any:
    """JSON content as the app stores it: the reader's Decimals were floats there."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {key: _plain_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain_json(item) for item in value]
    return value
