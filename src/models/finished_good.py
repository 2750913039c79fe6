"""Finished goods (assembled from units, other goods and packaging), packages, recipients."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from src.models.base import Base, Identified, Timestamped, not_blank, positive
from src.models.catalog import Ingredient
from src.models.enums import Unit
from src.models.recipe import FinishedUnit
from src.models.types import enum_column

EXACTLY_ONE_ITEM = (
    "(finished_unit_id IS NULL AND component_good_id IS NOT NULL) OR "
    "(finished_unit_id IS NOT NULL AND component_good_id IS NULL)"
)


class FinishedGood(Identified, Timestamped, Base):
    """ "Holiday tin = 12 sugar cookies + 6 gingerbread men + 1 tin", with the count on hand."""

    __tablename__ = "finished_goods"
    __table_args__ = (
        CheckConstraint("inventory_count >= 0", name="inventory_count_non_negative"),
        not_blank("name"),
    )

    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    description: Mapped[str | None] = mapped_column(Text)
    inventory_count: Mapped[int] = mapped_column(default=0)
    notes: Mapped[str | None] = mapped_column(Text)
    is_archived: Mapped[bool] = mapped_column(default=False)

    components: Mapped[list[FinishedGoodComponent]] = relationship(
        back_populates="finished_good",
        cascade="all, delete-orphan",
        foreign_keys="FinishedGoodComponent.finished_good_id",
    )
    packaging: Mapped[list[FinishedGoodPackaging]] = relationship(
        back_populates="finished_good", cascade="all, delete-orphan"
    )


class FinishedGoodComponent(Identified, Base):
    """A whole number of finished units or of another finished good inside a finished good."""

    __tablename__ = "finished_good_components"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint(EXACTLY_ONE_ITEM, name="exactly_one_item"),
        CheckConstraint("finished_good_id <> component_good_id", name="not_self"),
        UniqueConstraint("finished_good_id", "finished_unit_id"),
        UniqueConstraint("finished_good_id", "component_good_id"),
    )

    finished_good_id: Mapped[int] = mapped_column(
        ForeignKey("finished_goods.id", ondelete="CASCADE"), index=True
    )
    finished_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("finished_units.id", ondelete="RESTRICT"), index=True
    )
    component_good_id: Mapped[int | None] = mapped_column(
        ForeignKey("finished_goods.id", ondelete="RESTRICT"), index=True
    )
    quantity: Mapped[int]

    finished_good: Mapped[FinishedGood] = relationship(
        back_populates="components", foreign_keys=[finished_good_id]
    )
    finished_unit: Mapped[FinishedUnit | None] = relationship()
    component_good: Mapped[FinishedGood | None] = relationship(foreign_keys=[component_good_id])


class FinishedGoodPackaging(Identified, Base):
    """Packaging ingredient used per finished good ("1 tin", "0.5 m ribbon")."""

    __tablename__ = "finished_good_packaging"
    __table_args__ = (positive("quantity"), UniqueConstraint("finished_good_id", "ingredient_id"))

    finished_good_id: Mapped[int] = mapped_column(
        ForeignKey("finished_goods.id", ondelete="CASCADE"), index=True
    )
    ingredient_id: Mapped[int] = mapped_column(
        ForeignKey("ingredients.id", ondelete="RESTRICT"), index=True
    )
    quantity: Mapped[Decimal]
    unit: Mapped[Unit] = mapped_column(enum_column(Unit, "packaging_unit"), default=Unit.EACH)

    finished_good: Mapped[FinishedGood] = relationship(back_populates="packaging")
    ingredient: Mapped[Ingredient] = relationship()


class Package(Identified, Timestamped, Base):
    """What a recipient receives: finished goods × quantity, plus packaging."""

    __tablename__ = "packages"
    __table_args__ = (not_blank("name"),)

    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    description: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    is_archived: Mapped[bool] = mapped_column(default=False)

    finished_goods: Mapped[list[PackageFinishedGood]] = relationship(
        back_populates="package", cascade="all, delete-orphan"
    )
    packaging: Mapped[list[PackagePackaging]] = relationship(
        back_populates="package", cascade="all, delete-orphan"
    )


class PackageFinishedGood(Identified, Base):
    __tablename__ = "package_finished_goods"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        UniqueConstraint("package_id", "finished_good_id"),
    )

    package_id: Mapped[int] = mapped_column(
        ForeignKey("packages.id", ondelete="CASCADE"), index=True
    )
    finished_good_id: Mapped[int] = mapped_column(
        ForeignKey("finished_goods.id", ondelete="RESTRICT"), index=True
    )
    quantity: Mapped[int]

    package: Mapped[Package] = relationship(back_populates="finished_goods")
    finished_good: Mapped[FinishedGood] = relationship()


class PackagePackaging(Identified, Base):
    __tablename__ = "package_packaging"
    __table_args__ = (positive("quantity"), UniqueConstraint("package_id", "ingredient_id"))

    package_id: Mapped[int] = mapped_column(
        ForeignKey("packages.id", ondelete="CASCADE"), index=True
    )
    ingredient_id: Mapped[int] = mapped_column(
        ForeignKey("ingredients.id", ondelete="RESTRICT"), index=True
    )
    quantity: Mapped[Decimal]
    unit: Mapped[Unit] = mapped_column(
        enum_column(Unit, "package_packaging_unit"), default=Unit.EACH
    )

    package: Mapped[Package] = relationship(back_populates="packaging")
    ingredient: Mapped[Ingredient] = relationship()


class Recipient(Identified, Timestamped, Base):
    """A person or household who receives packages."""

    __tablename__ = "recipients"
    __table_args__ = (not_blank("name"),)

    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    household_name: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    allergies: Mapped[str | None] = mapped_column(Text)
    is_archived: Mapped[bool] = mapped_column(default=False)
