"""Recipes as a graph: flattening nested components into ingredient totals, cycle checks.

`ingredient_totals` is THE function that turns "N batches of these recipes" into base-unit
quantities per ingredient. Planning, costing and production all call it, so they can never
disagree. The shapes are plain data; `recipe_loading.load_recipe_graph` fills them from the
database in two queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple, NoReturn, TypeVar

from src.models import Unit
from src.services.errors import ConflictError
from src.services.fraction import Fraction
from src.services.units import (
    Density,
    conversion_ratio,
    ratio_to_decimal,
    to_decimal,
    to_fraction,
)

MAX_NESTING_DEPTH = 5

# The shapes read and made by the thousand (a list that prices every recipe makes 10,000
# lines) are NamedTuples: as immutable as a frozen dataclass and made in a third of the time,
# as a frozen dataclass sets each field through object.__setattr__.


class IngredientInfo(NamedTuple):
    id: int
    slug: str
    name: str
    category: str
    density: Density | None
    base_unit: Unit


class Line(NamedTuple):
    ingredient_id: int
    quantity: Decimal
    unit: Unit


class RecipeNode(NamedTuple):
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
    # Base units per unit of each (ingredient, unit) a line uses (see _in_base_unit).
    _ratios: dict[tuple[int, Unit], Fraction] = field(
        default_factory=dict, compare=False, repr=False
    )


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
    and last component first) reaches them. Read only: it may be the graph's own."""
    asked = list(batches)
    if len(asked) == 1 and asked[0][1] == 1:  # one batch of one recipe: as flattened
        return _per_batch(graph, asked[0][0], 0).needs
    needs: dict[int, dict[Unit, Fraction]] = {}
    for recipe_id, count in reversed(asked):
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
        known = by_unit.get(line.unit)
        quantity = to_fraction(line.quantity)
        by_unit[line.unit] = quantity if known is None else known + quantity
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
    unscaled = by == 1
    for ingredient_id, by_unit in needs.items():
        target = into.get(ingredient_id)
        if target is None:
            into[ingredient_id] = (
                dict(by_unit) if unscaled else {unit: by * q for unit, q in by_unit.items()}
            )
            continue
        for unit, quantity in by_unit.items():
            scaled = quantity if unscaled else by * quantity
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
        parts = [
            _in_base_unit(graph, ingredient_id, unit, quantity)
            for unit, quantity in by_unit.items()
        ]
        totals[ingredient_id] = parts[0] if len(parts) == 1 else sum(parts, Fraction(0))
    return totals


def _in_base_unit(
    graph: RecipeGraph, ingredient_id: int, unit: Unit, quantity: Fraction
) -> Fraction:
    """`quantity` of `unit` in the ingredient's base unit (conversion ratios remembered per
    graph, as a list of many recipes converts the same few units thousands of times)."""
    ratio = _ratio(graph, ingredient_id, unit)
    return quantity if ratio == 1 else quantity * ratio


def _ratio(graph: RecipeGraph, ingredient_id: int, unit: Unit) -> Fraction:
    """Base units per `unit` of the ingredient, remembered per graph."""
    key = (ingredient_id, unit)
    ratio = graph._ratios.get(key)
    if ratio is None:
        info = graph.ingredients[ingredient_id]
        ratio = conversion_ratio(unit, info.base_unit, info.density, info.name)
        graph._ratios[key] = ratio
    return ratio


def ingredient_totals(
    graph: RecipeGraph, batches: Iterable[tuple[int, Decimal | Fraction | int]]
) -> dict[int, Decimal]:
    """Base-unit totals per ingredient id as Decimals (see ingredient_totals_exact)."""
    totals: dict[int, Decimal] = {}
    for ingredient_id, by_unit in raw_ingredient_needs(graph, batches).items():
        if len(by_unit) > 1:
            parts = (_in_base_unit(graph, ingredient_id, u, q) for u, q in by_unit.items())
            totals[ingredient_id] = to_decimal(sum(parts, Fraction(0)))
            continue
        ((unit, quantity),) = by_unit.items()  # the usual case: one product, no Fraction made
        ratio = _ratio(graph, ingredient_id, unit)
        totals[ingredient_id] = ratio_to_decimal(
            quantity.numerator * ratio.numerator, quantity.denominator * ratio.denominator
        )
    return totals


class SplitBatch(NamedTuple):
    """One batch of a recipe, components multiplied through, split for pricing: the exact
    cost of the lines of ingredients priced per unit, and the base-unit totals of the rest."""

    priced: Fraction  # what the per-unit priced lines cost, exactly
    unpriced: frozenset[int]  # per-unit ingredients that have no price
    totals: dict[int, Fraction]  # base units of every other ingredient
    height: int  # levels of nesting below the recipe


class SplitFlattener:
    """Flattens recipes as ingredient_totals_exact does, except that the lines of the
    ingredients in `per_unit` (id → exact price per base unit, None when unpriced) are priced
    as they are reached: their cost is carried up through components as one number rather
    than one total per ingredient. A list that prices every recipe flattens a third of the
    lines this way. Each recipe is split once (shared by every recipe nesting it)."""

    def __init__(self, graph: RecipeGraph, per_unit: Mapping[int, Fraction | None]) -> None:
        self.graph, self.per_unit = graph, per_unit
        self._split: dict[int, SplitBatch] = {}

    def batch(self, recipe_id: int) -> SplitBatch:
        """Raises ConversionError (a line) or ConflictError (nested too deep), as
        ingredient_totals does."""
        return self._batch(recipe_id, 0)

    def _batch(self, recipe_id: int, depth: int) -> SplitBatch:
        split = self._split.get(recipe_id)
        if split is None:
            if depth > MAX_NESTING_DEPTH:
                _too_deep(self.graph, recipe_id)
            split = self._split[recipe_id] = self._split_node(self.graph.recipes[recipe_id], depth)
        if depth + split.height > MAX_NESTING_DEPTH:
            _too_deep(
                self.graph, _deepest_below(self.graph, recipe_id, MAX_NESTING_DEPTH + 1 - depth)
            )
        return split

    def _split_node(self, node: RecipeNode, depth: int) -> SplitBatch:
        graph, per_unit, ratios = self.graph, self.per_unit, self.graph._ratios
        priced, unpriced, totals = Fraction(0), set[int](), dict[int, Fraction]()
        for i, amount, unit in node.lines:  # ≈ 10,000 lines for a list of every recipe
            ratio = ratios.get((i, unit)) or _ratio(graph, i, unit)  # never 0
            quantity = to_fraction(amount)
            if ratio != 1:
                quantity *= ratio
            if i not in per_unit:
                known = totals.get(i)
                totals[i] = quantity if known is None else known + quantity
            elif (price := per_unit[i]) is None:
                unpriced.add(i)
            else:
                priced += quantity * price
        height = 0
        for child, multiplier in node.components:
            nested, by = self._batch(child, depth + 1), to_fraction(multiplier)
            priced += by * nested.priced
            unpriced |= nested.unpriced
            for i, quantity in nested.totals.items():
                known = totals.get(i)
                totals[i] = by * quantity if known is None else known + by * quantity
            height = max(height, nested.height + 1)
        return SplitBatch(priced, frozenset(unpriced), totals, height)


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


def line_ingredients(nodes: Mapping[int, RecipeNode]) -> set[int]:
    """The ingredients the recipes' own lines use."""
    return {line.ingredient_id for node in nodes.values() for line in node.lines}
