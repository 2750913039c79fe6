"""Inventory: purchases, the lots they create, and the ledger of every stock movement."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    ColumnElement,
    ForeignKey,
    Index,
    Numeric,
    String,
    Text,
    cast,
    literal_column,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from src.models.base import Base, Identified, Timestamped, non_negative, positive, utc_now
from src.models.catalog import Product, Supplier
from src.models.enums import MovementKind
from src.models.types import enum_column


class Purchase(Identified, Base):
    """A purchase as it happened; never edited afterwards (its price is history)."""

    __tablename__ = "purchases"
    __table_args__ = (positive("packages_bought"), non_negative("price_per_package"))

    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="RESTRICT"), index=True
    )
    supplier_id: Mapped[int | None] = mapped_column(
        ForeignKey("suppliers.id", ondelete="RESTRICT"), index=True
    )
    purchase_date: Mapped[date] = mapped_column(index=True)
    packages_bought: Mapped[Decimal]
    price_per_package: Mapped[Decimal]
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    product: Mapped[Product] = relationship()
    supplier: Mapped[Supplier | None] = relationship()


# The latest price per product: each product's purchases, newest first, with their prices (a
# product's latest price and date are read from the index alone).
Index(
    "ix_purchases_product_latest",
    Purchase.product_id,
    Purchase.purchase_date.desc(),
    Purchase.id.desc(),
    Purchase.price_per_package,
)


class InventoryItem(Identified, Timestamped, Base):
    """A lot: stock from one purchase (or an opening balance), in the product's unit."""

    __tablename__ = "inventory_items"
    __table_args__ = (
        positive("initial_quantity"),
        non_negative("remaining_quantity"),
        non_negative("unit_cost"),
        CheckConstraint(
            "CAST(remaining_quantity AS NUMERIC) <= CAST(initial_quantity AS NUMERIC)",
            name="remaining_within_initial",
        ),
    )

    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="RESTRICT"), index=True
    )
    purchase_id: Mapped[int | None] = mapped_column(
        ForeignKey("purchases.id", ondelete="RESTRICT"), unique=True
    )
    initial_quantity: Mapped[Decimal]
    remaining_quantity: Mapped[Decimal]
    unit_cost: Mapped[Decimal | None]
    purchase_date: Mapped[date] = mapped_column(index=True)
    expiry_date: Mapped[date | None]
    location: Mapped[str | None] = mapped_column(String(100))
    notes: Mapped[str | None] = mapped_column(Text)

    product: Mapped[Product] = relationship(back_populates="lots")
    purchase: Mapped[Purchase | None] = relationship()
    movements: Mapped[list[StockMovement]] = relationship(back_populates="lot")


class StockMovement(Identified, Base):
    """One change of a lot's remaining quantity; the lot's movements sum to what remains."""

    __tablename__ = "stock_movements"
    __table_args__ = (
        CheckConstraint("CAST(quantity AS NUMERIC) <> 0", name="quantity_nonzero"),
        non_negative("unit_cost"),
    )

    inventory_item_id: Mapped[int] = mapped_column(
        ForeignKey("inventory_items.id", ondelete="RESTRICT"), index=True
    )
    kind: Mapped[MovementKind] = mapped_column(enum_column(MovementKind, "movement_kind"))
    quantity: Mapped[Decimal]
    unit_cost: Mapped[Decimal | None]
    production_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("production_runs.id", ondelete="SET NULL"), index=True
    )
    assembly_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("assembly_runs.id", ondelete="SET NULL"), index=True
    )
    # Packaging used when a recipient's package was assembled.
    recipient_package_id: Mapped[int | None] = mapped_column(
        ForeignKey("event_recipient_packages.id", ondelete="SET NULL"), index=True
    )
    note: Mapped[str | None] = mapped_column(Text)
    occurred_at: Mapped[datetime] = mapped_column(default=utc_now, index=True)

    lot: Mapped[InventoryItem] = relationship(back_populates="movements")


def lot_has_stock() -> ColumnElement[bool]:
    """Lots with something left (the text-stored Decimal compared as a number; portable to
    PostgreSQL's NUMERIC). The literal 0 is inlined so SQLite can match the partial index."""
    return cast(InventoryItem.remaining_quantity, Numeric) > literal_column("0")


# Lots in stock per product, in FIFO order: most lots of a long history are empty. It also
# holds what the stock queries read, so it covers them: as a covering index SQLite prefers it
# to ix_inventory_items_product_id without needing ANALYZE statistics.
Index(
    "ix_inventory_items_in_stock",
    InventoryItem.product_id,
    InventoryItem.purchase_date,
    InventoryItem.id,
    InventoryItem.remaining_quantity,
    InventoryItem.unit_cost,
    sqlite_where=lot_has_stock(),
    postgresql_where=lot_has_stock(),
)
