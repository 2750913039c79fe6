"""Finished goods as a graph (units, nested goods, packaging) and their cost roll-up.

A finished unit costs one batch of its recipe (priced like recipe_costs) ÷ its yield; a good
costs its units and goods × their counts plus its packaging. Everything is priced from
current stock with the latest-price fallback; anything unpriced makes the total unknown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.models import FinishedGood, FinishedGoodComponent, FinishedGoodPackaging, FinishedUnit
from src.services.costing import StockPricing
from src.services.prices import product_prices
from src.services.recipe_graph import (
    IngredientInfo,
    Line,
    ingredient_totals,
    load_ingredient_infos,
    load_recipe_graph,
)
from src.services.stock import lots_by_ingredient
from src.services.units import convert


@dataclass(frozen=True)
class GoodNode:
    id: int
    name: str
    units: tuple[tuple[int, int], ...]  # (finished unit id, count)
    goods: tuple[tuple[int, int], ...]  # (component good id, count)
    packaging: tuple[Line, ...]


@dataclass(frozen=True)
class GoodsCosts:
    units: Mapping[int, Decimal | None]  # cost of one finished unit
    packaging: Mapping[Line, Decimal | None]  # cost of one packaging line
    goods: Mapping[int, Decimal | None]  # cost of one finished good


def load_goods(session: Session, good_ids: Iterable[int]) -> dict[int, GoodNode]:
    """The goods and every good nested in them (three queries per nesting level)."""
    nodes: dict[int, GoodNode] = {}
    frontier = set(good_ids)
    while frontier:
        level = _load_level(session, frontier)
        nodes.update(level)
        frontier = {g for node in level.values() for g, _ in node.goods} - nodes.keys()
    return nodes


def goods_costs(
    session: Session, nodes: Mapping[int, GoodNode], extra_packaging: Iterable[Line] = ()
) -> GoodsCosts:
    """Unit, packaging-line and good costs for `nodes` (closed under nesting) in a fixed number
    of queries. Raises ConversionError when a recipe or packaging line cannot be converted."""
    unit_rows = session.execute(
        select(FinishedUnit.id, FinishedUnit.recipe_id, FinishedUnit.yield_per_batch).where(
            FinishedUnit.id.in_({u for node in nodes.values() for u, _ in node.units})
        )
    ).all()
    graph = load_recipe_graph(session, {recipe_id for _, recipe_id, _ in unit_rows})
    lines = {line for node in nodes.values() for line in node.packaging} | set(extra_packaging)
    infos = {
        **graph.ingredients,
        **load_ingredient_infos(session, {x.ingredient_id for x in lines}),
    }
    lots = lots_by_ingredient(session, infos)
    prices = product_prices(session, infos)

    pricing = StockPricing(infos, lots, prices)

    def priced(needs: dict[int, Decimal]) -> Decimal | None:
        return pricing.estimate(needs).total

    units = {}
    for unit_id, recipe_id, per_batch in unit_rows:
        batch = priced(ingredient_totals(graph, [(recipe_id, 1)]))
        units[unit_id] = None if batch is None else batch / per_batch
    packaging = {line: priced(_packaging_need(line, infos[line.ingredient_id])) for line in lines}
    return GoodsCosts(units, packaging, roll_up(nodes, units, packaging))


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


def _load_level(session: Session, ids: set[int]) -> dict[int, GoodNode]:
    units: dict[int, list[tuple[int, int]]] = defaultdict(list)
    goods: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for good_id, unit_id, child_id, count in session.execute(
        select(
            FinishedGoodComponent.finished_good_id,
            FinishedGoodComponent.finished_unit_id,
            FinishedGoodComponent.component_good_id,
            FinishedGoodComponent.quantity,
        )
        .where(FinishedGoodComponent.finished_good_id.in_(ids))
        .order_by(FinishedGoodComponent.id)
    ):
        if unit_id is not None:
            units[good_id].append((unit_id, count))
        elif child_id is not None:
            goods[good_id].append((child_id, count))
    packaging: dict[int, list[Line]] = defaultdict(list)
    for good_id, ingredient_id, quantity, unit in session.execute(
        select(
            FinishedGoodPackaging.finished_good_id,
            FinishedGoodPackaging.ingredient_id,
            FinishedGoodPackaging.quantity,
            FinishedGoodPackaging.unit,
        )
        .where(FinishedGoodPackaging.finished_good_id.in_(ids))
        .order_by(FinishedGoodPackaging.id)
    ):
        packaging[good_id].append(Line(ingredient_id, quantity, unit))
    rows = session.execute(
        select(FinishedGood.id, FinishedGood.name).where(FinishedGood.id.in_(ids))
    )
    return {
        good_id: GoodNode(good_id, name, tuple(units[good_id]), tuple(goods[good_id]),
                          tuple(packaging[good_id]))
        for good_id, name in rows
    }  # fmt: skip
