"""Inventory lots: what is on the shelf, manual adjustments, and consuming an ingredient by FIFO.

Every change of a lot goes through the stock ledger (`src/services/stock.py`); FIFO itself is
`stock.plan_consumption` / `stock.apply_allocation`, never re-implemented here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from src.models import (
    Ingredient,
    InventoryItem,
    MovementKind,
    Product,
    StockMovement,
    Unit,
    lot_has_stock,
)
from src.services.database import Database
from src.services.errors import InsufficientStockError, ValidationError
from src.services.fifo import FifoAllocation
from src.services.lookup import get_or_fail
from src.services.pages import PAGE_ROWS, Page, holding, search_words
from src.services.prices import product_label
from src.services.quantity_format import format_quantity
from src.services.recipe_loading import load_ingredient_infos
from src.services.records import clean_text, positive_quantity, whole_count
from src.services.stock import (
    StockShortError,
    apply_allocation,
    plan_consumption,
    record_movement,
    shortfalls_of,
)
from src.services.units import convert, parse_unit

ADJUSTMENT_KINDS = (
    MovementKind.SPOILAGE,
    MovementKind.GIFT,
    MovementKind.CORRECTION,
    MovementKind.OTHER,
)
REMOVAL_ONLY_KINDS = (MovementKind.SPOILAGE, MovementKind.GIFT)  # they only take stock away
NOTE_REQUIRED_KINDS = (MovementKind.OTHER,)  # the note says what happened


@dataclass(frozen=True)
class LotView:
    id: int
    product_id: int
    product_label: str
    ingredient_id: int
    ingredient_name: str
    purchase_id: int | None  # None for an opening balance
    purchase_date: date
    expiry_date: date | None
    location: str | None
    notes: str | None
    initial_quantity: Decimal
    remaining_quantity: Decimal
    unit: Unit
    unit_cost: Decimal | None  # per `unit`; None = unknown
    remaining_value: Decimal | None  # None when the unit cost is unknown

    @property
    def is_opening_balance(self) -> bool:
        return self.purchase_id is None


@dataclass(frozen=True)
class MovementView:
    id: int
    kind: MovementKind
    quantity: Decimal  # in the lot's unit; negative = out
    unit_cost: Decimal | None
    note: str | None
    occurred_at: datetime


@dataclass(frozen=True)
class LotTakeView:
    lot_id: int
    product_label: str
    purchase_date: date
    quantity: Decimal  # in the lot's unit
    unit: Unit
    base_quantity: Decimal  # in the ingredient's base unit
    unit_cost: Decimal | None
    cost: Decimal | None  # None when the lot's cost is unknown


@dataclass(frozen=True)
class ConsumptionView:
    """What consuming (or, in a dry run, would consume) an ingredient takes from which lots."""

    ingredient_id: int
    ingredient_name: str
    quantity: Decimal
    unit: Unit
    base_quantity: Decimal
    base_unit: Unit
    takes: tuple[LotTakeView, ...]
    shortfall: Decimal  # base units stock could not cover (dry run only; a real one refuses)
    cost: Decimal | None  # None ("unknown") when a lot taken from has no known cost
    dry_run: bool


def list_lots(db: Database) -> list[LotView]:
    """Lots in stock oldest first (the order FIFO takes them), with remaining quantity and
    value; empty ones are in lots_page."""
    with db.transaction() as s:
        return lot_views(s, lot_has_stock())


def lots_page(db: Database, *, search: str = "", limit: int = PAGE_ROWS) -> Page[LotView]:
    """Every lot in stock and the most recently bought empty ones, up to `limit` lots in all,
    oldest first, of the lots whose product (brand, name) or ingredient holds every word of
    `search`; and how many lots, in stock or empty, do: what "Show empty lots" lists.

    Raises ValidationError (limit, search).
    """
    rows = whole_count(limit, "The number of lots to list")
    matching = _products_holding(search_words(search))
    with db.transaction() as s:
        total, in_stock = s.execute(
            select(func.count(), func.count().filter(lot_has_stock()))
            .select_from(InventoryItem)
            .where(*matching)
        ).one()
        shown = _in_stock_and_newest_empty(matching, max(rows - in_stock, 0))
        return Page(tuple(lot_views(s, shown)), total)


def _in_stock_and_newest_empty(
    matching: list[ColumnElement[bool]], empty: int
) -> ColumnElement[bool]:
    """The matching lots in stock and the `empty` most recently bought matching empty lots, as
    two lists of ids: SQLite reads them through the indexes (5 ms of SQL for 1,000 of 50,000
    lots, not the 40 of scanning every lot for "in stock or among the newest empty")."""
    in_stock = select(InventoryItem.id).where(lot_has_stock(), *matching)
    newest_empty = (
        select(InventoryItem.id)
        .where(~lot_has_stock(), *matching)
        .order_by(InventoryItem.purchase_date.desc(), InventoryItem.id.desc())
        .limit(empty)
    )
    return or_(
        InventoryItem.id.in_(in_stock.correlate(None)),
        InventoryItem.id.in_(newest_empty.correlate(None)),
    )


def _products_holding(words: list[str]) -> list[ColumnElement[bool]]:
    """Lots of the products whose brand, name or ingredient holds every word: each product is
    searched once, not once for each of its lots (5,000 products for 50,000 lots)."""
    if not words:
        return []
    products = (
        select(Product.id)
        .join(Ingredient, Product.ingredient_id == Ingredient.id)
        .where(*(holding(word, Product.brand, Product.name, Ingredient.name) for word in words))
    )
    return [InventoryItem.product_id.in_(products.correlate(None))]


def get_lot(db: Database, lot_id: int) -> LotView:
    """One lot. Raises NotFoundError."""
    with db.transaction() as s:
        get_or_fail(s, InventoryItem, lot_id, "inventory lot")
        return lot_view(s, lot_id)


def lot_history(db: Database, lot_id: int) -> list[MovementView]:
    """The ledger of one lot, oldest first; it sums to the remaining quantity."""
    with db.transaction() as s:
        get_or_fail(s, InventoryItem, lot_id, "inventory lot")
        rows = s.scalars(
            select(StockMovement)
            .where(StockMovement.inventory_item_id == lot_id)
            .order_by(StockMovement.occurred_at, StockMovement.id)
        )
        return [
            MovementView(m.id, m.kind, m.quantity, m.unit_cost, m.note, m.occurred_at) for m in rows
        ]


def update_lot_details(
    db: Database,
    lot_id: int,
    *,
    expiry_date: date | None,
    location: str | None,
    notes: str | None,
) -> LotView:
    """Change where a lot is kept, its expiry and notes (not its quantity). Raises NotFoundError."""
    with db.transaction() as s:
        lot = get_or_fail(s, InventoryItem, lot_id, "inventory lot")
        lot.expiry_date = expiry_date
        lot.location = clean_text(location)
        lot.notes = clean_text(notes)
        s.flush()
        return lot_view(s, lot_id)


def adjust_lot(
    db: Database, lot_id: int, kind: MovementKind, change: Decimal, note: str | None = None
) -> LotView:
    """Add (change > 0) or remove (< 0) stock by hand: spoilage, gift, correction, other.

    Raises NotFoundError, ValidationError (kind, zero change, missing note for OTHER, more than
    was bought), InsufficientStockError (removing more than remains).
    """
    with db.transaction() as s:
        lot = get_or_fail(s, InventoryItem, lot_id, "inventory lot")
        _check_adjustment(lot, kind, change, clean_text(note))
        record_movement(s, lot, change, kind, note=clean_text(note))
        s.flush()
        return lot_view(s, lot_id)


def consume_ingredient(
    db: Database,
    ingredient_id: int,
    quantity: Decimal,
    unit: Unit | str,
    *,
    dry_run: bool = False,
    kind: MovementKind = MovementKind.PRODUCTION,
    note: str | None = None,
) -> ConsumptionView:
    """Take `quantity` of an ingredient from its lots, oldest first across all its products.

    With dry_run nothing changes and a shortfall is reported; otherwise a shortfall raises
    StockShortError (nothing changed). Also raises NotFoundError, ValidationError (quantity,
    missing note for OTHER), ConversionError (a lot's or the given unit cannot be converted).
    """
    if kind in NOTE_REQUIRED_KINDS and clean_text(note) is None:
        raise ValidationError("Say what happened: using stock for 'other' needs a note.")
    with db.transaction() as s:
        ingredient = get_or_fail(s, Ingredient, ingredient_id, "ingredient")
        wanted_unit = parse_unit(unit)
        wanted = positive_quantity(quantity, f"Quantity of {ingredient.name}")
        infos = load_ingredient_infos(s, [ingredient_id])
        info = infos[ingredient_id]
        need = convert(wanted, wanted_unit, info.base_unit, info.density, info.name)
        needs = {ingredient_id: need}
        allocation = plan_consumption(s, needs, infos)[ingredient_id]
        if not dry_run:
            if not allocation.covered:
                action = f"Using {format_quantity(wanted, wanted_unit)} of {ingredient.name}"
                raise StockShortError(
                    shortfalls_of({ingredient_id: allocation}, needs, infos), action
                )
            apply_allocation(s, allocation, kind, note=clean_text(note))
            s.flush()
        return ConsumptionView(
            ingredient_id=ingredient_id,
            ingredient_name=ingredient.name,
            quantity=wanted,
            unit=wanted_unit,
            base_quantity=need,
            base_unit=info.base_unit,
            takes=_take_views(s, allocation),
            shortfall=allocation.shortfall,
            cost=allocation.cost,
            dry_run=dry_run,
        )


def _take_views(s: Session, allocation: FifoAllocation) -> tuple[LotTakeView, ...]:
    taken = InventoryItem.id.in_([t.lot_id for t in allocation.takes])
    lots = {lot.id: lot for lot in lot_views(s, taken)}
    return tuple(
        LotTakeView(
            lot_id=t.lot_id,
            product_label=lots[t.lot_id].product_label,
            purchase_date=lots[t.lot_id].purchase_date,
            quantity=t.quantity,
            unit=t.unit,
            base_quantity=t.base_quantity,
            unit_cost=lots[t.lot_id].unit_cost,
            cost=t.cost,
        )
        for t in allocation.takes
    )


def _check_adjustment(
    lot: InventoryItem, kind: MovementKind, change: Decimal, note: str | None
) -> None:
    if kind not in ADJUSTMENT_KINDS:
        allowed = ", ".join(k.value for k in ADJUSTMENT_KINDS)
        raise ValidationError(f"'{kind}' is not a manual adjustment; use one of: {allowed}.")
    if isinstance(change, bool) or not isinstance(change, Decimal | int) or change == 0:
        raise ValidationError(f"An adjustment needs an exact amount other than zero, not {change}.")
    if kind in REMOVAL_ONLY_KINDS and change > 0:
        raise ValidationError(f"A {kind.value} adjustment can only take stock away.")
    if kind in NOTE_REQUIRED_KINDS and note is None:
        raise ValidationError("Say what happened: an 'other' adjustment needs a note.")
    unit = lot.product.package_unit
    if lot.remaining_quantity + change < 0:
        raise InsufficientStockError(
            f"Only {format_quantity(lot.remaining_quantity, unit)} is left in the "
            f"{lot.product.name} lot of {lot.purchase_date}; cannot take "
            f"{format_quantity(-change, unit)}."
        )
    if lot.remaining_quantity + change > lot.initial_quantity:
        raise ValidationError(
            f"The {lot.product.name} lot of {lot.purchase_date} started with "
            f"{format_quantity(lot.initial_quantity, unit)}; it cannot hold more than that."
        )


def lot_view(s: Session, lot_id: int) -> LotView:
    """The LotView of one lot (helper for services that just changed it)."""
    return lot_views(s, InventoryItem.id == lot_id)[0]


def lot_views(s: Session, *conditions: ColumnElement[bool]) -> list[LotView]:
    """LotViews for the lots that meet `conditions`, oldest first (one query; plain columns,
    no ORM objects to build)."""
    lot = InventoryItem
    rows = s.execute(
        select(lot.id, Product.id, Product.brand, Product.name, Product.ingredient_id,
               Ingredient.name, lot.purchase_id, lot.purchase_date, lot.expiry_date,
               lot.location, lot.notes, lot.initial_quantity, lot.remaining_quantity,
               Product.package_unit, lot.unit_cost)
        .join(Product, lot.product_id == Product.id)
        .join(Ingredient, Product.ingredient_id == Ingredient.id)
        .where(*conditions)
        .order_by(lot.purchase_date, lot.id)
    )  # fmt: skip
    return [_lot_view(tuple(row)) for row in rows]


def _lot_view(row: tuple[Any, ...]) -> LotView:
    (lot_id, product_id, brand, name, ingredient_id, ingredient, purchase_id, bought, expiry,
     location, notes, initial, remaining, unit, unit_cost) = row  # fmt: skip
    return LotView(
        id=lot_id,
        product_id=product_id,
        product_label=product_label(brand, name),
        ingredient_id=ingredient_id,
        ingredient_name=ingredient,
        purchase_id=purchase_id,
        purchase_date=bought,
        expiry_date=expiry,
        location=location,
        notes=notes,
        initial_quantity=initial,
        remaining_quantity=remaining,
        unit=unit,
        unit_cost=unit_cost,
        remaining_value=None if unit_cost is None else remaining * unit_cost,
    )
