"""Everything pricing reads about ingredients, in one query: the same as the three reads."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from src.models import Purchase, Unit
from src.services.database import Database
from src.services.prices import ProductPrice, product_prices
from src.services.pricing_inputs import load_pricing
from src.services.recipe_loading import load_ingredient_infos
from src.services.stock import lots_by_ingredient
from src.tests import factories
from src.tests.db_probe import counted_statements


def _stocked_pantry(session: Session) -> list[int]:
    """Flour with two products (one archived, still holding a lot) and three lots (one empty),
    sugar bought once, salt with a product never bought, and water with no product at all."""
    flour, sugar, salt, water = (factories.ingredient(session) for _ in range(4))
    sack = factories.product(session, flour, is_preferred=True)
    old_bag = factories.product(session, flour, package_unit=Unit.KILOGRAM, is_archived=True)
    factories.lot(session, sack, purchase_date=date(2026, 10, 1))
    factories.lot(session, sack).remaining_quantity = Decimal(0)  # used up
    factories.lot(session, old_bag, unit_cost=None)
    sugar_bag = factories.product(session, sugar, package_unit=Unit.GRAM)
    for product, when, price in ((sack, date(2026, 9, 1), "14.99"),
                                 (sack, date(2026, 10, 1), "15.49"),
                                 (sugar_bag, date(2026, 8, 1), "3.49")):  # fmt: skip
        session.add(Purchase(product=product, purchase_date=when, packages_bought=Decimal(1),
                             price_per_package=Decimal(price)))  # fmt: skip
    factories.product(session, salt, package_unit=Unit.OUNCE)
    factories.recipe_line(session, factories.recipe(session), water, "250", Unit.MILLILITER)
    session.flush()
    return [flour.id, sugar.id, salt.id, water.id]


def test_one_query_reads_what_infos_lots_and_prices_read_apart(session: Session) -> None:
    ids = _stocked_pantry(session)

    pricing = load_pricing(session, ids)

    assert pricing.ingredients == load_ingredient_infos(session, ids)
    lots = lots_by_ingredient(session, ids)
    assert {i: sorted(v, key=lambda lot: lot.lot_id) for i, v in pricing.lots.items()} == lots
    prices = product_prices(session, ids)
    assert _by_product(pricing.prices) == _by_product(prices)
    assert [len(pricing.lots.get(i, [])) for i in ids] == [2, 0, 0, 0]  # not the empty lot
    assert [len(pricing.prices.get(i, [])) for i in ids] == [1, 1, 1, 0]  # not the archived
    assert pricing.prices[ids[0]][0].price_per_package == Decimal("15.49")  # the latest


def test_an_archived_products_unit_still_decides_the_base_unit(session: Session) -> None:
    milk = factories.ingredient(session)
    factories.recipe_line(session, factories.recipe(session), milk, "250", Unit.MILLILITER)
    factories.product(session, milk, package_unit=Unit.POUND, is_archived=True)
    session.flush()

    pricing = load_pricing(session, [milk.id])

    assert pricing.ingredients[milk.id].base_unit is Unit.GRAM
    assert pricing.ingredients == load_ingredient_infos(session, [milk.id])


def test_pricing_inputs_are_one_statement(db: Database) -> None:
    with db.transaction() as s:
        ids = _stocked_pantry(s)
    with counted_statements(db) as statements, db.transaction() as s:
        load_pricing(s, ids)
    assert len(statements) == 1


def _by_product(prices: Mapping[int, list[ProductPrice]]) -> dict[int, list[ProductPrice]]:
    return {i: sorted(v, key=lambda p: p.product_id) for i, v in prices.items()}
