"""Builders of small, valid object graphs for tests (models only, no services)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import count
from typing import Any

from sqlalchemy.orm import Session

from src.models import (
    Event,
    FinishedGood,
    FinishedGoodComponent,
    FinishedUnit,
    Ingredient,
    InventoryItem,
    MovementKind,
    Package,
    PackageFinishedGood,
    Product,
    Recipe,
    RecipeIngredient,
    Recipient,
    StockMovement,
    Supplier,
    Unit,
)

_seq = count(1)


def _n() -> int:
    return next(_seq)


def ingredient(session: Session, **kw: Any) -> Ingredient:
    n = _n()
    row = Ingredient(slug=kw.pop("slug", f"ingredient-{n}"), name=kw.pop("name", f"Ingredient {n}"))
    for key, value in kw.items():
        setattr(row, key, value)
    session.add(row)
    session.flush()
    return row


def product(session: Session, ing: Ingredient | None = None, **kw: Any) -> Product:
    row = Product(
        ingredient=ing or ingredient(session),
        name=kw.pop("name", f"Product {_n()}"),
        package_quantity=kw.pop("package_quantity", Decimal("5")),
        package_unit=kw.pop("package_unit", Unit.POUND),
        **kw,
    )
    session.add(row)
    session.flush()
    return row


def supplier(session: Session, **kw: Any) -> Supplier:
    n = _n()
    row = Supplier(slug=f"supplier-{n}", name=kw.pop("name", f"Supplier {n}"), **kw)
    session.add(row)
    session.flush()
    return row


def lot(session: Session, prod: Product | None = None, **kw: Any) -> InventoryItem:
    quantity = kw.pop("initial_quantity", Decimal("5"))
    row = InventoryItem(
        product=prod or product(session),
        initial_quantity=quantity,
        remaining_quantity=kw.pop("remaining_quantity", quantity),
        unit_cost=kw.pop("unit_cost", Decimal("0.998")),
        purchase_date=kw.pop("purchase_date", date(2026, 11, 1)),
        **kw,
    )
    session.add(row)
    session.flush()
    session.add(
        StockMovement(
            inventory_item_id=row.id,
            kind=MovementKind.OPENING_BALANCE,
            quantity=row.remaining_quantity,
            unit_cost=row.unit_cost,
        )
    )
    session.flush()
    return row


def recipe(session: Session, **kw: Any) -> Recipe:
    n = _n()
    row = Recipe(slug=kw.pop("slug", f"recipe-{n}"), name=kw.pop("name", f"Recipe {n}"), **kw)
    session.add(row)
    session.flush()
    return row


def recipe_line(session: Session, rec: Recipe, ing: Ingredient, qty: str, unit: Unit) -> None:
    session.add(RecipeIngredient(recipe=rec, ingredient=ing, quantity=Decimal(qty), unit=unit))
    session.flush()


def finished_unit(session: Session, rec: Recipe | None = None, **kw: Any) -> FinishedUnit:
    n = _n()
    row = FinishedUnit(
        slug=kw.pop("slug", f"unit-{n}"),
        recipe=rec or recipe(session),
        name=kw.pop("name", f"Unit {n}"),
        yield_per_batch=kw.pop("yield_per_batch", Decimal("36")),
        **kw,
    )
    session.add(row)
    session.flush()
    return row


def finished_good(
    session: Session, units: list[tuple[FinishedUnit, int]] | None = None, **kw: Any
) -> FinishedGood:
    n = _n()
    row = FinishedGood(slug=kw.pop("slug", f"good-{n}"), name=kw.pop("name", f"Good {n}"), **kw)
    for unit, quantity in units or []:
        row.components.append(FinishedGoodComponent(finished_unit=unit, quantity=quantity))
    session.add(row)
    session.flush()
    return row


def package(session: Session, goods: list[tuple[FinishedGood, int]] | None = None) -> Package:
    n = _n()
    row = Package(slug=f"package-{n}", name=f"Package {n}")
    for good, quantity in goods or []:
        row.finished_goods.append(PackageFinishedGood(finished_good=good, quantity=quantity))
    session.add(row)
    session.flush()
    return row


def recipient(session: Session, **kw: Any) -> Recipient:
    n = _n()
    row = Recipient(slug=f"recipient-{n}", name=kw.pop("name", f"Recipient {n}"), **kw)
    session.add(row)
    session.flush()
    return row


def event(session: Session, **kw: Any) -> Event:
    n = _n()
    row = Event(
        slug=kw.pop("slug", f"event-{n}"),
        name=kw.pop("name", f"Event {n}"),
        event_date=kw.pop("event_date", date(2026, 12, 20)),
        **kw,
    )
    session.add(row)
    session.flush()
    return row
