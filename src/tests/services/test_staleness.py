from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from src.models import (
    FinishedGoodComponent,
    FinishedUnit,
    Ingredient,
    InventoryItem,
    Product,
    Purchase,
    RecipeComponent,
    RecipeIngredient,
)
from src.services.batches import clear_batch_decision, decide_batches
from src.services.database import Database
from src.services.event_demand import set_demand
from src.services.plan import calculate_plan, current_plan
from src.services.staleness import describe_changes
from src.tests import factories
from src.tests.services.plan_world import PlannedExample, planned_example

Change = Callable[[Database, PlannedExample], None]


def _edit_gingerbread_flour(db: Database, p: PlannedExample) -> None:
    with db.transaction() as s:
        line = s.scalars(
            select(RecipeIngredient).where(
                RecipeIngredient.recipe_id == p.example.recipes["gingerbread"],
                RecipeIngredient.ingredient_id == p.example.ingredients["flour"],
            )
        ).one()
        line.quantity = Decimal(4)


def _change_cookie_yield(db: Database, p: PlannedExample) -> None:
    with db.transaction() as s:
        s.get_one(FinishedUnit, p.example.units["sugar-cookie"]).yield_per_batch = Decimal(30)


def _eight_men_per_tin(db: Database, p: PlannedExample) -> None:
    with db.transaction() as s:
        component = s.scalars(
            select(FinishedGoodComponent).where(
                FinishedGoodComponent.finished_unit_id == p.example.units["gingerbread-man"]
            )
        ).one()
        component.quantity = 8


def _more_tins(db: Database, p: PlannedExample) -> None:
    set_demand(db, "xmas", "holiday-tin", 25)


def _decide(db: Database, p: PlannedExample) -> None:
    decide_batches(db, "xmas", "sugar-cookie", 8)


def _denser_flour(db: Database, p: PlannedExample) -> None:
    with db.transaction() as s:
        s.get_one(Ingredient, p.example.ingredients["flour"]).density_weight_quantity = Decimal(130)


def _delete_icing_component(db: Database, p: PlannedExample) -> None:
    with db.transaction() as s:
        s.delete(s.scalars(select(RecipeComponent)).one())


def _buy_flour(db: Database, p: PlannedExample) -> None:
    with db.transaction() as s:
        sack = s.get_one(Product, p.example.products["flour-sack"])
        purchase = Purchase(
            product=sack,
            purchase_date=date(2026, 12, 1),
            packages_bought=Decimal(1),
            price_per_package=Decimal("15.49"),
        )
        s.add(InventoryItem(product=sack, purchase=purchase, initial_quantity=Decimal(25),
                            remaining_quantity=Decimal(25), unit_cost=Decimal("0.6196"),
                            purchase_date=date(2026, 12, 1)))  # fmt: skip


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (_edit_gingerbread_flour, "Recipe 'Gingerbread' changed"),
        (_change_cookie_yield, "Sugar cookie now yields 30 per batch"),
        (_eight_men_per_tin, "Holiday tin now holds 8 gingerbread men"),
        (_more_tins, "Demand for Holiday tin changed from 20 to 25"),
        (_decide, "Batches for Sugar cookie decided"),
        (_denser_flour, "Density of All-purpose flour is now 1 cup = 130 g"),
        (_delete_icing_component, "Recipe 'Gingerbread' changed"),
        (_buy_flour, "All-purpose flour purchase added"),
    ],
)
def test_changing_an_input_makes_the_plan_stale_with_a_reason(
    db: Database, change: Change, reason: str
) -> None:
    planned = planned_example(db)
    calculate_plan(db, "xmas")

    change(db, planned)

    plan = current_plan(db, "xmas")
    assert plan is not None
    assert plan.is_stale
    assert reason in plan.stale_reasons


def test_deleting_a_decision_is_a_change(db: Database) -> None:
    planned_example(db)
    decide_batches(db, "xmas", "sugar-cookie", 8)
    calculate_plan(db, "xmas")

    clear_batch_decision(db, "xmas", "sugar-cookie")

    plan = current_plan(db, "xmas")
    assert plan is not None
    assert plan.stale_reasons == ("Batch decision for Sugar cookie removed",)


def test_an_unrelated_change_leaves_the_plan_fresh(db: Database) -> None:
    planned = planned_example(db)
    calculate_plan(db, "xmas")

    with db.transaction() as s:
        factories.lot(s)  # stock of an ingredient the plan does not use
        factories.recipe(s, name="Brownies")
        s.get_one(Ingredient, planned.example.ingredients["flour"]).notes = "sift first"

    plan = current_plan(db, "xmas")
    assert plan is not None
    assert (plan.is_stale, plan.stale_reasons) == (False, ())


def test_recalculating_gives_a_fresh_plan(db: Database) -> None:
    planned_example(db)
    calculate_plan(db, "xmas")
    set_demand(db, "xmas", "holiday-tin", 25)

    calculate_plan(db, "xmas")

    plan = current_plan(db, "xmas")
    assert plan is not None
    assert (plan.is_stale, plan.results["requirements"][0]["needed"]) == (False, "150")


def test_a_change_back_makes_the_plan_fresh_again(db: Database) -> None:
    planned_example(db)
    calculate_plan(db, "xmas")
    set_demand(db, "xmas", "holiday-tin", 25)
    assert current_plan(db, "xmas").is_stale  # type: ignore[union-attr]

    set_demand(db, "xmas", "holiday-tin", 20)

    assert current_plan(db, "xmas").is_stale is False  # type: ignore[union-attr]


def test_removed_items_are_named_from_the_saved_inputs() -> None:
    old = {"demand": {"good:tin": {"name": "Holiday tin", "quantity": 20}}}

    assert describe_changes(old, {"demand": {}}) == ["Holiday tin removed from demand"]
