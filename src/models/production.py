"""What actually happened: production runs and their losses, assembly runs."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from src.models.base import Base, Identified, non_negative, positive, utc_now
from src.models.catalog import Ingredient
from src.models.enums import LossCategory, ProductionStatus, Unit
from src.models.event import Event
from src.models.finished_good import FinishedGood
from src.models.recipe import FinishedUnit, Recipe
from src.models.types import enum_column

STATUS_MATCHES_YIELD = (
    "(production_status = 'complete' AND actual_yield = expected_yield) OR "
    "(production_status = 'partial_loss' AND actual_yield > 0 AND actual_yield < expected_yield)"
    " OR (production_status = 'total_loss' AND actual_yield = 0)"
)


class ProductionRun(Identified, Base):
    """Batches baked (for an event or not); its lot consumption is in stock_movements."""

    __tablename__ = "production_runs"
    __table_args__ = (
        CheckConstraint("batches > 0", name="batches_positive"),
        positive("scale_factor"),
        CheckConstraint("expected_yield >= 0", name="expected_yield_non_negative"),
        CheckConstraint("actual_yield >= 0", name="actual_yield_non_negative"),
        CheckConstraint("actual_yield <= expected_yield", name="actual_within_expected"),
        CheckConstraint("loss_quantity >= 0", name="loss_non_negative"),
        CheckConstraint("loss_quantity = expected_yield - actual_yield", name="loss_matches"),
        CheckConstraint(STATUS_MATCHES_YIELD, name="status_matches_yield"),
        non_negative("total_ingredient_cost"),
        non_negative("cost_per_unit"),
    )

    recipe_id: Mapped[int] = mapped_column(
        ForeignKey("recipes.id", ondelete="RESTRICT"), index=True
    )
    finished_unit_id: Mapped[int] = mapped_column(
        ForeignKey("finished_units.id", ondelete="RESTRICT"), index=True
    )
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="RESTRICT"), index=True
    )
    batches: Mapped[int]
    scale_factor: Mapped[Decimal] = mapped_column(default=Decimal(1))
    expected_yield: Mapped[int]
    actual_yield: Mapped[int]
    production_status: Mapped[ProductionStatus] = mapped_column(
        enum_column(ProductionStatus, "production_status"),
        default=ProductionStatus.COMPLETE,
        index=True,
    )
    loss_quantity: Mapped[int] = mapped_column(default=0)
    # NULL when some consumed lot had no known cost: the cost is unknown, not zero.
    total_ingredient_cost: Mapped[Decimal | None]
    cost_per_unit: Mapped[Decimal | None]
    recorded_with_shortfall: Mapped[bool] = mapped_column(default=False)
    produced_at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    notes: Mapped[str | None] = mapped_column(Text)

    recipe: Mapped[Recipe] = relationship()
    finished_unit: Mapped[FinishedUnit] = relationship()
    event: Mapped[Event | None] = relationship()
    losses: Mapped[list[ProductionLoss]] = relationship(back_populates="production_run")
    shortfalls: Mapped[list[ProductionShortfall]] = relationship(
        back_populates="production_run", cascade="all, delete-orphan", passive_deletes=True
    )


class ProductionShortfall(Identified, Base):
    """Ingredient a run used beyond stock ("record anyway"), costed at the latest price."""

    __tablename__ = "production_shortfalls"
    __table_args__ = (positive("quantity"), non_negative("unit_cost"))

    production_run_id: Mapped[int] = mapped_column(
        ForeignKey("production_runs.id", ondelete="CASCADE"), index=True
    )
    ingredient_id: Mapped[int] = mapped_column(
        ForeignKey("ingredients.id", ondelete="RESTRICT"), index=True
    )
    quantity: Mapped[Decimal]
    unit: Mapped[Unit] = mapped_column(enum_column(Unit, "shortfall_unit"))
    unit_cost: Mapped[Decimal | None]

    production_run: Mapped[ProductionRun] = relationship(back_populates="shortfalls")
    ingredient: Mapped[Ingredient] = relationship()


class ProductionLoss(Identified, Base):
    """Lost items of a run; kept as an audit trail even if the run is voided."""

    __tablename__ = "production_losses"
    __table_args__ = (
        CheckConstraint("loss_quantity > 0", name="loss_quantity_positive"),
        non_negative("per_unit_cost"),
        non_negative("total_loss_cost"),
    )

    production_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("production_runs.id", ondelete="SET NULL"), index=True
    )
    finished_unit_id: Mapped[int] = mapped_column(
        ForeignKey("finished_units.id", ondelete="RESTRICT"), index=True
    )
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), index=True
    )
    loss_category: Mapped[LossCategory] = mapped_column(
        enum_column(LossCategory, "loss_category"), default=LossCategory.OTHER, index=True
    )
    loss_quantity: Mapped[int]
    per_unit_cost: Mapped[Decimal | None]
    total_loss_cost: Mapped[Decimal | None]
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    production_run: Mapped[ProductionRun | None] = relationship(back_populates="losses")
    finished_unit: Mapped[FinishedUnit] = relationship()


class AssemblyRun(Identified, Base):
    """Finished goods assembled from units/goods on hand (packaging via stock_movements)."""

    __tablename__ = "assembly_runs"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        non_negative("total_cost"),
    )

    finished_good_id: Mapped[int] = mapped_column(
        ForeignKey("finished_goods.id", ondelete="RESTRICT"), index=True
    )
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="RESTRICT"), index=True
    )
    quantity: Mapped[int]
    total_cost: Mapped[Decimal | None]
    assembled_at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    notes: Mapped[str | None] = mapped_column(Text)

    finished_good: Mapped[FinishedGood] = relationship()
    event: Mapped[Event | None] = relationship()
    consumptions: Mapped[list[AssemblyConsumption]] = relationship(
        back_populates="assembly_run", cascade="all, delete-orphan", passive_deletes=True
    )


class AssemblyConsumption(Identified, Base):
    """Finished units or goods taken from inventory by an assembly run."""

    __tablename__ = "assembly_consumptions"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint(
            "(finished_unit_id IS NULL) <> (finished_good_id IS NULL)", name="exactly_one_item"
        ),
        non_negative("unit_cost"),
    )

    assembly_run_id: Mapped[int] = mapped_column(
        ForeignKey("assembly_runs.id", ondelete="CASCADE"), index=True
    )
    finished_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("finished_units.id", ondelete="RESTRICT"), index=True
    )
    finished_good_id: Mapped[int | None] = mapped_column(
        ForeignKey("finished_goods.id", ondelete="RESTRICT"), index=True
    )
    quantity: Mapped[int]
    unit_cost: Mapped[Decimal | None]

    assembly_run: Mapped[AssemblyRun] = relationship(back_populates="consumptions")
    finished_unit: Mapped[FinishedUnit | None] = relationship()
    finished_good: Mapped[FinishedGood | None] = relationship()
