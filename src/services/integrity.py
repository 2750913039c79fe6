"""Health check of a database: the file itself and the rules the domain relies on."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import Enum, select, text
from sqlalchemy.orm import Session

from src.models import (
    Base,
    Event,
    FinishedGood,
    FinishedUnit,
    InventoryItem,
    PlanSnapshot,
    PlanState,
    Product,
    StockMovement,
)
from src.services.database import Database


def check_database(db: Database) -> list[str]:
    """Every problem found, in words (empty when all is well)."""
    with db.transaction() as session:
        return [
            *_file_problems(session),
            *_enum_problems(session),
            *_lot_problems(session),
            *_count_problems(session),
            *_plan_problems(session),
        ]


def _file_problems(session: Session) -> list[str]:
    if session.get_bind().dialect.name != "sqlite":
        return []
    found = [row[0] for row in session.execute(text("PRAGMA integrity_check"))]
    problems = [] if found == ["ok"] else [f"Damaged file: {line}" for line in found]
    for table, rowid, parent, _ in session.execute(text("PRAGMA foreign_key_check")):
        problems.append(f"{table} row {rowid} refers to a missing {parent} record.")
    return problems


def _enum_problems(session: Session) -> list[str]:
    """Stored values outside an enumeration (read as raw text: the ORM would refuse them)."""
    problems: list[str] = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if not isinstance(column.type, Enum):
                continue
            allowed = set(column.type.enums)
            raw = session.execute(text(f"SELECT id, {column.name} FROM {table.name}"))
            problems.extend(
                f'{table.name} row {row_id}: {column.name} "{value}" is not one of '
                f"{', '.join(sorted(allowed))}."
                for row_id, value in raw
                if value is not None and value not in allowed
            )
    return problems


def _lot_problems(session: Session) -> list[str]:
    ledger: dict[int, Decimal] = defaultdict(Decimal)
    for lot_id, quantity in session.execute(
        select(StockMovement.inventory_item_id, StockMovement.quantity)
    ):
        ledger[lot_id] += quantity
    problems: list[str] = []
    lots = session.execute(select(InventoryItem, Product.name).join(InventoryItem.product))
    for lot, product in lots:
        name = f'Lot {lot.uuid} of "{product}"'
        if lot.remaining_quantity < 0:
            problems.append(f"{name}: remaining {lot.remaining_quantity} is below zero.")
        if lot.remaining_quantity > lot.initial_quantity:
            problems.append(
                f"{name}: remaining {lot.remaining_quantity} is more than the initial "
                f"{lot.initial_quantity}."
            )
        if ledger[lot.id] != lot.remaining_quantity:
            problems.append(
                f"{name}: its stock movements add up to {ledger[lot.id]}, "
                f"but {lot.remaining_quantity} remains."
            )
    return problems


def _count_problems(session: Session) -> list[str]:
    problems: list[str] = []
    for model in (FinishedUnit, FinishedGood):
        for slug, count in session.execute(
            select(model.slug, model.inventory_count).where(model.inventory_count < 0)
        ):
            problems.append(f'{model.__name__} "{slug}" has {count} on hand (below zero).')
    return problems


def _plan_problems(session: Session) -> list[str]:
    started = (PlanState.IN_PRODUCTION, PlanState.COMPLETED)
    events = session.scalars(
        select(Event.slug)
        .where(Event.plan_state.in_(started))
        .where(~select(PlanSnapshot.id).where(PlanSnapshot.event_id == Event.id).exists())
    )
    return [f'Event "{slug}" is in production but has no frozen plan snapshot.' for slug in events]
