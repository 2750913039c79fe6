"""Packages for recipients: PENDING → ASSEMBLED → DELIVERED, never skipping or going back.

Assembling a package reserves its finished goods for that recipient (taken off the goods'
inventory count, so two packages cannot claim the same tin) and uses its packaging by FIFO.
Mistakes are corrected only through `undo_delivery` and `unassemble_package`, which say
exactly what they do.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from src.models import (
    Event,
    EventRecipientPackage,
    InventoryItem,
    MovementKind,
    Package,
    PackageReservation,
    PackageStatus,
    Recipient,
    StockMovement,
    utc_now,
)
from src.services.assembly import consume_packaging, plan_packaging, refuse_missing
from src.services.database import Database
from src.services.errors import ValidationError
from src.services.lookup import get_or_fail
from src.services.stock import record_movement


@dataclass(frozen=True)
class PackageCard:
    """One recipient's package at an event, as the delivery board shows it."""

    id: int
    event_id: int
    recipient_id: int
    recipient: str
    package_id: int
    package: str
    quantity: int
    status: PackageStatus
    assembled_at: datetime | None
    delivered_to: str | None
    delivered_at: datetime | None


@dataclass(frozen=True)
class StatusChange:
    card: PackageCard
    message: str  # what was done, in the baker's words


@dataclass(frozen=True)
class DeliveryBoard:
    event_id: int
    event: str
    pending: tuple[PackageCard, ...]
    assembled: tuple[PackageCard, ...]
    delivered: tuple[PackageCard, ...]

    @property
    def total(self) -> int:
        return len(self.pending) + len(self.assembled) + len(self.delivered)


def assemble_package(db: Database, recipient_package_id: int) -> StatusChange:
    """PENDING → ASSEMBLED: reserve the package's finished goods and use its packaging.

    Raises NotFoundError, ValidationError (not pending), InsufficientStockError (what is
    missing), ConversionError.
    """
    with db.transaction() as s:
        erp = _package(s, recipient_package_id)
        _require(erp, PackageStatus.PENDING, "marking it assembled")
        contents = [
            (line.finished_good, line.quantity * erp.quantity)
            for line in erp.package.finished_goods
        ]
        missing = [
            f"{good.name}: need {need}, have {good.inventory_count}, short "
            f"{need - good.inventory_count}"
            for good, need in contents
            if good.inventory_count < need
        ]
        packaging = plan_packaging(s, erp.package.packaging, erp.quantity)
        refuse_missing(f"Assembling {_title(erp)}", [*missing, *packaging.short])
        for good, need in contents:
            good.inventory_count -= need
            erp.reservations.append(PackageReservation(finished_good_id=good.id, quantity=need))
        consume_packaging(s, packaging, f"Packaging for {_title(erp)}", recipient_package_id=erp.id)
        erp.status, erp.assembled_at = PackageStatus.ASSEMBLED, utc_now()
        reserved = ", ".join(f"{need} × {good.name}" for good, need in contents)
        return _changed(s, erp, f"{_title(erp)} is assembled; reserved {reserved or 'nothing'}.")


def deliver_package(
    db: Database,
    recipient_package_id: int,
    *,
    delivered_to: str | None = None,
    delivered_at: datetime | None = None,
) -> StatusChange:
    """ASSEMBLED → DELIVERED, recording to whom (default: the recipient) and when.

    Raises NotFoundError, ValidationError (not assembled).
    """
    with db.transaction() as s:
        erp = _package(s, recipient_package_id)
        _require(erp, PackageStatus.ASSEMBLED, "marking it delivered")
        to = (delivered_to or "").strip() or erp.recipient.name
        erp.status, erp.delivered_to, erp.delivered_at = (
            PackageStatus.DELIVERED, to, delivered_at or utc_now(),
        )  # fmt: skip
        return _changed(s, erp, f"{_title(erp)} was delivered to {erp.delivered_to}.")


def undo_delivery(db: Database, recipient_package_id: int) -> StatusChange:
    """DELIVERED → ASSEMBLED: clears to whom and when; the goods stay reserved for it.

    Raises NotFoundError, ValidationError (not delivered).
    """
    with db.transaction() as s:
        erp = _package(s, recipient_package_id)
        _require(erp, PackageStatus.DELIVERED, "undoing its delivery")
        erp.status, erp.delivered_to, erp.delivered_at = PackageStatus.ASSEMBLED, None, None
        message = (
            f"{_title(erp)} is back to assembled: its delivery record (to whom and when) was "
            "cleared and its goods stay reserved for it."
        )
        return _changed(s, erp, message)


