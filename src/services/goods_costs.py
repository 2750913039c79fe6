"""What finished goods cost: their units, nested goods and packaging, rolled up.

A finished unit costs one batch of its recipe (priced as recipe_costs prices it) ÷ its
yield; a good costs its units and goods × their counts plus its packaging. Everything is
priced from current stock with the latest-price fallback; anything unpriced makes the total
unknown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from src.garbage_collection import collection_paused
from src.services.goods_tree import GoodNode, UnitYield
from src.services.pricing_inputs import load_pricing
from src.services.recipe_graph import (
    IngredientInfo,
    Line,
    RecipeGraph,
    SplitFlattener,
    line_ingredients,
)
from src.services.recipe_loading import load_recipe_nodes
from src.services.units import convert


@dataclass(frozen=True)
class GoodsCosts:
    units: Mapping[int, Decimal | None]  # cost of one finished unit
    packaging: Mapping[Line, Decimal | None]  # cost of one packaging line
    goods: Mapping[int, Decimal | None]  # cost of one finished good
    ingredients: Mapping[int, IngredientInfo]  # every ingredient priced (packaging names)


@collection_paused()
def goods_costs(
    session: Session,
    nodes: Mapping[int, GoodNode],
    units: Mapping[int, UnitYield],
    extra_packaging: Iterable[Line] = (),
) -> GoodsCosts:
    """Unit, packaging-line and good costs for `nodes` (closed under nesting; `units` holds
    their finished units) in two queries. Raises ConversionError when a recipe or packaging
    line cannot be converted."""
    used = {unit_id for node in nodes.values() for unit_id, _ in node.units}
    recipes = load_recipe_nodes(session, {units[u].recipe_id for u in used})
    lines = {line for node in nodes.values() for line in node.packaging} | set(extra_packaging)
    pricing = load_pricing(session, line_ingredients(recipes) | {x.ingredient_id for x in lines})
    split = SplitFlattener(RecipeGraph(recipes, pricing.ingredients), pricing.prices_per_unit())
    batches: dict[int, Decimal | None] = {}  # one batch of each recipe, priced once

    def unit_cost(unit: UnitYield) -> Decimal | None:
        if unit.recipe_id not in batches:
            batches[unit.recipe_id] = pricing.batches_cost(split.batch(unit.recipe_id)).total
        batch = batches[unit.recipe_id]
        return None if batch is None else batch / unit.per_batch

    unit_costs = {u: unit_cost(units[u]) for u in sorted(used)}
    packaging = {
        line: pricing.total(_packaging_need(line, pricing.ingredients[line.ingredient_id])).total
        for line in lines
    }
    return GoodsCosts(
        unit_costs, packaging, roll_up(nodes, unit_costs, packaging), pricing.ingredients
    )


def roll_up(
    nodes: Mapping[int, GoodNode],
    unit_costs: Mapping[int, Decimal | None],
    packaging_costs: Mapping[Line, Decimal | None],
) -> dict[int, Decimal | None]:
    """The cost of one of each good: its parts × counts; None when any part is unknown."""
    costs: dict[int, Decimal | None] = {}

    def cost(good_id: int) -> Decimal | None:
        if good_id not in costs:
            node = nodes[good_id]
            child_costs = {g: cost(g) for g, _ in node.goods}
            costs[good_id] = node_cost(node, unit_costs, child_costs, packaging_costs)
        return costs[good_id]

    for good_id in nodes:
        cost(good_id)
    return costs


def node_cost(
    node: GoodNode,
    unit_costs: Mapping[int, Decimal | None],
    good_costs: Mapping[int, Decimal | None],
    packaging_costs: Mapping[Line, Decimal | None],
) -> Decimal | None:
    """One good's (or package's) cost from its parts' costs; None when any is unknown."""
    parts = [cost_times(unit_costs[u], n) for u, n in node.units]
    parts += [cost_times(good_costs[g], n) for g, n in node.goods]
    parts += [packaging_costs[line] for line in node.packaging]
    known = [p for p in parts if p is not None]
    return sum(known, Decimal(0)) if len(known) == len(parts) else None


def cost_times(cost: Decimal | None, count: int) -> Decimal | None:
    """`count` of something costing `cost` each; unknown stays unknown."""
    return None if cost is None else cost * count


def _packaging_need(line: Line, info: IngredientInfo) -> dict[int, Decimal]:
    return {info.id: convert(line.quantity, line.unit, info.base_unit, info.density, info.name)}
