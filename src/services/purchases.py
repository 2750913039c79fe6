"""Purchases (each creates its lot), price history, and opening balances of stock on hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from src.models import InventoryItem, MovementKind, Product, Purchase, Supplier, Unit
from src.services.database import Database
from src.services.errors import ValidationError
from src.services.inventory import LotView, lot_view
from src.services.lookup import get_or_fail
from src.services.pages import PAGE_ROWS, Page, holding, search_words
from src.services.prices import product_label
from src.services.records import clean_text, positive_quantity, whole_count
from src.services.stock import record_movement
from src.services.units import ratio_to_decimal


@dataclass(frozen=True)
class PurchaseInput:
    product_id: int
    purchase_date: date
    packages_bought: Decimal
    price_per_package: Decimal
    supplier_id: int | None = None  # None = the product's usual supplier, if any
    notes: str | None = None
    expiry_date: date | None = None
    location: str | None = None


@dataclass(frozen=True)
class OpeningBalanceInput:
    """Stock already on the shelf when you start tracking; its price may be unknown."""

    product_id: int
    quantity: Decimal  # in the product's package unit
    as_of: date
    price_per_package: Decimal | None = None
    expiry_date: date | None = None
    location: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class PurchaseView:
    id: int
    product_id: int
    product_label: str
    supplier_id: int | None
    supplier_name: str | None
    purchase_date: date
    packages_bought: Decimal
    price_per_package: Decimal
    total_price: Decimal
    unit_cost: Decimal  # per `unit` (price per package ÷ package quantity)
    unit: Unit
    lot_id: int | None
    notes: str | None


def lot_unit_cost(price_per_package: Decimal, package_quantity: Decimal) -> Decimal:
    """Cost of one unit of a lot: price per package ÷ package quantity."""
    price, price_per = price_per_package.as_integer_ratio()
    quantity, quantity_per = package_quantity.as_integer_ratio()
    return ratio_to_decimal(price * quantity_per, price_per * quantity)


def record_purchase(db: Database, data: PurchaseInput) -> PurchaseView:
    """Record a purchase and the lot it puts on the shelf (with its PURCHASE movement).

    Raises NotFoundError (product, supplier), ValidationError (amounts).
    """
    with db.transaction() as s:
        product = get_or_fail(s, Product, data.product_id, "product")
        supplier_id = data.supplier_id if data.supplier_id is not None else product.supplier_id
        if supplier_id is not None:
            get_or_fail(s, Supplier, supplier_id, "supplier")
        purchase = Purchase(
            product_id=product.id,
            supplier_id=supplier_id,
            purchase_date=data.purchase_date,
            packages_bought=positive_quantity(data.packages_bought, "Packages bought"),
            price_per_package=_price(data.price_per_package),
            notes=clean_text(data.notes),
        )
        s.add(purchase)
        s.flush()
        _new_lot(
            s,
            product,
            purchase.packages_bought * product.package_quantity,
            lot_unit_cost(purchase.price_per_package, product.package_quantity),
            data.purchase_date,
            purchase_id=purchase.id,
            expiry_date=data.expiry_date,
            location=clean_text(data.location),
        )
        return _purchase_views(s, Purchase.id == purchase.id)[0]


def record_opening_balance(db: Database, data: OpeningBalanceInput) -> LotView:
    """Put stock you already had on the shelf as a lot (an OPENING_BALANCE movement).

    Raises NotFoundError (product), ValidationError (amounts).
    """
    with db.transaction() as s:
        product = get_or_fail(s, Product, data.product_id, "product")
        price = data.price_per_package
        lot = _new_lot(
            s,
            product,
            positive_quantity(data.quantity, "Quantity on hand"),
            None if price is None else lot_unit_cost(_price(price), product.package_quantity),
            data.as_of,
            expiry_date=data.expiry_date,
            location=clean_text(data.location),
            notes=clean_text(data.notes),
        )
        return lot_view(s, lot.id)


def price_history(db: Database, product_id: int) -> list[PurchaseView]:
    """Every purchase of a product, newest first. Raises NotFoundError."""
    with db.transaction() as s:
        get_or_fail(s, Product, product_id, "product")
        return _purchase_views(s, Purchase.product_id == product_id)


RECENT = timedelta(days=365)  # the Purchases tab lists these unless older ones are asked for


def list_purchases(
    db: Database, *, ingredient_id: int | None = None, since: date | None = None
) -> list[PurchaseView]:
    """Purchases newest first, optionally of one ingredient's products and from a date."""
    conditions = []
    if ingredient_id is not None:
        conditions.append(Product.ingredient_id == ingredient_id)
    if since is not None:
        conditions.append(Purchase.purchase_date >= since)
    with db.transaction() as s:
        return _purchase_views(s, *conditions)


