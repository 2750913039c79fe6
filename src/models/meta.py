"""Facts about the database itself."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from src.models.base import Base, utc_now

# 2: the input revision and each plan's checked_revision; 3: the indexes that price from
# indexes alone (a product's latest price, the units an ingredient's recipe lines use)
SCHEMA_VERSION = 3


class SchemaInfo(Base):
    """One row: the schema version this database was created with."""

    __tablename__ = "schema_info"

    id: Mapped[int] = mapped_column(primary_key=True)
    schema_version: Mapped[int]
    app_version: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
