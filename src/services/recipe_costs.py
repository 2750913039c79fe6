"""What a recipe costs: a FIFO dry run over current lots for N batches (nested components
included), the latest price for what stock lacks, unpriced lines flagged, cost per unit.

Each line is priced as planning and production price it (recipe_graph.ingredient_totals,
costing.StockPricing). A recipe's total is its lines' exact costs added and rounded once
(StockPricing.batches_cost): the list of every recipe works it out without flattening the
lines priced per unit, and a recipe's own estimate takes its total from the same place, so
the two always agree to the last digit."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.garbage_collection import collection_paused
from src.models import FinishedUnit, InventoryItem, Product, Recipe, Unit
from src.services.costing import IngredientCost
from src.services.database import Database
from src.services.lookup import get_or_fail
from src.services.plain_rows import plain_rows
from src.services.prices import product_label
from src.services.pricing_inputs import load_pricing
from src.services.recipe_graph import (
    RecipeGraph,
    SplitFlattener,
    ingredient_totals,
    line_ingredients,
)
from src.services.recipe_loading import load_recipe_nodes
from src.services.records import positive_quantity


@dataclass(frozen=True)
class LotShareView:
    lot_id: int
    product_label: str
    purchase_date: date
    quantity: Decimal  # in the lot's unit
    unit: Unit
    cost: Decimal | None


@dataclass(frozen=True)
class CostLineView:
    """One ingredient of the recipe (all its lines and nested uses added up), in base units."""

    ingredient_id: int
    ingredient_name: str
    quantity: Decimal
    unit: Unit
    from_stock: Decimal
    stock_cost: Decimal | None
    uncovered: Decimal  # priced at the latest purchase price, when there is one
    uncovered_cost: Decimal | None
    cost: Decimal | None  # None = unpriced ("unknown"), never $0
    lots: tuple[LotShareView, ...]

    @property
    def unpriced(self) -> bool:
        return self.cost is None


@dataclass(frozen=True)
class UnitCostView:
    finished_unit_id: int
    name: str
    yield_per_batch: Decimal
    units_made: Decimal  # batches × yield per batch
    cost_per_unit: Decimal | None


@dataclass(frozen=True)
class RecipeCostView:
    recipe_id: int
    recipe_name: str
    batches: Decimal
    total: Decimal | None  # None when any line is unpriced
    known_total: Decimal  # what the priced lines add up to ("at least …")
    lines: tuple[CostLineView, ...]
    per_unit: tuple[UnitCostView, ...]

    @property
    def unpriced(self) -> tuple[str, ...]:
        return tuple(line.ingredient_name for line in self.lines if line.unpriced)


@dataclass(frozen=True)
class RecipeCostSummary:
    """A row of the recipe list: the cost of one batch."""

    recipe_id: int
    name: str
    category: str
    batch_cost: Decimal | None
    known_cost: Decimal
    unpriced_count: int
    per_unit: tuple[UnitCostView, ...]
    is_archived: bool = False


def estimate_recipe_cost(
    db: Database, recipe_id: int, batches: Decimal | int = 1
) -> RecipeCostView:
    """Cost of `batches` of a recipe from current stock; changes nothing.

    Raises NotFoundError, ValidationError (batches), ConversionError (a line without density).
    """
    with db.transaction() as s:
        recipe = get_or_fail(s, Recipe, recipe_id, "recipe")
        count = positive_quantity(batches, "Number of batches")
        nodes = load_recipe_nodes(s, [recipe_id])
        pricing = load_pricing(s, line_ingredients(nodes))
        graph = RecipeGraph(nodes, pricing.ingredients)
        estimate = pricing.estimate(ingredient_totals(graph, [(recipe_id, count)]))
        split = SplitFlattener(graph, pricing.prices_per_unit()).batch(recipe_id)
        cost = pricing.batches_cost(split, count)  # the recipe list's number, to the last digit
        return RecipeCostView(
            recipe_id=recipe_id,
            recipe_name=recipe.name,
            batches=count,
            total=cost.total,
            known_total=cost.known_total,
            lines=_line_views(s, estimate.lines),
            per_unit=_per_unit(_units(s, recipe_id), count, cost.total),
        )


@collection_paused()
def all_recipe_costs(db: Database, *, include_archived: bool = False) -> list[RecipeCostSummary]:
    """The cost of one batch of every recipe, each from current stock (three queries for any
    number of recipes). Raises ConversionError (a line without density)."""
    with db.transaction() as s:
        recipes, units = _recipes_and_units(s, include_archived)
        nodes = load_recipe_nodes(s, recipes)
        pricing = load_pricing(s, line_ingredients(nodes))
        batches = SplitFlattener(RecipeGraph(nodes, pricing.ingredients), pricing.prices_per_unit())
        summaries = []
        for recipe_id, (name, category, archived) in recipes.items():
            cost = pricing.batches_cost(batches.batch(recipe_id))
            summaries.append(
                RecipeCostSummary(recipe_id, name, category, cost.total, cost.known_total,
                                  cost.unpriced_count,
                                  _per_unit(units[recipe_id], Decimal(1), cost.total), archived)
            )  # fmt: skip
        return summaries


def _recipes_and_units(
    s: Session, include_archived: bool
) -> tuple[dict[int, tuple[str, str, bool]], dict[int, list[_Yield]]]:
    """(name, category, archived) of each recipe in name order, and its finished units."""
    query = (
        select(Recipe.id, Recipe.name, Recipe.category, Recipe.is_archived, *_YIELD_COLUMNS)
        .outerjoin(FinishedUnit, FinishedUnit.recipe_id == Recipe.id)
        .order_by(Recipe.name, Recipe.id, FinishedUnit.name, FinishedUnit.id)
    )
    if not include_archived:
        query = query.where(Recipe.is_archived.is_(False))
    recipes: dict[int, tuple[str, str, bool]] = {}
    units: dict[int, list[_Yield]] = defaultdict(list)
    for recipe_id, name, category, archived, unit_id, unit_name, per_batch in plain_rows(s, query):
        recipes[recipe_id] = (name, category, archived)
        if unit_id is not None:
            units[recipe_id].append(_Yield(unit_id, unit_name, per_batch))
    return recipes, units


@dataclass(frozen=True)
class _Yield:
    """A finished unit as the per-unit cost reads it."""

    id: int
    name: str
    per_batch: Decimal


_YIELD_COLUMNS = (FinishedUnit.id, FinishedUnit.name, FinishedUnit.yield_per_batch)


def _units(s: Session, recipe_id: int) -> list[_Yield]:
    query = select(*_YIELD_COLUMNS).where(FinishedUnit.recipe_id == recipe_id)
    return [_Yield(*row) for row in s.execute(query.order_by(FinishedUnit.name, FinishedUnit.id))]


def _per_unit(
    units: Sequence[_Yield], batches: Decimal, total: Decimal | None
) -> tuple[UnitCostView, ...]:
    views = []
    for unit in units:
        made = batches * unit.per_batch
        per_unit = None if total is None else total / made
        views.append(UnitCostView(unit.id, unit.name, unit.per_batch, made, per_unit))
    return tuple(views)


def _line_views(s: Session, lines: Sequence[IngredientCost]) -> tuple[CostLineView, ...]:
    lot_ids = {t.lot_id for line in lines for t in line.allocation.takes}
    rows = s.execute(
        select(InventoryItem.id, InventoryItem.purchase_date, Product.brand, Product.name)
        .join(Product, InventoryItem.product_id == Product.id)
        .where(InventoryItem.id.in_(lot_ids))
    )
    lots = {lot_id: (product_label(brand, name), bought) for lot_id, bought, brand, name in rows}
    return tuple(
        CostLineView(
            ingredient_id=line.ingredient_id,
            ingredient_name=line.ingredient,
            quantity=line.quantity,
            unit=Unit(line.unit),
            from_stock=line.from_stock,
            stock_cost=line.stock_cost,
            uncovered=line.uncovered,
            uncovered_cost=line.uncovered_cost,
            cost=line.cost,
            lots=tuple(
                LotShareView(t.lot_id, *lots[t.lot_id], t.quantity, t.unit, t.cost)
                for t in line.allocation.takes
            ),
        )
        for line in lines
    )
