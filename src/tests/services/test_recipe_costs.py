"""Recipe cost estimates: the DOMAIN.md sugar cookies, nested icing, unpriced lines, the list."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from src.models import Purchase, RecipeComponent, Unit
from src.services.database import Database
from src.services.errors import ValidationError
from src.services.products import ProductInput, create_product
from src.services.purchases import PurchaseInput, record_purchase
from src.services.recipe_costs import all_recipe_costs, estimate_recipe_cost
from src.tests import factories
from src.tests.db_probe import counted_statements, every_lot
from src.tests.worked_example import WorkedExample, build_worked_example

LB = Decimal("453.59237")


@pytest.fixture
def ex(db: Database) -> WorkedExample:
    with db.transaction() as s:
        return build_worked_example(s)


def buy_icing_and_ginger(db: Database, ex: WorkedExample) -> None:
    """Buy powdered sugar and ginger, the worked example's unpriced ingredients."""
    for ingredient, name, quantity, unit, price in (
        ("powdered-sugar", "Powdered sugar 2 lb", Decimal(2), "lb", Decimal("2.49")),
        ("ginger", "Ginger jar", Decimal(20), "tsp", Decimal(3)),
    ):
        product = create_product(db, ProductInput(ex.ingredients[ingredient], name, quantity, unit))
        record_purchase(db, PurchaseInput(product.id, date(2026, 11, 2), Decimal(1), price))


def test_seven_batches_of_sugar_cookies_cost_37_85_from_the_lots(
    db: Database, ex: WorkedExample
) -> None:
    before = every_lot(db)
    cost = estimate_recipe_cost(db, ex.recipes["sugar-cookies"], 7)
    assert cost.total is not None and round(cost.total, 6) == Decimal("37.848553")
    flour = next(line for line in cost.lines if line.ingredient_name == "All-purpose flour")
    assert (flour.quantity, flour.unit) == (Decimal(2625), Unit.GRAM)
    bag, sack = flour.lots
    assert (bag.product_label, bag.quantity, bag.cost) == ("Flour 5 lb bag", 2, Decimal("1.996"))
    assert sack.cost is not None and round(sack.cost, 4) == Decimal("2.2708")
    (cookie,) = cost.per_unit
    assert (cookie.name, cookie.units_made) == ("Sugar cookie", Decimal(252))
    assert cookie.cost_per_unit is not None and round(cookie.cost_per_unit, 4) == Decimal("0.1502")
    assert cost.unpriced == ()
    assert every_lot(db) == before  # an estimate never changes stock


def test_gingerbread_cost_includes_half_a_batch_of_royal_icing(
    db: Database, ex: WorkedExample
) -> None:
    buy_icing_and_ginger(db, ex)
    cost = estimate_recipe_cost(db, ex.recipes["gingerbread"])
    by_name = {line.ingredient_name: line for line in cost.lines}
    assert by_name["Powdered sugar"].quantity == 240  # 0.5 × 4 cup × 120 g
    assert by_name["Eggs"].quantity == Decimal("2.5")  # 1 + 0.5 × 3
    expected = (
        Decimal("437.5") / LB * Decimal("0.998")  # 3.5 cup flour from the bag
        + 150 / LB * Decimal("0.8725")  # 0.75 cup sugar
        + Decimal("170.25") / LB * Decimal("5.99")  # 0.75 cup butter
        + Decimal("2.5") * Decimal("0.3325")  # eggs
        + 3 * Decimal("0.15")  # 1 tbsp ginger = 3 tsp
        + 240 / (2 * LB) * Decimal("2.49")  # half a batch of icing's powdered sugar
    )
    assert cost.total is not None and round(cost.total, 6) == round(expected, 6)
    assert round(cost.per_unit[0].cost_per_unit or 0, 6) == round(expected / 24, 6)


def test_an_ingredient_without_any_price_makes_the_recipe_cost_unknown(
    db: Database, ex: WorkedExample
) -> None:
    cost = estimate_recipe_cost(db, ex.recipes["gingerbread"], Decimal("2"))
    assert cost.total is None
    assert cost.unpriced == ("Ground ginger", "Powdered sugar")
    assert cost.known_total > 0
    assert cost.per_unit[0].cost_per_unit is None


def test_batches_must_be_more_than_zero(db: Database, ex: WorkedExample) -> None:
    with pytest.raises(ValidationError, match="Number of batches must be more than zero"):
        estimate_recipe_cost(db, ex.recipes["gingerbread"], 0)


def test_the_recipe_list_prices_one_batch_of_each_recipe(db: Database, ex: WorkedExample) -> None:
    buy_icing_and_ginger(db, ex)
    costs = {c.name: c for c in all_recipe_costs(db)}
    for name in ("Sugar cookies", "Gingerbread", "Royal icing"):
        single = estimate_recipe_cost(db, costs[name].recipe_id)
        assert costs[name].batch_cost == single.total
        assert costs[name].per_unit == single.per_unit
    assert costs["Royal icing"].per_unit == ()


def test_a_recipe_costs_its_lines_added_exactly_and_rounded_once(db: Database) -> None:
    """Three lines of a third of a gram at $1 a gram (one in a nested recipe) make a dollar,
    in the list and in the estimate: the lines, each shown rounded, add up to $0.99…9."""
    third = Decimal(1) / 3
    with db.transaction() as s:
        outer, inner = factories.recipe(s, name="Thirds"), factories.recipe(s, name="A third")
        for recipe in (outer, outer, inner):
            spice = factories.ingredient(s, density_volume_quantity=Decimal(3),
                                         density_volume_unit=Unit.MILLILITER,
                                         density_weight_quantity=Decimal(1),
                                         density_weight_unit=Unit.GRAM)  # fmt: skip
            jar = factories.product(s, spice, package_quantity=Decimal(1), package_unit=Unit.GRAM)
            s.add(Purchase(product=jar, purchase_date=date(2026, 11, 1),
                           packages_bought=Decimal(1), price_per_package=Decimal(1)))  # fmt: skip
            factories.recipe_line(s, recipe, spice, "1", Unit.MILLILITER)  # a third of a gram
        s.add(RecipeComponent(recipe=outer, component_recipe=inner, batch_multiplier=Decimal(1)))
        s.flush()
        outer_id = outer.id

    estimate = estimate_recipe_cost(db, outer_id)

    assert [line.cost for line in estimate.lines] == [third, third, third]
    assert sum(line.cost or 0 for line in estimate.lines) == Decimal(
        "0.9999999999999999999999999999"
    )
    assert estimate.total == 1 and estimate.known_total == 1
    assert {c.name: c.batch_cost for c in all_recipe_costs(db)} == {"Thirds": 1, "A third": third}


def test_the_recipe_list_takes_the_same_queries_for_10_or_40_recipes(db: Database) -> None:
    def add(n: int) -> int:
        with db.transaction() as s:
            for _ in range(n):
                flour = factories.ingredient(s)
                factories.lot(s, factories.product(s, flour))
                recipe = factories.recipe(s)
                factories.recipe_line(s, recipe, flour, "2", Unit.POUND)
                factories.finished_unit(s, recipe)
        with counted_statements(db) as statements:
            costs = all_recipe_costs(db)
        assert all(c.batch_cost == Decimal("1.996") for c in costs)  # 2 lb at $0.998
        return len(statements)

    assert add(10) == add(30)
