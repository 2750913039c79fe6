"""What things cost to buy: each product's latest purchase price, per package and per unit."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import ScalarSelect, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from src.models import Product, Purchase, Unit
from src.services.fraction import Fraction
from src.services.plain_rows import UNIT_BY_VALUE, as_stored, stored_date
from src.services.recipe_graph import IngredientInfo
from src.services.units import convert_exact, to_decimal, to_fraction

T = TypeVar("T")


@dataclass(slots=True)
class ProductPrice:
    """A product with its latest known price (None when it was never bought).

    Read-only by use, not frozen: a frozen dataclass sets each field through
    object.__setattr__, which makes one cost four times as much, and a list that prices every
    recipe makes 5,000. Only the memos of package_in and price_per_base_unit change."""

    product_id: int
    ingredient_id: int
    label: str
    package_quantity: Decimal
    package_unit: Unit
    is_preferred: bool
    price_per_package: Decimal | None
    price_date: date | None
    # (the ingredient's info, the answer) of the last call: costing and shopping both ask,
    # for every product of every ingredient of a plan, always with the same info.
    _in_base: tuple[IngredientInfo, Fraction] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    _per_base: tuple[IngredientInfo, Fraction] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def package_in(self, info: IngredientInfo) -> Fraction:
        """One package expressed in the ingredient's base unit."""
        memo = self._in_base
        if memo is None or memo[0] is not info:
            size = convert_exact(
                self.package_quantity, self.package_unit, info.base_unit, info.density, info.name
            )
            memo = self._in_base = (info, size)
        return memo[1]

    def price_per_base_unit(self, info: IngredientInfo) -> Fraction | None:
        if self.price_per_package is None:
            return None
        memo = self._per_base
        if memo is None or memo[0] is not info:
            price = to_fraction(self.price_per_package) / self.package_in(info)
            memo = self._per_base = (info, price)
        return memo[1]


def latest_purchase(column: InstrumentedAttribute[T]) -> ScalarSelect[T]:
    """`column` (the price or date) of the latest purchase of the enclosing query's Product:
    one seek per product on ix_purchases_product_latest, which holds both, so no row of the
    purchases table is read."""
    newest = aliased(Purchase)
    return (
        select(getattr(newest, column.key))
        .where(newest.product_id == Product.id)
        .order_by(newest.purchase_date.desc(), newest.id.desc())
        .limit(1)
        .scalar_subquery()
    )


# What product_price reads: a product, then its latest purchase's price and date (NULL when
# never bought), with the values it converts itself as_stored.
PRICE_COLUMNS = (
    Product.id, Product.ingredient_id, Product.brand, Product.name,
    as_stored(Product.package_quantity), as_stored(Product.package_unit), Product.is_preferred,
    as_stored(latest_purchase(Purchase.price_per_package)),
    as_stored(latest_purchase(Purchase.purchase_date)),
)  # fmt: skip


def product_prices(
    session: Session, ingredient_ids: Iterable[int]
) -> dict[int, list[ProductPrice]]:
    """Every active product of the ingredients with its latest purchase price (one query)."""
    rows = session.execute(
        select(*PRICE_COLUMNS).where(
            Product.ingredient_id.in_(set(ingredient_ids)), Product.is_archived.is_(False)
        )
    )
    result: dict[int, list[ProductPrice]] = defaultdict(list)
    for row in rows:
        price_of_product = product_price(row)
        result[price_of_product.ingredient_id].append(price_of_product)
    return result


def product_price(row: Sequence[Any]) -> ProductPrice:
    """The ProductPrice of a row that starts with PRICE_COLUMNS (a Row, or a tuple as
    each_plain_row reads it)."""
    product_id, ingredient_id, brand, name, quantity, unit, preferred, price, priced_on = row[:9]
    return ProductPrice(
        product_id, ingredient_id, product_label(brand, name),
        Decimal(quantity), UNIT_BY_VALUE[unit], bool(preferred),
        None if price is None else Decimal(price),
        None if priced_on is None else stored_date(priced_on),
    )  # fmt: skip


def product_label(brand: str | None, name: str) -> str:
    """How a product reads in lists: brand then name (either alone when the other is empty).
    Not a join over a generator: pricing labels every product it reads, in a sixth of the
    time."""
    return f"{brand} {name}" if brand and name else brand or name


def latest_purchases(
    session: Session, product_ids: Sequence[int]
) -> dict[int, tuple[Decimal, date]]:
    """(price per package, date) of each product's latest purchase (one query)."""
    rows = session.execute(
        select(
            Product.id,
            latest_purchase(Purchase.price_per_package),
            latest_purchase(Purchase.purchase_date),
        ).where(Product.id.in_(set(product_ids)))
    )
    return {product_id: (price, when) for product_id, price, when in rows if price is not None}


def fallback_unit_price(prices: Sequence[ProductPrice], info: IngredientInfo) -> Decimal | None:
    """Price per base unit for stock we don't have: the preferred product's latest purchase,
    else the most recent purchase of any product; None when nothing was ever priced."""
    priced = [p for p in prices if p.price_per_package is not None]
    preferred = [p for p in priced if p.is_preferred]
    pool = preferred or priced
    if not pool:
        return None
    chosen = max(pool, key=lambda p: (p.price_date or date.min, p.product_id))
    per_unit = chosen.price_per_base_unit(info)
    return None if per_unit is None else to_decimal(per_unit)


def product_to_buy(prices: Sequence[ProductPrice], info: IngredientInfo) -> ProductPrice | None:
    """The product a shopping list rounds to: the preferred one, else the cheapest per unit
    among priced products, else any product."""
    preferred = [p for p in prices if p.is_preferred]
    if preferred:
        return preferred[0]
    priced = [(p.price_per_base_unit(info), p) for p in prices if p.price_per_package is not None]
    if priced:
        return min(priced, key=lambda pair: (pair[0], pair[1].product_id))[1]
    return min(prices, key=lambda p: p.product_id) if prices else None
