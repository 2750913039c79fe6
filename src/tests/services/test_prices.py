"""Latest purchase prices, the fallback unit price and the product a shopping list buys."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from src.models import Product, Purchase, Unit
from src.services.prices import (
    fallback_unit_price,
    latest_purchases,
    product_label,
    product_prices,
    product_to_buy,
)
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


def test_of_two_purchases_on_one_day_the_later_entered_is_the_latest(session: Session) -> None:
    ex = build_worked_example(session)
    sack = ex.products["flour-sack"]
    _buy(session, sack, date(2026, 12, 1), "15.49")
    _buy(session, sack, date(2026, 12, 1), "14.99")
    flour = product_prices(session, [ex.ingredients["flour"]])[ex.ingredients["flour"]]
    assert {p.product_id: p.price_per_package for p in flour}[sack] == Decimal("14.99")
    assert latest_purchases(session, [sack]) == {sack: (Decimal("14.99"), date(2026, 12, 1))}


def test_a_product_never_bought_has_no_latest_purchase(session: Session) -> None:
    ex = build_worked_example(session)
    session.add(
        Product(
            ingredient_id=ex.ingredients["flour"], name="Flour 1 kg", package_quantity=Decimal(1),
            package_unit=Unit.KILOGRAM,
        )
    )  # fmt: skip
    session.flush()
    never = session.query(Product).filter_by(name="Flour 1 kg").one().id
    assert latest_purchases(session, [never, ex.products["flour-sack"]]) == {
        ex.products["flour-sack"]: (Decimal("14.99"), date(2026, 11, 1))
    }


def test_a_label_is_brand_then_name_or_whichever_is_given() -> None:
    assert product_label("King Arthur", "Flour") == "King Arthur Flour"
    assert [product_label(None, "Flour"), product_label("", "Flour")] == ["Flour", "Flour"]
    assert product_label("King Arthur", "") == "King Arthur"


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