def purchases_page(db: Database, *, search: str = "", limit: int = PAGE_ROWS) -> Page[PurchaseView]:
    """The newest `limit` purchases of every year whose product (brand, name) or supplier holds
    every word of `search`, and how many do: what "Show older purchases" lists.

    Raises ValidationError (limit, search).
    """
    rows = whole_count(limit, "The number of purchases to list")
    words = [or_(_product_holding(w), _supplier_holding(w)) for w in search_words(search)]
    with db.transaction() as s:
        total = s.execute(select(func.count()).select_from(Purchase).where(*words)).scalar_one()
        return Page(tuple(_purchase_views(s, *words, limit=rows)), total)


def _product_holding(word: str) -> ColumnElement[bool]:
    # Products and suppliers are searched once each, not once per purchase: 50,000 purchases
    # are 5,000 products and 10 suppliers (3 ms, not 80, for a search of ten years).
    products = select(Product.id).where(holding(word, Product.brand, Product.name))
    return Purchase.product_id.in_(products.correlate(None))


def _supplier_holding(word: str) -> ColumnElement[bool]:
    suppliers = select(Supplier.id).where(holding(word, Supplier.name))
    return Purchase.supplier_id.in_(suppliers.correlate(None))


def _price(value: Decimal) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int) or value < 0:
        raise ValidationError(f"Price per package must be $0 or more, not {value}.")
    return Decimal(value)


def _new_lot(
    s: Session,
    product: Product,
    quantity: Decimal,
    unit_cost: Decimal | None,
    bought: date,
    *,
    purchase_id: int | None = None,
    expiry_date: date | None = None,
    location: str | None = None,
    notes: str | None = None,
) -> InventoryItem:
    """A lot starting empty whose first movement fills it, so its ledger sums to what remains."""
    lot = InventoryItem(
        product_id=product.id,
        purchase_id=purchase_id,
        initial_quantity=quantity,
        remaining_quantity=Decimal(0),
        unit_cost=unit_cost,
        purchase_date=bought,
        expiry_date=expiry_date,
        location=location,
        notes=notes,
    )
    s.add(lot)
    s.flush()
    kind = MovementKind.PURCHASE if purchase_id is not None else MovementKind.OPENING_BALANCE
    record_movement(s, lot, quantity, kind)
    s.flush()
    return lot


def _purchase_views(
    s: Session, *conditions: ColumnElement[bool], limit: int | None = None
) -> list[PurchaseView]:
    """The purchases that meet `conditions`, newest first, the first `limit` of them if given
    (plain columns: no ORM objects)."""
    rows = s.execute(
        select(Purchase.id, Product.id, Product.brand, Product.name, Purchase.supplier_id,
               Supplier.name, Purchase.purchase_date, Purchase.packages_bought,
               Purchase.price_per_package, Product.package_quantity, Product.package_unit,
               InventoryItem.id, Purchase.notes)
        .join(Product, Purchase.product_id == Product.id)
        .outerjoin(Supplier, Purchase.supplier_id == Supplier.id)
        .outerjoin(InventoryItem, InventoryItem.purchase_id == Purchase.id)
        .where(*conditions)
        .order_by(Purchase.purchase_date.desc(), Purchase.id.desc())
        .limit(limit)
    )  # fmt: skip
    return [_purchase_view(tuple(row)) for row in rows]


def _purchase_view(row: tuple[Any, ...]) -> PurchaseView:
    (purchase_id, product_id, brand, name, supplier_id, supplier, bought, packages, price,
     package_quantity, unit, lot_id, notes) = row  # fmt: skip
    return PurchaseView(
        id=purchase_id,
        product_id=product_id,
        product_label=product_label(brand, name),
        supplier_id=supplier_id,
        supplier_name=supplier,
        purchase_date=bought,
        packages_bought=packages,
        price_per_package=price,
        total_price=packages * price,
        unit_cost=lot_unit_cost(price, package_quantity),
        unit=unit,
        lot_id=lot_id,
        notes=notes,
    )
