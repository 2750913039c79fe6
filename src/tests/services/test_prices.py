"""Latest purchase prices, the fallback unit price and the product a shopping list buys."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from src.models import Product, Purchase, Unit
from src.services.prices import fallback_unit_price, product_prices, product_to_buy
from src.services.recipe_loading import load_ingredient_infos
from src.tests.worked_example import build_worked_example


def _buy(s: Session, product_id: int, when: date, price: str) -> None:
    s.add(
        Purchase(
            product_id=product_id,
            purchase_date=when,
            packages_bought=Decimal(1),
            price_per_package=Decimal(price),
        )
    )
    s.flush()


def test_latest_purchase_sets_the_price(session: Session) -> None:
    ex = build_worked_example(session)
    _buy(session, ex.products["flour-sack"], date(2026, 11, 20), "15.49")
    _buy(session, ex.products["flour-sack"], date(2026, 1, 1), "9.99")
    prices = {
        p.label: p.price_per_package
        for p in product_prices(session, [ex.ingredients["flour"]])[ex.ingredients["flour"]]
    }
    assert prices == {"Flour 5 lb bag": Decimal("4.99"), "Flour 25 lb sack": Decimal("15.49")}


def test_fallback_prefers_the_preferred_product(session: Session) -> None:
    ex = build_worked_example(session)
    flour = ex.ingredients["flour"]
    info = load_ingredient_infos(session, [flour])[flour]
    prices = product_prices(session, [flour])[flour]
    # Without a preferred product: the most recent purchase (the sack, bought last).
    assert fallback_unit_price(prices, info) == Decimal("14.99") / Decimal("11339.80925")
    session.get_one(Product, ex.products["flour-bag"]).is_preferred = True
    session.flush()
    prices = product_prices(session, [flour])[flour]
    assert fallback_unit_price(prices, info) == Decimal("4.99") / Decimal("2267.96185")


def test_no_price_at_all_is_none(session: Session) -> None:
    ex = build_worked_example(session, with_stock=False)
    ginger = ex.ingredients["ginger"]
    info = load_ingredient_infos(session, [ginger])[ginger]
    session.add(
        Product(ingredient_id=ginger, name="Ginger jar", package_quantity=Decimal(2),
                package_unit=Unit.OUNCE)
    )  # fmt: skip
    session.flush()
    prices = product_prices(session, [ginger])[ginger]
    assert fallback_unit_price(prices, info) is None
    chosen = product_to_buy(prices, info)
    assert chosen is not None and chosen.label == "Ginger jar"


def test_shopping_buys_preferred_else_cheapest_per_unit(session: Session) -> None:
    ex = build_worked_example(session)
    flour = ex.ingredients["flour"]
    info = load_ingredient_infos(session, [flour])[flour]
    chosen = product_to_buy(product_prices(session, [flour])[flour], info)
    assert chosen is not None and chosen.label == "Flour 25 lb sack"  # $0.60/lb beats $1.00/lb
    session.get_one(Product, ex.products["flour-bag"]).is_preferred = True
    session.flush()
    chosen = product_to_buy(product_prices(session, [flour])[flour], info)
    assert chosen is not None and chosen.label == "Flour 5 lb bag"
