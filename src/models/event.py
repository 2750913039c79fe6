"""Events and their demand: recipes chosen, items wanted, packages for recipients."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from src.models.base import Base, Identified, Timestamped, not_blank, utc_now
from src.models.enums import OutputMode, PackageStatus, PlanState
from src.models.finished_good import FinishedGood, Package, Recipient
from src.models.recipe import FinishedUnit, Recipe
from src.models.types import enum_column

if TYPE_CHECKING:
    from src.models.planning import (
        BatchDecision,
        PlanAmendment,
        PlanSnapshot,
        ProductionPlanSnapshot,
    )


class Event(Identified, Timestamped, Base):
    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint(
            "expected_attendees IS NULL OR expected_attendees > 0",
            name="expected_attendees_positive",
        ),
        not_blank("name"),
    )

    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    event_date: Mapped[date] = mapped_column(index=True)
    notes: Mapped[str | None] = mapped_column(Text)
    expected_attendees: Mapped[int | None]
    output_mode: Mapped[OutputMode | None] = mapped_column(
        enum_column(OutputMode, "output_mode"), index=True
    )
    plan_state: Mapped[PlanState] = mapped_column(
        enum_column(PlanState, "plan_state"), default=PlanState.DRAFT, index=True
    )

    event_recipes: Mapped[list[EventRecipe]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )
    event_finished_goods: Mapped[list[EventFinishedGood]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )
    recipient_packages: Mapped[list[EventRecipientPackage]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )
    batch_decisions: Mapped[list[BatchDecision]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )
    production_plan_snapshots: Mapped[list[ProductionPlanSnapshot]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )
    plan_snapshot: Mapped[PlanSnapshot | None] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )
    plan_amendments: Mapped[list[PlanAmendment]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )


class EventRecipe(Identified, Base):
    """A recipe selected for an event."""

    __tablename__ = "event_recipes"
    __table_args__ = (UniqueConstraint("event_id", "recipe_id"),)

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    recipe_id: Mapped[int] = mapped_column(
        ForeignKey("recipes.id", ondelete="RESTRICT"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    event: Mapped[Event] = relationship(back_populates="event_recipes")
    recipe: Mapped[Recipe] = relationship()


class EventFinishedGood(Identified, Timestamped, Base):
    """Demand: how many of a finished good (BUNDLED) or finished unit (BULK_COUNT)."""

    __tablename__ = "event_finished_goods"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint(
            "(finished_good_id IS NULL) <> (finished_unit_id IS NULL)", name="exactly_one_item"
        ),
        UniqueConstraint("event_id", "finished_good_id"),
        UniqueConstraint("event_id", "finished_unit_id"),
    )

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    finished_good_id: Mapped[int | None] = mapped_column(
        ForeignKey("finished_goods.id", ondelete="RESTRICT"), index=True
    )
    finished_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("finished_units.id", ondelete="RESTRICT"), index=True
    )
    quantity: Mapped[int]

    event: Mapped[Event] = relationship(back_populates="event_finished_goods")
    finished_good: Mapped[FinishedGood | None] = relationship()
    finished_unit: Mapped[FinishedUnit | None] = relationship()


class EventRecipientPackage(Identified, Timestamped, Base):
    """A package for a recipient at an event, tracked PENDING → ASSEMBLED → DELIVERED."""

    __tablename__ = "event_recipient_packages"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        UniqueConstraint("event_id", "recipient_id", "package_id"),
        CheckConstraint(
            "(status = 'delivered') = (delivered_at IS NOT NULL)", name="delivered_has_time"
        ),
    )

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    recipient_id: Mapped[int] = mapped_column(
        ForeignKey("recipients.id", ondelete="RESTRICT"), index=True
    )
    package_id: Mapped[int] = mapped_column(
        ForeignKey("packages.id", ondelete="RESTRICT"), index=True
    )
    quantity: Mapped[int] = mapped_column(default=1)
    status: Mapped[PackageStatus] = mapped_column(
        enum_column(PackageStatus, "package_status"), default=PackageStatus.PENDING, index=True
    )
    delivered_to: Mapped[str | None] = mapped_column(String(500))
    delivered_at: Mapped[datetime | None]
    assembled_at: Mapped[datetime | None]
    notes: Mapped[str | None] = mapped_column(Text)

    event: Mapped[Event] = relationship(back_populates="recipient_packages")
    recipient: Mapped[Recipient] = relationship()
    package: Mapped[Package] = relationship()
    reservations: Mapped[list[PackageReservation]] = relationship(
        back_populates="recipient_package", cascade="all, delete-orphan", passive_deletes=True
    )


class PackageReservation(Identified, Base):
    """Assembled finished goods set aside for one recipient package (no double claims)."""

    __tablename__ = "package_reservations"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        UniqueConstraint("recipient_package_id", "finished_good_id"),
    )

    recipient_package_id: Mapped[int] = mapped_column(
        ForeignKey("event_recipient_packages.id", ondelete="CASCADE"), index=True
    )
    finished_good_id: Mapped[int] = mapped_column(
        ForeignKey("finished_goods.id", ondelete="RESTRICT"), index=True
    )
    quantity: Mapped[int]

    recipient_package: Mapped[EventRecipientPackage] = relationship(back_populates="reservations")
    finished_good: Mapped[FinishedGood] = relationship()
