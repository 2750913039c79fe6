"""Catalog: generic ingredients, the products you can buy for them, and suppliers."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from src.models.base import Base, Identified, Timestamped, not_blank, positive
from src.models.enums import IngredientKind, SupplierKind, Unit
from src.models.types import enum_column

if TYPE_CHECKING:
    from src.models.inventory import InventoryItem


class Supplier(Identified, Timestamped, Base):
    __tablename__ = "suppliers"
    __table_args__ = (not_blank("name"),)

    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[SupplierKind] = mapped_column(
        enum_column(SupplierKind, "supplier_kind"), default=SupplierKind.PHYSICAL
    )
    city: Mapped[str | None] = mapped_column(String(100))
    state: Mapped[str | None] = mapped_column(String(50))
    website: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    is_active: Mapped[bool] = mapped_column(default=True)


class Ingredient(Identified, Timestamped, Base):
    """A generic ingredient ("All-purpose flour"); density reads "1 cup = 125 g"."""

    __tablename__ = "ingredients"
    __table_args__ = (
        not_blank("name"),
        positive("density_volume_quantity"),
        positive("density_weight_quantity"),
        CheckConstraint(
            "(density_volume_quantity IS NULL) = (density_volume_unit IS NULL) AND "
            "(density_volume_quantity IS NULL) = (density_weight_quantity IS NULL) AND "
            "(density_volume_quantity IS NULL) = (density_weight_unit IS NULL)",
            name="density_complete",
        ),
    )

    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    category: Mapped[str] = mapped_column(String(200), default="Uncategorized")
    kind: Mapped[IngredientKind] = mapped_column(
        enum_column(IngredientKind, "ingredient_kind"), default=IngredientKind.FOOD
    )
    density_volume_quantity: Mapped[Decimal | None]
    density_volume_unit: Mapped[Unit | None] = mapped_column(
        enum_column(Unit, "density_volume_unit")
    )
    density_weight_quantity: Mapped[Decimal | None]
    density_weight_unit: Mapped[Unit | None] = mapped_column(
        enum_column(Unit, "density_weight_unit")
    )
    notes: Mapped[str | None] = mapped_column(Text)
    is_archived: Mapped[bool] = mapped_column(default=False)

    products: Mapped[list[Product]] = relationship(back_populates="ingredient")


class Product(Identified, Timestamped, Base):
    """A purchasable form of an ingredient: "King Arthur all-purpose flour, 25 lb bag"."""

    __tablename__ = "products"
    __table_args__ = (
        positive("package_quantity"),
        Index(
            "uq_products_preferred_per_ingredient",
            "ingredient_id",
            unique=True,
            sqlite_where=text("is_preferred"),
            postgresql_where=text("is_preferred"),
        ),
    )

    ingredient_id: Mapped[int] = mapped_column(
        ForeignKey("ingredients.id", ondelete="RESTRICT"), index=True
    )
    brand: Mapped[str | None] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(300))
    package_quantity: Mapped[Decimal]
    package_unit: Mapped[Unit] = mapped_column(enum_column(Unit, "package_unit"))
    package_type: Mapped[str | None] = mapped_column(String(50))
    upc: Mapped[str | None] = mapped_column(String(20), index=True)
    is_preferred: Mapped[bool] = mapped_column(default=False)
    is_archived: Mapped[bool] = mapped_column(default=False)
    supplier_id: Mapped[int | None] = mapped_column(
        ForeignKey("suppliers.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str | None] = mapped_column(Text)

    ingredient: Mapped[Ingredient] = relationship(back_populates="products")
    supplier: Mapped[Supplier | None] = relationship()
    lots: Mapped[list[InventoryItem]] = relationship(back_populates="product")
