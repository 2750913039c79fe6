"""Recipes as a graph: flattening nested components into ingredient totals, cycle checks.

`ingredient_totals` is THE function that turns "N batches of these recipes" into base-unit
quantities per ingredient. Planning, costing and production all call it, so they can never
disagree. The shapes are plain data; `load_recipe_graph` fills them from the database with a
fixed number of queries per nesting level.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import NoReturn, TypeVar

from sqlalchemy import Select, select, union
from sqlalchemy.orm import Session

from src.models import Ingredient, Product, Recipe, RecipeComponent, RecipeIngredient, Unit
from src.services.errors import ConflictError
from src.services.units import Density, base_unit_for, conversion_ratio, to_decimal, to_fraction

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
    # One batch of each recipe flattened (see _per_batch), filled as recipes are asked for.
    _flat: dict[int, _Flat] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class _Flat:
    """One batch of a recipe with its components multiplied through: per ingredient (in the
    order the lines are first reached), the quantity per unit the lines use."""

    needs: dict[int, dict[Unit, Fraction]]
    height: int  # levels of nesting below the recipe


def raw_ingredient_needs(
    graph: RecipeGraph, batches: Iterable[tuple[int, Decimal | Fraction | int]]
) -> dict[int, dict[Unit, Fraction]]:
    """Every ingredient reached by `batches`, multiplied through nested components: the
    quantity per unit its lines use, ingredients in the order a depth-first walk (last batch
    and last component first) reaches them."""
    needs: dict[int, dict[Unit, Fraction]] = {}
    for recipe_id, count in reversed(list(batches)):
        _add_scaled(needs, _per_batch(graph, recipe_id, 0).needs, to_fraction(count))
    return needs


def _per_batch(graph: RecipeGraph, recipe_id: int, depth: int) -> _Flat:
    """One batch of the recipe, flattened once per graph and remembered (shared by every
    recipe that nests it). Raises ConflictError when nested more than MAX_NESTING_DEPTH."""
    flat = graph._flat.get(recipe_id)
    if flat is None:
        if depth > MAX_NESTING_DEPTH:
            _too_deep(graph, recipe_id)
        flat = _flatten(graph, graph.recipes[recipe_id], depth)
        graph._flat[recipe_id] = flat
    if depth + flat.height > MAX_NESTING_DEPTH:
        _too_deep(graph, _deepest_below(graph, recipe_id, MAX_NESTING_DEPTH + 1 - depth))
    return flat


def _flatten(graph: RecipeGraph, node: RecipeNode, depth: int) -> _Flat:
    needs: dict[int, dict[Unit, Fraction]] = {}
    for line in node.lines:
        by_unit = needs.setdefault(line.ingredient_id, {})
        by_unit[line.unit] = by_unit.get(line.unit, Fraction(0)) + to_fraction(line.quantity)
    height = 0
    for child, multiplier in reversed(node.components):
        nested = _per_batch(graph, child, depth + 1)
        _add_scaled(needs, nested.needs, to_fraction(multiplier))
        height = max(height, nested.height + 1)
    return _Flat(needs, height)


def _add_scaled(
    into: dict[int, dict[Unit, Fraction]],
    needs: Mapping[int, Mapping[Unit, Fraction]],
    by: Fraction,
) -> None:
    for ingredient_id, by_unit in needs.items():
        target = into.setdefault(ingredient_id, {})
        for unit, quantity in by_unit.items():
            scaled = quantity if by == 1 else by * quantity
            known = target.get(unit)
            target[unit] = scaled if known is None else known + scaled


def _deepest_below(graph: RecipeGraph, recipe_id: int, levels: int) -> int:
    """The recipe `levels` below `recipe_id` that a depth-first walk reaches first."""
    stack = [(recipe_id, 0)]
    while stack:
        current, level = stack.pop()
        if level == levels:
            return current
        stack.extend((child, level + 1) for child, _ in graph.recipes[current].components)
    return recipe_id


def _too_deep(graph: RecipeGraph, recipe_id: int) -> NoReturn:
    raise ConflictError(
        f"Recipe '{graph.recipes[recipe_id].name}' is nested more than "
        f"{MAX_NESTING_DEPTH} levels deep."
    )


def ingredient_totals_exact(
    graph: RecipeGraph, batches: Iterable[tuple[int, Decimal | Fraction | int]]
) -> dict[int, Fraction]:
    """Exact base-unit totals per ingredient id for `batches` of (recipe id, batch count).

    Raises ConversionError naming the ingredient and units when a line cannot be converted.
    """
    totals: dict[int, Fraction] = {}
    for ingredient_id, by_unit in raw_ingredient_needs(graph, batches).items():
        info = graph.ingredients[ingredient_id]
        parts = [
            quantity * conversion_ratio(unit, info.base_unit, info.density, info.name)
            for unit, quantity in by_unit.items()
        ]
        totals[ingredient_id] = parts[0] if len(parts) == 1 else sum(parts, Fraction(0))
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
    return density_of(
        ingredient.density_volume_quantity,
        ingredient.density_volume_unit,
        ingredient.density_weight_quantity,
        ingredient.density_weight_unit,
    )


def density_of(
    volume: Decimal | None,
    volume_unit: Unit | None,
    weight: Decimal | None,
    weight_unit: Unit | None,
) -> Density | None:
    """The Density of an ingredient's four density columns (all set or all empty)."""
    if volume is None:
        return None
    assert volume_unit is not None and weight is not None and weight_unit is not None
    return Density(volume, volume_unit, weight, weight_unit)


