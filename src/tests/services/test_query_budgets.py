"""Every list screen's data takes a number of SQL statements that does not grow with the rows.

The issue's budget for a list screen is at most 5 statements counting BEGIN, so at most 4
here (counted_statements leaves BEGIN out): the pantry tabs, recipes (with their costs),
goods and packages, recipients, events (with progress) and the dashboard, production
history, delivery, the reports and the pickers those screens offer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from src.models import (
    AssemblyRun,
    BatchDecision,
    Event,
    EventFinishedGood,
    EventRecipe,
    EventRecipientPackage,
    FinishedGood,
    FinishedGoodComponent,
    FinishedGoodPackaging,
    FinishedUnit,
    IngredientKind,
    LossCategory,
    OutputMode,
    PackagePackaging,
    PlanState,
    ProductionLoss,
    ProductionRun,
    ProductionStatus,
    Purchase,
    Recipe,
    RecipeComponent,
    Recipient,
    Unit,
)
from src.services.choices import event_options, good_options, recipe_options
from src.services.database import Database
from src.services.delivery import delivery_board
from src.services.event_overview import list_events_with_progress
from src.services.finished_goods import list_finished_goods, list_good_contents
from src.services.ingredients import list_ingredients
from src.services.inventory import list_lots, lots_page
from src.services.overview import overview
from src.services.packages import list_packages
from src.services.planning_choices import planning_choices
from src.services.production_history import production_history
from src.services.products import list_products
from src.services.purchases import list_purchases, purchases_page
from src.services.recipe_costs import all_recipe_costs
from src.services.recipes import list_recipe_yields, list_recipes
from src.services.recipients import list_recipients
from src.services.reports import event_cost, loss_report, spending_by_month
from src.services.suppliers import list_suppliers
from src.tests import factories
from src.tests.db_probe import counted_statements

TODAY = date(2026, 11, 22)
BUDGET = 4  # statements besides BEGIN

# What each screen reads; `event` is the first event's id (delivery and the event reports).
LISTS: dict[str, Callable[[Database, int], object]] = {
    "ingredients": lambda db, _: list_ingredients(db),
    "products": lambda db, _: list_products(db),
    "lots in stock": lambda db, _: list_lots(db),
    "lots with the newest empty (switch)": lambda db, _: lots_page(db, limit=5),
    "lots searched (switch)": lambda db, _: lots_page(db, search="PRODUCT ingredient", limit=5),
    "suppliers": lambda db, _: list_suppliers(db),
    "purchases": lambda db, _: list_purchases(db),
    "purchases of every year (switch)": lambda db, _: purchases_page(db, limit=5),
    "purchases searched (switch)": lambda db, _: purchases_page(db, search="product 1", limit=5),
    "recipes": lambda db, _: list_recipes(db),
    "recipes with yields": lambda db, _: list_recipe_yields(db, include_archived=True),
    "recipes with cost": lambda db, _: all_recipe_costs(db),
    "goods with contents": lambda db, _: list_good_contents(db),
    "finished goods": lambda db, _: list_finished_goods(db),
    "packages": lambda db, _: list_packages(db),
    "recipients": lambda db, _: list_recipients(db),
    "events with progress": lambda db, _: list_events_with_progress(db, TODAY),
    "dashboard": lambda db, _: overview(db, TODAY),
    "production history": lambda db, _: production_history(db),
    "delivery board": lambda db, event: delivery_board(db, event),
    "event cost report": lambda db, event: event_cost(db, event),
    "loss report": lambda db, _: loss_report(db),
    "spending report": lambda db, _: spending_by_month(db),
    "recipe picker": lambda db, _: recipe_options(db),
    "good picker": lambda db, _: good_options(db),
    "event picker": lambda db, _: event_options(db),
    "planning choices": lambda db, _: planning_choices(db),
}


def _grow(db: Database, n: int) -> None:
    """n of everything: stocked ingredients in nested recipes, goods, recipients, events."""
    with db.transaction() as s:
        inner, outer = None, None
        for i in range(n):
            product = factories.product(s)
            factories.lot(s, product)
            s.add(Purchase(product=product, supplier=factories.supplier(s),
                           purchase_date=date(2026, 10, 1 + i), packages_bought=Decimal(2),
                           price_per_package=Decimal("4.99")))  # fmt: skip
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
    ])  # fmt: skip
    run = ProductionRun(recipe_id=recipe.id, finished_unit_id=unit.id, event_id=event.id,
                        batches=1, expected_yield=36, actual_yield=30, loss_quantity=6,
                        production_status=ProductionStatus.PARTIAL_LOSS)  # fmt: skip
    s.add(run)
    s.flush()
    s.add(ProductionLoss(production_run_id=run.id, finished_unit_id=unit.id, event_id=event.id,
                         loss_category=LossCategory.BURNT, loss_quantity=6))  # fmt: skip
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


def _statements(db: Database, action: Callable[[Database, int], object]) -> int:
    with db.transaction() as s:
        event = s.scalars(select(Event.id).order_by(Event.id)).first() or 0
    with counted_statements(db) as statements:
        action(db, event)
    return len(statements)


@pytest.mark.parametrize("name", list(LISTS))
def test_list_statements_do_not_grow_with_the_number_of_rows(db: Database, name: str) -> None:
    _grow(db, 2)
    few = _statements(db, LISTS[name])
    _grow(db, 6)

    assert _statements(db, LISTS[name]) == few <= BUDGET
