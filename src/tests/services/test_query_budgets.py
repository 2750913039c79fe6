"""Every list screen's data takes a number of SQL statements that does not grow with the rows.

The issue's budget for a list screen is at most 5 statements counting BEGIN, so at most 4
here (counted_statements leaves BEGIN out). The recipe costs, the finished goods (with their
rolled-up costs) and the events list with progress read more kinds of rows; they are held to
the fixed number they take now.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from src.models import (
    AssemblyRun,
    BatchDecision,
    EventFinishedGood,
    EventRecipe,
    EventRecipientPackage,
    FinishedGood,
    FinishedGoodComponent,
    FinishedGoodPackaging,
    FinishedUnit,
    IngredientKind,
    OutputMode,
    PackagePackaging,
    PlanState,
    ProductionRun,
    Recipe,
    RecipeComponent,
    Recipient,
    Unit,
)
from src.services.database import Database
from src.services.event_overview import list_events_with_progress
from src.services.finished_goods import list_finished_goods
from src.services.ingredients import list_ingredients
from src.services.inventory import list_lots
from src.services.overview import overview
from src.services.packages import list_packages
from src.services.products import list_products
from src.services.recipe_costs import all_recipe_costs
from src.services.recipes import list_recipes
from src.services.recipients import list_recipients
from src.tests import factories
from src.tests.db_probe import counted_statements

LISTS: dict[str, tuple[Callable[[Database], object], int]] = {
    "ingredients": (list_ingredients, 4),
    "products": (list_products, 4),
    "lots": (list_lots, 4),
    "recipes": (list_recipes, 4),
    "finished goods": (list_finished_goods, 4),
    "packages": (list_packages, 4),
    "recipients": (list_recipients, 4),
    "recipes with cost": (all_recipe_costs, 4),
    "events with progress": (lambda db: list_events_with_progress(db, date(2026, 11, 22)), 4),
    "dashboard": (lambda db: overview(db, date(2026, 11, 22)), 4),
}


def _grow(db: Database, n: int) -> None:
    """n of everything: stocked ingredients in nested recipes, goods, recipients, events."""
    with db.transaction() as s:
        inner, outer = None, None
        for i in range(n):
            product = factories.product(s)
            factories.lot(s, product)
            recipe = factories.recipe(s)
            factories.recipe_line(s, recipe, product.ingredient, "100", Unit.GRAM)
            if i % 2:  # every other recipe nests the one before, half a batch
                recipe.components.append(
                    RecipeComponent(component_recipe=inner, batch_multiplier=Decimal("0.5"))
                )
            inner = recipe
            unit = factories.finished_unit(s, recipe)
            good = factories.finished_good(s, [(unit, 2)])
            _wrap(s, good, outer)
            outer = good
            _started_event(s, recipe, unit, good, factories.recipient(s))


def _started_event(
    s: Session, recipe: Recipe, unit: FinishedUnit, good: FinishedGood, recipient: Recipient
) -> None:
    """An event in production with every kind of input its progress reads."""
    event = factories.event(s, output_mode=OutputMode.BULK_COUNT,
                            plan_state=PlanState.IN_PRODUCTION)  # fmt: skip
    package = factories.package(s, [(good, 1)])
    s.add_all([
        EventRecipe(event_id=event.id, recipe_id=recipe.id),
        EventFinishedGood(event_id=event.id, finished_unit_id=unit.id, quantity=40),
        EventFinishedGood(event_id=event.id, finished_good_id=good.id, quantity=2),
        EventRecipientPackage(event_id=event.id, recipient_id=recipient.id,
                              package_id=package.id),
        AssemblyRun(finished_good_id=good.id, event_id=event.id, quantity=1),
        ProductionRun(recipe_id=recipe.id, finished_unit_id=unit.id, event_id=event.id,
                      batches=1, expected_yield=36, actual_yield=36),
    ])  # fmt: skip
    s.flush()
    s.add(BatchDecision(event_id=event.id, recipe_id=recipe.id, finished_unit_id=unit.id,
                        batches=2))  # fmt: skip


def _wrap(s: Session, good: FinishedGood, previous: FinishedGood | None) -> None:
    """A tin around the good, the previous good nested in it, and a package of both."""
    tin = factories.ingredient(s, kind=IngredientKind.PACKAGING)
    factories.lot(s, factories.product(s, tin, package_unit=Unit.EACH))
    good.packaging.append(FinishedGoodPackaging(ingredient=tin, quantity=Decimal(1)))
    package = factories.package(s, [(good, 3)])
    package.packaging.append(PackagePackaging(ingredient=tin, quantity=Decimal(2)))
    if previous is not None:
        good.components.append(FinishedGoodComponent(component_good=previous, quantity=1))
    s.flush()


def _statements(db: Database, action: Callable[[Database], object]) -> int:
    with counted_statements(db) as statements:
        action(db)
    return len(statements)


@pytest.mark.parametrize("name", list(LISTS))
def test_list_statements_do_not_grow_with_the_number_of_rows(db: Database, name: str) -> None:
    action, budget = LISTS[name]
    _grow(db, 2)
    few = _statements(db, action)
    _grow(db, 6)

    assert _statements(db, action) == few <= budget