def load_ingredient_infos(
    session: Session, ingredient_ids: Iterable[int]
) -> dict[int, IngredientInfo]:
    """IngredientInfo (with base unit) for the ids, in two queries whatever their number."""
    ids = set(ingredient_ids)
    if not ids:
        return {}
    used = units_used(session, ids)
    rows = session.execute(
        select(Ingredient.id, Ingredient.slug, Ingredient.name, Ingredient.category,
               Ingredient.density_volume_quantity, Ingredient.density_volume_unit,
               Ingredient.density_weight_quantity, Ingredient.density_weight_unit)
        .where(Ingredient.id.in_(ids))
    )  # fmt: skip
    infos = {}
    for ingredient_id, slug, name, category, volume, volume_unit, weight, weight_unit in rows:
        density = density_of(volume, volume_unit, weight, weight_unit)
        infos[ingredient_id] = IngredientInfo(
            ingredient_id, slug, name, category, density,
            base_unit_for(density, used[ingredient_id]),
        )  # fmt: skip
    return infos


def units_used(session: Session, ingredient_ids: Iterable[int]) -> dict[int, set[Unit]]:
    """The units each ingredient's recipe lines and products use (one query)."""
    ids = set(ingredient_ids)
    lines = select(RecipeIngredient.ingredient_id, RecipeIngredient.unit).where(
        RecipeIngredient.ingredient_id.in_(ids)
    )
    products = select(Product.ingredient_id, Product.package_unit).where(
        Product.ingredient_id.in_(ids)
    )
    used: dict[int, set[Unit]] = defaultdict(set)
    for ingredient_id, unit in session.execute(union(lines, products)):
        used[ingredient_id].add(Unit(unit))
    return used


def load_recipe_graph(
    session: Session, recipe_ids: Iterable[int], also_ingredients: Iterable[int] = ()
) -> RecipeGraph:
    """The recipes, everything nested in them, and their ingredients (plus `also_ingredients`,
    e.g. packaging, so that one graph describes every ingredient a plan uses).

    Queries: three for the recipes (nested ones found by a recursive query, however deep)
    plus three for ingredients, whatever the number of rows.
    """
    tree = _recipe_tree(recipe_ids)
    lines: dict[int, list[Line]] = defaultdict(list)
    line_rows = session.execute(
        select(RecipeIngredient.recipe_id, RecipeIngredient.ingredient_id,
               RecipeIngredient.quantity, RecipeIngredient.unit)
        .where(RecipeIngredient.recipe_id.in_(tree))
        .order_by(RecipeIngredient.recipe_id, RecipeIngredient.position, RecipeIngredient.id)
    )  # fmt: skip
    for recipe_id, ingredient_id, quantity, unit in line_rows:
        lines[recipe_id].append(Line(ingredient_id, quantity, unit))
    components: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)
    component_rows = session.execute(
        select(RecipeComponent.recipe_id, RecipeComponent.component_recipe_id,
               RecipeComponent.batch_multiplier)
        .where(RecipeComponent.recipe_id.in_(tree))
        .order_by(RecipeComponent.id)
    )  # fmt: skip
    for recipe_id, child_id, multiplier in component_rows:
        components[recipe_id].append((child_id, multiplier))
    recipes = session.execute(
        select(Recipe.id, Recipe.slug, Recipe.name).where(Recipe.id.in_(tree))
    )
    nodes = {
        rid: RecipeNode(rid, slug, name, tuple(lines[rid]), tuple(components[rid]))
        for rid, slug, name in recipes
    }
    ingredient_ids = {line.ingredient_id for node in nodes.values() for line in node.lines}
    return RecipeGraph(
        nodes, load_ingredient_infos(session, ingredient_ids | set(also_ingredients))
    )


def _recipe_tree(recipe_ids: Iterable[int]) -> Select[tuple[int]]:
    """The ids of the recipes and of every recipe nested in them, at any depth (a recursive
    query, as SQLite and PostgreSQL both run it; UNION stops at recipes already found)."""
    top = select(Recipe.id.label("id")).where(Recipe.id.in_(set(recipe_ids)))
    tree = top.cte("recipe_tree", recursive=True)
    nested = select(RecipeComponent.component_recipe_id).join(
        tree, RecipeComponent.recipe_id == tree.c.id
    )
    tree = tree.union(nested)
    return select(tree.c.id)
