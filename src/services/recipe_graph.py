"""Recipes as a graph: flattening nested components into ingredient totals, cycle checks.

`ingredient_totals` is THE function that turns "N batches of these recipes" into base-unit
quantities per ingredient. Planning, costing and production all call it, so they can never
disagree. The shapes are plain data; `load_recipe_graph` fills them from the database with a
fixed number of queries per nesting level.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.models import Ingredient, Product, Recipe, RecipeComponent, RecipeIngredient, Unit
from src.services.errors import ConflictError
from src.services.units import Density, base_unit_for, convert_exact, to_decimal, to_fraction

MAX_NESTING_DEPTH = 5


@dataclass(frozen=True)
class IngredientInfo:
    id: int
    slug: str
    name: str
    category: str
    density: Density | None
    base_unit: Unit


@dataclass(frozen=True)
class Line:
    ingredient_id: int
    quantity: Decimal
    unit: Unit


@dataclass(frozen=True)
class RecipeNode:
    id: int
    slug: str
    name: str
    lines: tuple[Line, ...]
    components: tuple[tuple[int, Decimal], ...]  # (component recipe id, batch multiplier)


@dataclass(frozen=True)
class RecipeGraph:
    recipes: Mapping[int, RecipeNode]
    ingredients: Mapping[int, IngredientInfo]


def raw_ingredient_needs(
    graph: RecipeGraph, batches: Iterable[tuple[int, Decimal | Fraction | int]]
) -> dict[int, list[tuple[Fraction, Unit]]]:
    """Every ingredient line reached by `batches`, multiplied through nested components."""
    needs: dict[int, list[tuple[Fraction, Unit]]] = defaultdict(list)
    stack = [(recipe_id, to_fraction(count), 0) for recipe_id, count in batches]
    while stack:
        recipe_id, count, depth = stack.pop()
        if depth > MAX_NESTING_DEPTH:
            raise ConflictError(
                f"Recipe '{graph.recipes[recipe_id].name}' is nested more than "
                f"{MAX_NESTING_DEPTH} levels deep."
            )
        node = graph.recipes[recipe_id]
        for line in node.lines:
            needs[line.ingredient_id].append((count * to_fraction(line.quantity), line.unit))
        stack.extend(
            (child, count * to_fraction(mult), depth + 1) for child, mult in node.components
        )
    return needs


def ingredient_totals_exact(
    graph: RecipeGraph, batches: Iterable[tuple[int, Decimal | Fraction | int]]
) -> dict[int, Fraction]:
    """Exact base-unit totals per ingredient id for `batches` of (recipe id, batch count).

    Raises ConversionError naming the ingredient and units when a line cannot be converted.
    """
    totals: dict[int, Fraction] = {}
    for ingredient_id, parts in raw_ingredient_needs(graph, batches).items():
        info = graph.ingredients[ingredient_id]
        totals[ingredient_id] = sum(
            (convert_exact(q, unit, info.base_unit, info.density, info.name) for q, unit in parts),
            Fraction(0),
        )
    return totals


def ingredient_totals(
    graph: RecipeGraph, batches: Iterable[tuple[int, Decimal | Fraction | int]]
) -> dict[int, Decimal]:
    """Base-unit totals per ingredient id as Decimals (see ingredient_totals_exact)."""
    exact = ingredient_totals_exact(graph, batches)
    return {ingredient_id: to_decimal(total) for ingredient_id, total in exact.items()}


Node = TypeVar("Node", bound=Hashable)


def first_cycle(edges: Iterable[tuple[Node, Node]]) -> list[Node] | None:
    """Some cycle a → … → a along (parent, child) edges, or None (any hashable nodes)."""
    children: dict[Node, list[Node]] = defaultdict(list)
    for parent, child in edges:
        children[parent].append(child)
    return next(filter(None, (find_cycle(children, start) for start in list(children))), None)


def find_cycle(components: Mapping[Node, Iterable[Node]], start: Node) -> list[Node] | None:
    """A path start → … → start through `components` (id → child ids), or None."""
    path: list[Node] = []
    on_path: set[Node] = set()
    done: set[Node] = set()

    def visit(node: Node) -> list[Node] | None:
        if node in on_path:
            return [*path[path.index(node) :], node]
        if node in done:
            return None
        path.append(node)
        on_path.add(node)
        for child in components.get(node, ()):
            found = visit(child)
            if found:
                return found
        path.pop()
        on_path.discard(node)
        done.add(node)
        return None

    return visit(start)


def nesting_depth(components: Mapping[int, Iterable[int]], start: int) -> int:
    """Levels of nesting below `start` (0 = no components). Assumes no cycle."""
    children = list(components.get(start, ()))
    return 1 + max(nesting_depth(components, c) for c in children) if children else 0


def ingredient_density(ingredient: Ingredient) -> Density | None:
    if ingredient.density_volume_quantity is None:
        return None
    assert ingredient.density_volume_unit is not None
    assert ingredient.density_weight_quantity is not None
    assert ingredient.density_weight_unit is not None
    return Density(
        ingredient.density_volume_quantity,
        ingredient.density_volume_unit,
        ingredient.density_weight_quantity,
        ingredient.density_weight_unit,
    )


def load_ingredient_infos(
    session: Session, ingredient_ids: Iterable[int]
) -> dict[int, IngredientInfo]:
    """IngredientInfo (with base unit) for the ids, in three queries whatever their number."""
    ids = set(ingredient_ids)
    if not ids:
        return {}
    used: dict[int, set[Unit]] = defaultdict(set)
    line_units = select(RecipeIngredient.ingredient_id, RecipeIngredient.unit).distinct()
    product_units = select(Product.ingredient_id, Product.package_unit).distinct()
    for query in (line_units, product_units):
        for ingredient_id, unit in session.execute(query.where(query.selected_columns[0].in_(ids))):
            used[ingredient_id].add(unit)
    infos = {}
    for ingredient in session.scalars(select(Ingredient).where(Ingredient.id.in_(ids))):
        density = ingredient_density(ingredient)
        infos[ingredient.id] = IngredientInfo(
            ingredient.id,
            ingredient.slug,
            ingredient.name,
            ingredient.category,
            density,
            base_unit_for(density, used[ingredient.id]),
        )
    return infos


def load_recipe_graph(
    session: Session, recipe_ids: Iterable[int], also_ingredients: Iterable[int] = ()
) -> RecipeGraph:
    """The recipes, everything nested in them, and their ingredients (plus `also_ingredients`,
    e.g. packaging, so that one graph describes every ingredient a plan uses).

    Queries: three per nesting level plus three for ingredients (independent of row counts).
    """
    nodes: dict[int, RecipeNode] = {}
    frontier = set(recipe_ids)
    while frontier:
        level = _load_level(session, frontier)
        nodes.update(level)
        frontier = {child for node in level.values() for child, _ in node.components} - nodes.keys()
    ingredient_ids = {line.ingredient_id for node in nodes.values() for line in node.lines}
    return RecipeGraph(
        nodes, load_ingredient_infos(session, ingredient_ids | set(also_ingredients))
    )


def _load_level(session: Session, ids: set[int]) -> dict[int, RecipeNode]:
    lines: dict[int, list[Line]] = defaultdict(list)
    line_rows = session.execute(
        select(
            RecipeIngredient.recipe_id,
            RecipeIngredient.ingredient_id,
            RecipeIngredient.quantity,
            RecipeIngredient.unit,
        )
        .where(RecipeIngredient.recipe_id.in_(ids))
        .order_by(RecipeIngredient.recipe_id, RecipeIngredient.position, RecipeIngredient.id)
    )
    for recipe_id, ingredient_id, quantity, unit in line_rows:
        lines[recipe_id].append(Line(ingredient_id, quantity, unit))
    components: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)
    component_rows = session.execute(
        select(
            RecipeComponent.recipe_id,
            RecipeComponent.component_recipe_id,
            RecipeComponent.batch_multiplier,
        ).where(RecipeComponent.recipe_id.in_(ids))
    )
    for recipe_id, child_id, multiplier in component_rows:
        components[recipe_id].append((child_id, multiplier))
    recipes = session.execute(select(Recipe.id, Recipe.slug, Recipe.name).where(Recipe.id.in_(ids)))
    return {
        rid: RecipeNode(rid, slug, name, tuple(lines[rid]), tuple(components[rid]))
        for rid, slug, name in recipes
    }