def unassemble_package(db: Database, recipient_package_id: int) -> StatusChange:
    """ASSEMBLED → PENDING: its reserved goods and its packaging go back to inventory.

    Raises NotFoundError, ValidationError (not assembled).
    """
    with db.transaction() as s:
        erp = _package(s, recipient_package_id)
        _require(erp, PackageStatus.ASSEMBLED, "taking it apart")
        released = ", ".join(f"{r.quantity} × {r.finished_good.name}" for r in erp.reservations)
        for reservation in erp.reservations:
            reservation.finished_good.inventory_count += reservation.quantity
        erp.reservations.clear()
        returned = return_package_packaging(s, erp.id, f"Unassembled {_title(erp)}")
        erp.status, erp.assembled_at = PackageStatus.PENDING, None
        message = (
            f"{_title(erp)} is pending again; {released or 'nothing'} went back to inventory"
            + (" and its packaging went back to the pantry." if returned else ".")
        )
        return _changed(s, erp, message)


def return_package_packaging(s: Session, recipient_package_id: int, note: str) -> bool:
    """Put back the packaging still out for a package (its net ledger per lot); True if any."""
    net: dict[int, Decimal] = defaultdict(Decimal)
    for lot_id, quantity in s.execute(
        select(StockMovement.inventory_item_id, StockMovement.quantity).where(
            StockMovement.recipient_package_id == recipient_package_id
        )
    ):
        net[lot_id] += quantity
    lots = {
        lot.id: lot
        for lot in s.scalars(select(InventoryItem).where(InventoryItem.id.in_(list(net))))
    }
    owed = {lot_id: -quantity for lot_id, quantity in net.items() if quantity < 0}
    for lot_id, quantity in owed.items():
        record_movement(
            s, lots[lot_id], quantity, MovementKind.VOID,
            recipient_package_id=recipient_package_id, note=note,
        )  # fmt: skip
    return bool(owed)


def delivery_board(db: Database, event_id: int) -> DeliveryBoard:
    """The event's packages grouped by status (two queries). Raises NotFoundError."""
    with db.transaction() as s:
        event = get_or_fail(s, Event, event_id, "event")
        cards = _cards(s, EventRecipientPackage.event_id == event_id)
        by_status = {
            status: tuple(c for c in cards if c.status is status) for status in PackageStatus
        }
        return DeliveryBoard(
            event.id,
            event.name,
            by_status[PackageStatus.PENDING],
            by_status[PackageStatus.ASSEMBLED],
            by_status[PackageStatus.DELIVERED],
        )


def _package(s: Session, recipient_package_id: int) -> EventRecipientPackage:
    return get_or_fail(s, EventRecipientPackage, recipient_package_id, "recipient package")


def _title(erp: EventRecipientPackage) -> str:
    count = f"{erp.quantity} × " if erp.quantity > 1 else ""
    return f"{count}'{erp.package.name}' for {erp.recipient.name}"


def _require(erp: EventRecipientPackage, needed: PackageStatus, action: str) -> None:
    if erp.status is not needed:
        raise ValidationError(
            f"{_title(erp)} is {erp.status.value}; {action} needs it to be {needed.value}."
        )


def _changed(s: Session, erp: EventRecipientPackage, message: str) -> StatusChange:
    s.flush()
    (card,) = _cards(s, EventRecipientPackage.id == erp.id)
    return StatusChange(card, message)


def _cards(s: Session, condition: ColumnElement[bool]) -> list[PackageCard]:
    rows = s.execute(
        select(EventRecipientPackage, Recipient.name, Package.name)
        .join(Recipient, Recipient.id == EventRecipientPackage.recipient_id)
        .join(Package, Package.id == EventRecipientPackage.package_id)
        .where(condition)
        .order_by(Recipient.name, Package.name, EventRecipientPackage.id)
    )
    return [_card(erp, recipient, package) for erp, recipient, package in rows]


def _card(erp: EventRecipientPackage, recipient: str, package: str) -> PackageCard:
    return PackageCard(
        erp.id, erp.event_id, erp.recipient_id, recipient, erp.package_id, package,
        erp.quantity, erp.status, erp.assembled_at, erp.delivered_to, erp.delivered_at,
    )  # fmt: skip
