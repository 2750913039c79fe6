"""v4 inventory items → lots with an opening balance each; the price list → costs and purchases."""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from src.models import InventoryItem, MovementKind, Product, Purchase, StockMovement, Supplier
from src.services.bake_tracker_v4.catalog import ProductKey, product_key
from src.services.bake_tracker_v4.source import Notes, PriceRow, Record, records


def import_lots(
    session: Session, data: Record, products: dict[ProductKey, Product], notes: Notes
) -> dict[int, list[InventoryItem]]:
    """Lots per product (by Python id of the Product); each opens with its whole quantity."""
    lots: dict[int, list[InventoryItem]] = defaultdict(list)
    for item in records(data, "inventory_items"):
        key = product_key(
            item.get("ingredient_slug"),
            item.get("product_brand"),
            item.get("product_name"),
            item.get("package_unit_quantity"),
            item.get("package_unit"),
        )
        label = " ".join(str(k) for k in key[1:3] if k) or str(key[0])
        product = products.get(key)
        quantity = item.get("quantity")
        when = _date(item.get("purchase_date"))
        if product is None:
            notes.skip("inventory item", label, "its product is not in the file (or was skipped)")
        elif not isinstance(quantity, Decimal | int) or quantity <= 0:
            notes.skip("inventory item", label, "nothing left (quantity is not positive)")
        elif when is None:
            notes.skip("inventory item", label, f'purchase date "{item.get("purchase_date")}"')
        else:
            lots[id(product)].append(_lot(session, product, Decimal(quantity), when, item))
    return lots


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _lot(
    session: Session, product: Product, quantity: Decimal, when: date, item: Record
) -> InventoryItem:
    lot = InventoryItem(
        product=product,
        initial_quantity=quantity,
        remaining_quantity=quantity,
        purchase_date=when,
        location=item.get("location"),
        notes=item.get("notes"),
    )
    lot.movements.append(
        StockMovement(
            kind=MovementKind.OPENING_BALANCE,
            quantity=quantity,
            occurred_at=datetime.combine(when, time()),
            note="Opening balance from bake-tracker v4",
        )
    )
    session.add(lot)
    return lot


def apply_prices(
    session: Session,
    prices: list[PriceRow],
    products: dict[ProductKey, Product],
    lots: dict[int, list[InventoryItem]],
    suppliers: dict[Any, Supplier],
    price_date: date,
    notes: Notes,
) -> int:
    """Set lot costs (price ÷ package quantity) and record purchases; returns purchases made."""
    by_name = {s.name.lower(): s for s in suppliers.values()}
    priced: dict[int, Decimal] = {}
    purchases = 0
    for row in prices:
        product = _match(row, list(products.values()), notes)
        if product is None or row.price is None:
            if product is not None:
                notes.skip("price", _label(row), "no price given")
            continue
        if id(product) in priced:  # the list has a row per lot: repeats are expected
            if priced[id(product)] != row.price:
                notes.skip("price", _label(row), "an earlier row gave another price; it is kept")
            continue
        priced[id(product)] = row.price
        supplier = by_name.get(row.supplier_name.lower())
        purchases += _price(session, product, row.price, lots[id(product)], supplier, price_date)
    return purchases


def _label(row: PriceRow) -> str:
    return f"line {row.line} ({row.brand} {row.product_name})".replace("  ", " ")


def _match(row: PriceRow, products: list[Product], notes: Notes) -> Product | None:
    """By uuid; else ingredient + brand + name + package; else ingredient + brand + package."""
    same_uuid = [p for p in products if p.uuid == row.uuid] if row.uuid else []
    same_package = [
        p
        for p in products
        if p.ingredient.name == row.ingredient_name
        and (p.brand or "") == row.brand
        and p.package_quantity == row.package_quantity
        and p.package_unit == row.package_unit
    ]
    same_name = [p for p in same_package if p.name == (row.product_name or p.ingredient.name)]
    for candidates in (same_uuid, same_name, same_package):
        if len(candidates) == 1:
            return candidates[0]
    notes.skip("price", _label(row), "no single product with this brand, name and package")
    return None


def _price(
    session: Session,
    product: Product,
    price: Decimal,
    lots: list[InventoryItem],
    supplier: Supplier | None,
    price_date: date,
) -> int:
    unit_cost = price / product.package_quantity
    for lot in lots:
        lot.unit_cost = unit_cost
        for movement in lot.movements:
            movement.unit_cost = unit_cost
        packages = Decimal(math.ceil(lot.initial_quantity / product.package_quantity))
        lot.purchase = _purchase(product, supplier, lot.purchase_date, packages, price)
        session.add(lot.purchase)
    if not lots:  # no stock, but the price still feeds cost estimates
        session.add(_purchase(product, supplier, price_date, Decimal(1), price))
    return max(len(lots), 1)


def _purchase(
    product: Product, supplier: Supplier | None, when: date, packages: Decimal, price: Decimal
) -> Purchase:
    return Purchase(
        product=product,
        supplier=supplier,
        purchase_date=when,
        packages_bought=packages,
        price_per_package=price,
        notes="From the bake-tracker v4 price list",
    )
