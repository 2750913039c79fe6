"""Everything pricing reads about some ingredients, in one query: each ingredient (density and
base unit), its products with their latest purchase price, and its lots in stock.

These are the rows load_ingredient_infos, product_prices and lots_by_ingredient read in a
query each; lists that price every recipe or good read them at once (one row per lot, or per
product without lots, or per ingredient without products).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from src.models import Ingredient, InventoryItem, Product, Purchase, Unit, lot_has_stock
from src.services.costing import StockPricing
from src.services.fifo import LotStock
from src.services.plain_rows import plain_rows
from src.services.prices import PRODUCT_COLUMNS, ProductPrice, latest_purchase_id, product_price
from src.services.recipe_loading import info_columns, ingredient_info, units_by_dimension

# After the product: whether it is archived, its latest purchase, and a lot in stock.
_PURCHASE_AND_LOT = (
    Product.is_archived, Purchase.price_per_package, Purchase.purchase_date, InventoryItem.id,
    InventoryItem.purchase_date, InventoryItem.remaining_quantity, InventoryItem.unit_cost,
)  # fmt: skip
_INFO_AT = len(PRODUCT_COLUMNS) + len(_PURCHASE_AND_LOT)


def load_pricing(session: Session, ingredient_ids: Iterable[int]) -> StockPricing:
    """A StockPricing of the ingredients (as estimate_costs prices them), read in one query."""
    ids = set(ingredient_ids)
    # Every product of the ingredients comes back (archived ones too), so their units are
    # read from the rows rather than grouped a second time in SQL.
    dimensions = units_by_dimension(ids, products=False)
    rows = plain_rows(
        session,
        select(*PRODUCT_COLUMNS, *_PURCHASE_AND_LOT, *info_columns(dimensions))
        .select_from(Ingredient)
        .outerjoin(dimensions, dimensions.c.ingredient_id == Ingredient.id)
        .outerjoin(Product, Product.ingredient_id == Ingredient.id)
        .outerjoin(Purchase, Purchase.id == latest_purchase_id())
        .outerjoin(InventoryItem, and_(InventoryItem.product_id == Product.id, lot_has_stock()))
        .where(Ingredient.id.in_(ids)),
    )
    info_rows: dict[int, tuple[Any, ...]] = {}
    product_units: dict[int, set[Unit]] = defaultdict(set)
    prices: dict[int, list[ProductPrice]] = defaultdict(list)
    lots: dict[int, list[LotStock]] = defaultdict(list)
    priced: set[int] = set()
    for row in rows:
        values: tuple[Any, ...] = tuple(row)
        product, (archived, price, priced_on, lot_id, bought, remaining, cost), info = (
            values[: len(PRODUCT_COLUMNS)], values[len(PRODUCT_COLUMNS) : _INFO_AT],
            values[_INFO_AT:],
        )  # fmt: skip
        ingredient_id, product_id, unit = info[0], product[0], product[5]
        if ingredient_id not in info_rows:
            info_rows[ingredient_id] = info
        if product_id is None:
            continue
        product_units[ingredient_id].add(unit)
        if not archived and product_id not in priced:
            priced.add(product_id)
            prices[ingredient_id].append(product_price(product, price, priced_on))
        if lot_id is not None:
            lots[ingredient_id].append(LotStock(lot_id, bought, remaining, unit, cost))
    infos = {i: ingredient_info(row, product_units.get(i, ())) for i, row in info_rows.items()}
    return StockPricing(infos, lots, prices)
