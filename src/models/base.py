"""Declarative base, naming convention and the columns every table shares."""

from __future__ import annotations

import uuid as uuid_module
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import JSON, CheckConstraint, DateTime, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from src.models.types import ExactDecimal

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    """Naive UTC timestamp (SQLite keeps no time zone, so every stored time is UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


def new_uuid() -> str:
    return str(uuid_module.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        Decimal: ExactDecimal(),
        datetime: DateTime(),
        dict[str, Any]: JSON(),
    }


class Identified:
    """Integer key for joins plus a UUID that identifies the row across export/import."""

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)


class Timestamped:
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


def positive(column: str) -> CheckConstraint:
    """CHECK column > 0 (CAST so that SQLite's text-stored decimals compare as numbers)."""
    return CheckConstraint(f"CAST({column} AS NUMERIC) > 0", name=f"{column}_positive")


def non_negative(column: str) -> CheckConstraint:
    """CHECK column >= 0; NULL (unknown) passes."""
    return CheckConstraint(f"CAST({column} AS NUMERIC) >= 0", name=f"{column}_non_negative")


def not_blank(column: str) -> CheckConstraint:
    return CheckConstraint(f"length(trim({column})) > 0", name=f"{column}_not_blank")
