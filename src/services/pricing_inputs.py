"""Everything pricing reads about some ingredients, in one query: each ingredient (density and
base unit), its products with their latest purchase price, and its lots in stock.

These are the rows load_ingredient_infos, product_prices and lots_by_ingredient read in a
query each; lists that price every recipe or good read them at once (one row per lot, or per
product without lots, or per ingredient without products).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import BindParameter, Select, and_, bindparam, select
from sqlalchemy.orm import Session

from src.models import Ingredient, InventoryItem, Product, lot_has_stock
from src.services.costing import StockPricing
from src.services.fifo import LotStock
from src.services.plain_rows import UNIT_BY_VALUE, as_stored, each_plain_row, stored_date
from src.services.prices import PRICE_COLUMNS, ProductPrice, product_price
from src.services.recipe_loading import dimensions_used, info_columns, ingredient_info

# After the product and its price: whether it is archived, and a lot in stock.
_ARCHIVED_AND_LOT = (
    Product.is_archived, InventoryItem.id, InventoryItem.purchase_date,
    as_stored(InventoryItem.remaining_quantity), as_stored(InventoryItem.unit_cost),
)  # fmt: skip
_ARCHIVED_AT, _INFO_AT = len(PRICE_COLUMNS), len(PRICE_COLUMNS) + len(_ARCHIVED_AND_LOT)


def load_pricing(session: Session, ingredient_ids: Iterable[int]) -> StockPricing:
    """A StockPricing of the ingredients (as estimate_costs prices them), read in one query."""
    rows = each_plain_row(session, _pricing_query(), {"ingredient_ids": list(set(ingredient_ids))})
    info_rows: dict[int, Sequence[Any]] = {}
    product_units: dict[int, set[str]] = defaultdict(set)
    prices: dict[int, list[ProductPrice]] = defaultdict(list)
    lots: dict[int, list[LotStock]] = defaultdict(list)
    priced: set[int] = set()
    for row in rows:
        product_id, ingredient_id = row[0], row[_INFO_AT]
        if ingredient_id not in info_rows:
            info_rows[ingredient_id] = row[_INFO_AT:]
        if product_id is None:
            continue
        unit = row[5]  # the product's, in PRICE_COLUMNS
        archived, lot_id, bought, remaining, cost = row[_ARCHIVED_AT:_INFO_AT]
        product_units[ingredient_id].add(unit)
        if not archived and product_id not in priced:
            priced.add(product_id)
            prices[ingredient_id].append(product_price(row))
        if lot_id is not None:
            lots[ingredient_id].append(
                LotStock(lot_id, stored_date(bought), Decimal(remaining), UNIT_BY_VALUE[unit],
                         None if cost is None else Decimal(cost))
            )  # fmt: skip
    infos = {i: ingredient_info(row, product_units.get(i, ())) for i, row in info_rows.items()}
    return StockPricing(infos, lots, prices)


@cache
def _pricing_query() -> Select[*tuple[Any, ...]]:
    """load_pricing's statement, built once with its ids a parameter: building it each time,
    and checking each id of its two INs, took ≈ 4 ms a read of 2,000 ingredients."""
    ids: BindParameter[int] = bindparam("ingredient_ids", expanding=True)
    # Every product of the ingredients comes back (archived ones too), so their units are
    # read from the rows rather than grouped a second time in SQL.
    dimensions = dimensions_used(ids, products=False)
    return (
        select(*PRICE_COLUMNS, *_ARCHIVED_AND_LOT, *info_columns(dimensions))
        .select_from(Ingredient)
        .outerjoin(dimensions, dimensions.c.ingredient_id == Ingredient.id)
        .outerjoin(Product, Product.ingredient_id == Ingredient.id)
        .outerjoin(InventoryItem, and_(InventoryItem.product_id == Product.id, lot_has_stock()))
        .where(Ingredient.id.in_(ids))
    )
