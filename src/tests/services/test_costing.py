"""Cost estimates: FIFO dry run, latest-price fallback, unpriced lines flagged."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from src.models import InventoryItem, Product, Purchase, Unit
from src.services.costing import CostTotal, StockPricing, estimate_costs
from src.services.fraction import Fraction
from src.services.prices import product_prices
from src.services.recipe_graph import SplitFlattener, ingredient_totals, ingredient_totals_exact
from src.services.recipe_loading import load_recipe_graph
from src.services.slugs import slugify, unique_slug
from src.services.stock import lots_by_ingredient
from src.services.units import to_decimal
from src.tests.worked_example import WorkedExample, build_worked_example


def _estimate(session: Session, ex: WorkedExample, recipe: str, batches: int):  # type: ignore[no-untyped-def]
    graph = load_recipe_graph(session, [ex.recipes[recipe]])
    needs = ingredient_totals(graph, [(ex.recipes[recipe], batches)])
    return estimate_costs(session, needs, graph.ingredients)


def test_seven_batches_of_sugar_cookies_cost_37_85(session: Session) -> None:
    ex = build_worked_example(session)
    before = dict(session.execute(select(InventoryItem.id, InventoryItem.remaining_quantity)).all())
    estimate = _estimate(session, ex, "sugar-cookies", 7)
    assert estimate.total is not None
    assert round(estimate.total, 6) == Decimal("37.848553")  # DOMAIN.md: 37.848553…
    by_name = {line.ingredient: line for line in estimate.lines}
    assert by_name["All-purpose flour"].stock_cost is not None
    assert round(by_name["All-purpose flour"].cost or 0, 4) == Decimal("4.2668")
    assert by_name["Eggs"].cost == Decimal("2.3275")
    assert by_name["Vanilla extract"].cost == Decimal("7.5775")  # 14 tsp of $12.99 / 4 fl oz
    assert estimate.unpriced == ()
    after = dict(session.execute(select(InventoryItem.id, InventoryItem.remaining_quantity)).all())
    assert after == before  # a dry run never changes stock


def test_nested_icing_without_any_price_is_flagged_unpriced(session: Session) -> None:
    ex = build_worked_example(session)
    estimate = _estimate(session, ex, "gingerbread", 1)
    assert estimate.total is None
    assert {line.ingredient for line in estimate.unpriced} == {"Ground ginger", "Powdered sugar"}
    assert estimate.known_total > 0


def test_what_stock_does_not_cover_is_priced_at_the_latest_purchase(session: Session) -> None:
    ex = build_worked_example(session)
    # 12 eggs on hand at $3.99/dozen; 20 needed → 8 more at the latest price ($4.80/dozen).
    session.add(
        Purchase(
            product_id=ex.products["egg"],
            purchase_date=date(2026, 11, 15),
            packages_bought=Decimal(1),
            price_per_package=Decimal("4.80"),
        )
    )
    session.flush()
    estimate = _estimate(session, ex, "royal-icing", 6)  # 18 eggs
    eggs = next(line for line in estimate.lines if line.ingredient == "Eggs")
    assert eggs.from_stock == 12 and eggs.uncovered == 6
    assert eggs.stock_cost == Decimal("3.99")
    assert eggs.uncovered_cost == Decimal("2.4")


def test_a_product_in_another_unit_prices_through_density(session: Session) -> None:
    ex = build_worked_example(session, with_stock=False)
    product = Product(
        ingredient_id=ex.ingredients["powdered-sugar"], name="Powdered sugar 2 lb",
        package_quantity=Decimal(2), package_unit=Unit.POUND,
    )  # fmt: skip
    session.add(product)
    session.add(
        Purchase(product=product, purchase_date=date(2026, 11, 1),
                 packages_bought=Decimal(1), price_per_package=Decimal("2.49"))
    )  # fmt: skip
    session.flush()
    estimate = _estimate(session, ex, "royal-icing", 1)  # 4 cup = 480 g
    sugar = next(line for line in estimate.lines if line.ingredient == "Powdered sugar")
    assert sugar.cost is not None
    assert round(sugar.cost, 6) == round(Decimal(480) / Decimal("907.18474") * Decimal("2.49"), 6)


@pytest.mark.parametrize(("recipe", "batches"), [("sugar-cookies", 7), ("gingerbread", 3)])
def test_the_total_alone_adds_up_to_the_estimate_to_the_last_digit(
    session: Session, recipe: str, batches: int
) -> None:
    ex = build_worked_example(session)
    graph = load_recipe_graph(session, [ex.recipes[recipe]])
    needs = ingredient_totals(graph, [(ex.recipes[recipe], batches)])
    ingredients = graph.ingredients
    pricing = StockPricing(
        ingredients, lots_by_ingredient(session, needs), product_prices(session, needs)
    )
    estimate = pricing.estimate(needs)
    assert pricing.total(needs) == CostTotal(
        estimate.total, estimate.known_total, tuple(x.ingredient_id for x in estimate.unpriced)
    )
    assert pricing.total(needs).unpriced_count == (2 if recipe == "gingerbread" else 0)


@pytest.mark.parametrize(("recipe", "batches"), [("sugar-cookies", 7), ("gingerbread", 3)])
def test_batches_cost_their_lines_exact_costs_added_and_rounded_once(
    session: Session, recipe: str, batches: int
) -> None:
    ex = build_worked_example(session)  # ginger and powdered sugar are neither stocked nor priced
    ginger = Product(ingredient_id=ex.ingredients["ginger"], name="Ginger jar",
                     package_quantity=Decimal(20), package_unit=Unit.TEASPOON)  # fmt: skip
    session.add(Purchase(product=ginger, purchase_date=date(2026, 11, 1),
                         packages_bought=Decimal(1), price_per_package=Decimal(3)))  # fmt: skip
    session.flush()
    recipe_id = ex.recipes[recipe]
    graph = load_recipe_graph(session, [recipe_id])
    needs = ingredient_totals_exact(graph, [(recipe_id, batches)])
    lots = lots_by_ingredient(session, needs)
    pricing = StockPricing(graph.ingredients, lots, product_prices(session, needs))
    per_unit = pricing.prices_per_unit()
    assert set(per_unit) == {i for i in needs if i not in lots}
    assert (per_unit.get(ex.ingredients["ginger"]) is not None) == (recipe == "gingerbread")
    exact, unpriced = Fraction(0), []
    for i, need in needs.items():  # each line on its own: at its price, or FIFO as estimated
        if i in per_unit:
            cost = None if per_unit[i] is None else need * per_unit[i]
        else:
            line = pricing.estimate({i: to_decimal(need)}).lines[0].cost
            cost = None if line is None else Fraction(line)
        if cost is None:
            unpriced.append(i)
        else:
            exact += cost

    cost = pricing.batches_cost(SplitFlattener(graph, per_unit).batch(recipe_id), batches)

    names = tuple(sorted(unpriced, key=lambda i: graph.ingredients[i].name))
    assert cost == CostTotal(None if names else to_decimal(exact), to_decimal(exact), names)
    assert names == ((ex.ingredients["powdered-sugar"],) if recipe == "gingerbread" else ())


def test_slugs_are_readable_and_unique(session: Session) -> None:
    from src.models import Recipe

    assert slugify("Crème Brûlée (Mini)") == "creme-brulee-mini"
    build_worked_example(session, with_stock=False)
    assert unique_slug(session, Recipe.slug, "Sugar Cookies") == "sugar-cookies-2"
    assert unique_slug(session, Recipe.slug, "Shortbread") == "shortbread"
