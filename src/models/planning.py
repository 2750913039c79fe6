"""Planning results: batch decisions, calculated plans, the frozen plan and its amendments."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    ForeignKeyConstraint,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from src.models.base import Base, Identified, Timestamped, not_blank, utc_now
from src.models.enums import AmendmentType
from src.models.event import Event
from src.models.recipe import FinishedUnit, Recipe
from src.models.types import enum_column


class BatchDecision(Identified, Timestamped, Base):
    """How many batches of a finished unit's recipe the baker chose for an event."""

    __tablename__ = "batch_decisions"
    __table_args__ = (
        CheckConstraint("batches > 0", name="batches_positive"),
        UniqueConstraint("event_id", "finished_unit_id"),
        # The recipe must be the finished unit's own recipe.
        ForeignKeyConstraint(
            ["finished_unit_id", "recipe_id"],
            ["finished_units.id", "finished_units.recipe_id"],
            ondelete="RESTRICT",
            name="fk_batch_decisions_unit_recipe",
        ),
    )

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    recipe_id: Mapped[int] = mapped_column(
        ForeignKey("recipes.id", ondelete="RESTRICT"), index=True
    )
    finished_unit_id: Mapped[int] = mapped_column(index=True)
    batches: Mapped[int]
    confirmed_shortfall: Mapped[bool] = mapped_column(default=False)

    event: Mapped[Event] = relationship(back_populates="batch_decisions")
    recipe: Mapped[Recipe] = relationship(overlaps="finished_unit")
    finished_unit: Mapped[FinishedUnit] = relationship(overlaps="recipe")


class ProductionPlanSnapshot(Identified, Timestamped, Base):
    """A calculated plan with the inputs it was calculated from, so staleness can be named."""

    __tablename__ = "production_plan_snapshots"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    calculated_at: Mapped[datetime] = mapped_column(default=utc_now)
    input_hash: Mapped[str | None] = mapped_column(String(64))
    input_data: Mapped[dict[str, Any] | None] = mapped_column(deferred=True)
    # The input revision (revision.py) at which is_stale was last worked out.
    checked_revision: Mapped[str | None] = mapped_column(String(32))
    requirements_updated_at: Mapped[datetime | None]
    recipes_updated_at: Mapped[datetime | None]
    bundles_updated_at: Mapped[datetime | None]
    calculation_results: Mapped[dict[str, Any]]
    is_stale: Mapped[bool] = mapped_column(default=False)
    stale_reason: Mapped[str | None] = mapped_column(Text)
    shopping_complete: Mapped[bool] = mapped_column(default=False)
    shopping_completed_at: Mapped[datetime | None]

    event: Mapped[Event] = relationship(back_populates="production_plan_snapshots")


class PlanSnapshot(Identified, Base):
    """The plan as it stood when production started (one per event)."""

    __tablename__ = "plan_snapshots"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), unique=True, index=True
    )
    snapshot_data: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    event: Mapped[Event] = relationship(back_populates="plan_snapshot")


class PlanAmendment(Identified, Base):
    """An append-only change to a plan made during production, with the baker's reason."""

    __tablename__ = "plan_amendments"
    __table_args__ = (not_blank("reason"),)

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    amendment_type: Mapped[AmendmentType] = mapped_column(
        enum_column(AmendmentType, "amendment_type")
    )
    amendment_data: Mapped[dict[str, Any]]
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    event: Mapped[Event] = relationship(back_populates="plan_amendments")
