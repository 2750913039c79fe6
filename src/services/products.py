"""Products: the purchasable forms of an ingredient ("Flour 25 lb sack"), at most one preferred."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, or_, select, update
from sqlalchemy.orm import Session

from src.models import (
    Ingredient,
    InventoryItem,
    Product,
    Purchase,
    RecipeIngredient,
    Supplier,
    Unit,
    lot_has_stock,
)
from src.services.database import Database
from src.services.lookup import get_or_fail
from src.services.prices import latest_purchases, product_label
from src.services.recipe_loading import ingredient_density
from src.services.records import clean_name, clean_text, positive_quantity, refuse_delete
from src.services.units import convert_exact, parse_unit


@dataclass(frozen=True)
class ProductInput:
    ingredient_id: int
    name: str
    package_quantity: Decimal
    package_unit: Unit | str
    brand: str | None = None
    package_type: str | None = None
    upc: str | None = None
    supplier_id: int | None = None
    is_preferred: bool = False
    notes: str | None = None


@dataclass(frozen=True)
class ProductView:
    id: int
    ingredient_id: int
    ingredient_name: str
    brand: str | None
    name: str
    label: str  # "King Arthur Flour 25 lb sack"
    package_quantity: Decimal
    package_unit: Unit
    package_type: str | None
    upc: str | None
    supplier_id: int | None
    supplier_name: str | None
    is_preferred: bool
    is_archived: bool
    notes: str | None
    latest_price: Decimal | None  # per package; None when never bought
    latest_price_date: date | None
    on_hand: Decimal  # in package_unit, over all the product's lots


def list_products(
    db: Database,
    *,
    ingredient_id: int | None = None,
    search: str | None = None,
    include_archived: bool = False,
) -> list[ProductView]:
    """Products by ingredient and name, with latest price and stock (a fixed number of queries)."""
    query = _with_ingredient().order_by(Ingredient.name, Product.name, Product.id)
    if ingredient_id is not None:
        query = query.where(Product.ingredient_id == ingredient_id)
    if search and search.strip():
        text = search.strip()
        query = query.where(
            or_(
                Product.name.icontains(text, autoescape=True),
                Product.brand.icontains(text, autoescape=True),
                Ingredient.name.icontains(text, autoescape=True),
            )
        )
    if not include_archived:
        query = query.where(Product.is_archived.is_(False))
    with db.transaction() as s:
        return _views(s, query)


def get_product(db: Database, product_id: int) -> ProductView:
    """One product. Raises NotFoundError."""
    with db.transaction() as s:
        get_or_fail(s, Product, product_id, "product")
        return _view(s, product_id)


def create_product(db: Database, data: ProductInput) -> ProductView:
    """Add a product. Raises NotFoundError, ValidationError, ConversionError (unit vs. uses)."""
    with db.transaction() as s:
        row = Product(ingredient_id=data.ingredient_id)
        _fill(s, row, data)
        s.add(row)
        _set_preferred(s, row, data.is_preferred)
        return _view(s, row.id)


def update_product(db: Database, product_id: int, data: ProductInput) -> ProductView:
    """Edit a product. Raises as create_product does."""
    with db.transaction() as s:
        row = get_or_fail(s, Product, product_id, "product")
        _fill(s, row, data)
        _set_preferred(s, row, data.is_preferred)
        return _view(s, row.id)


def set_preferred_product(db: Database, product_id: int, preferred: bool = True) -> ProductView:
    """Prefer this product for its ingredient (any other is cleared). Raises NotFoundError."""
    with db.transaction() as s:
        row = get_or_fail(s, Product, product_id, "product")
        _set_preferred(s, row, preferred)
        return _view(s, row.id)


def archive_product(db: Database, product_id: int, archived: bool = True) -> ProductView:
    """Hide (or bring back) a product; an archived product is no longer preferred."""
    with db.transaction() as s:
        row = get_or_fail(s, Product, product_id, "product")
        row.is_archived = archived
        if archived:
            row.is_preferred = False
        s.flush()
        return _view(s, row.id)


def delete_product(db: Database, product_id: int) -> None:
    """Delete a never-bought product. Raises NotFoundError; ConflictError when it has history."""
    with db.transaction() as s:
        row = get_or_fail(s, Product, product_id, "product")
        purchases = s.scalar(select(func.count()).where(Purchase.product_id == product_id))
        lots = s.scalar(select(func.count()).where(InventoryItem.product_id == product_id))
        users = [f"{purchases} purchase(s)"] if purchases else []
        users += [f"{lots} inventory lot(s)"] if lots else []
        refuse_delete(f"'{row.name}'", users)
        s.delete(row)


def ensure_convertible(
    session: Session, ingredient: Ingredient, unit: Unit, exclude_product_id: int | None = None
) -> None:
    """ConversionError when `unit` cannot be converted to a unit the ingredient is used in."""
    density = ingredient_density(ingredient)
    line_units = (
        select(RecipeIngredient.unit)
        .distinct()
        .where(RecipeIngredient.ingredient_id == ingredient.id)
    )
    product_units = (
        select(Product.package_unit)
        .distinct()
        .where(Product.ingredient_id == ingredient.id, Product.id != (exclude_product_id or -1))
    )
    for other in {*session.scalars(line_units), *session.scalars(product_units)}:
        convert_exact(1, unit, other, density, ingredient.name)


def _fill(s: Session, row: Product, data: ProductInput) -> None:
    ingredient = get_or_fail(s, Ingredient, data.ingredient_id, "ingredient")
    unit = (
        data.package_unit if isinstance(data.package_unit, Unit) else parse_unit(data.package_unit)
    )
    ensure_convertible(s, ingredient, unit, exclude_product_id=row.id)
    if data.supplier_id is not None:
        get_or_fail(s, Supplier, data.supplier_id, "supplier")
    row.ingredient_id = ingredient.id
    row.name = clean_name(data.name, "product")
    row.brand = clean_text(data.brand)
    row.package_quantity = positive_quantity(data.package_quantity, "Package quantity")
    row.package_unit = unit
    row.package_type = clean_text(data.package_type)
    row.upc = clean_text(data.upc)
    row.supplier_id = data.supplier_id
    row.notes = clean_text(data.notes)


def _set_preferred(s: Session, row: Product, preferred: bool) -> None:
    s.flush()
    if preferred:
        # Clear the other one first: the database allows one preferred product per ingredient.
        s.execute(
            update(Product)
            .where(Product.ingredient_id == row.ingredient_id, Product.id != row.id)
            .values(is_preferred=False)
        )
    row.is_preferred = preferred
    s.flush()


def _view(s: Session, product_id: int) -> ProductView:
    return _views(s, _with_ingredient().where(Product.id == product_id))[0]


def _with_ingredient() -> Select[*tuple[Any, ...]]:
    """The listed columns, plain (no ORM objects to build for thousands of products)."""
    return (
        select(Product.id, Product.ingredient_id, Ingredient.name, Product.brand, Product.name,
               Product.package_quantity, Product.package_unit, Product.package_type, Product.upc,
               Product.supplier_id, Supplier.name, Product.is_preferred, Product.is_archived,
               Product.notes)
        .join(Ingredient, Product.ingredient_id == Ingredient.id)
        .outerjoin(Supplier, Product.supplier_id == Supplier.id)
    )  # fmt: skip


def _views(s: Session, query: Select[*tuple[Any, ...]]) -> list[ProductView]:
    rows = s.execute(query).all()
    ids = [row[0] for row in rows]
    prices = latest_purchases(s, ids)
    stock = _stock(s, ids)
    views = []
    for row in rows:
        id_, ingredient_id, ingredient, brand, name, quantity, unit, package_type, upc = row[:9]
        supplier_id, supplier, preferred, archived, notes = row[9:]
        price, when = prices.get(id_, (None, None))
        views.append(
            ProductView(id_, ingredient_id, ingredient, brand, name, product_label(brand, name),
                        quantity, unit, package_type, upc, supplier_id, supplier, preferred,
                        archived, notes, price, when, stock[id_])
        )  # fmt: skip
    return views


def _stock(s: Session, product_ids: list[int]) -> dict[int, Decimal]:
    totals: dict[int, Decimal] = defaultdict(Decimal)
    rows = s.execute(
        select(InventoryItem.product_id, InventoryItem.remaining_quantity).where(
            InventoryItem.product_id.in_(product_ids), lot_has_stock()
        )
    )
    for product_id, remaining in rows:
        totals[product_id] += remaining
    return totals
