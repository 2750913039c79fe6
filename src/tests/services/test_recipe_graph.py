"""Flattening nested recipes into ingredient totals (the DOMAIN.md worked example)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from src.models import Unit
from src.services.errors import ConflictError, ConversionError
from src.services.fraction import Fraction
from src.services.recipe_graph import (
    IngredientInfo,
    Line,
    RecipeGraph,
    RecipeNode,
    SplitFlattener,
    find_cycle,
    first_cycle,
    ingredient_totals,
    ingredient_totals_exact,
    nesting_depth,
)
from src.services.recipe_loading import load_recipe_graph, units_used
from src.tests import factories
from src.tests.worked_example import build_worked_example


def _by_slug(graph: RecipeGraph, totals: dict[int, Decimal]) -> dict[str, Decimal]:
    return {graph.ingredients[i].slug: q for i, q in totals.items()}


def test_worked_example_totals_for_7_cookie_and_5_gingerbread_batches(session: Session) -> None:
    ex = build_worked_example(session)
    graph = load_recipe_graph(session, ex.recipes.values())
    totals = _by_slug(
        graph,
        ingredient_totals(
            graph, [(ex.recipes["sugar-cookies"], 7), (ex.recipes["gingerbread"], 5)]
        ),
    )
    assert totals["flour"] == Decimal("4812.5")
    assert totals["sugar"] == Decimal(2150)
    assert totals["butter"] == Decimal("2440.25")
    assert totals["powdered-sugar"] == Decimal(1200)
    assert totals["egg"] == Decimal("19.5")
    assert totals["vanilla"] == Decimal("69.0049023125")
    assert totals["ginger"] == Decimal("73.93382390625")
    units = {info.slug: info.base_unit for info in graph.ingredients.values()}
    assert units == {
        "flour": Unit.GRAM, "sugar": Unit.GRAM, "butter": Unit.GRAM, "powdered-sugar": Unit.GRAM,
        "egg": Unit.EACH, "vanilla": Unit.MILLILITER, "ginger": Unit.MILLILITER,
    }  # fmt: skip


def test_nested_component_is_multiplied_through(session: Session) -> None:
    ex = build_worked_example(session)
    graph = load_recipe_graph(session, [ex.recipes["gingerbread"]])
    totals = _by_slug(graph, ingredient_totals(graph, [(ex.recipes["gingerbread"], 1)]))
    # 0.5 batch of royal icing: 2 cup powdered sugar (240 g) and 1.5 eggs, plus 1 own egg.
    assert totals["powdered-sugar"] == Decimal(240)
    assert totals["egg"] == Decimal("2.5")


def test_graph_loading_takes_fixed_queries_whatever_the_nesting(session: Session) -> None:
    from sqlalchemy import event

    ex = build_worked_example(session)
    statements: list[str] = []
    engine = session.get_bind()
    event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    load_recipe_graph(session, [ex.recipes["gingerbread"]])
    # the recipes with their lines and components (nested ones by a recursive query), and
    # the ingredients with the units they are used in
    assert len(statements) == 2


def test_base_units_count_the_lines_of_other_recipes_and_every_product(
    session: Session,
) -> None:
    vanilla, cocoa, sprinkles = (factories.ingredient(session) for _ in range(3))
    listed, other = factories.recipe(session), factories.recipe(session)
    factories.recipe_line(session, listed, vanilla, "2", Unit.TEASPOON)
    factories.recipe_line(session, listed, cocoa, "1", Unit.CUP)
    factories.recipe_line(session, other, cocoa, "10", Unit.GRAM)  # by weight elsewhere
    factories.recipe_line(session, listed, sprinkles, "1", Unit.TABLESPOON)
    factories.product(session, sprinkles, package_unit=Unit.DOZEN, is_archived=True)

    graph = load_recipe_graph(session, [listed.id])

    assert graph.recipes.keys() == {listed.id}
    assert {i.id: i.base_unit for i in graph.ingredients.values()} == {
        vanilla.id: Unit.MILLILITER, cocoa.id: Unit.GRAM, sprinkles.id: Unit.MILLILITER,
    }  # fmt: skip
    assert units_used(session, [cocoa.id, sprinkles.id]) == {
        cocoa.id: {Unit.CUP, Unit.GRAM}, sprinkles.id: {Unit.TABLESPOON, Unit.DOZEN},
    }  # fmt: skip


def _node(
    rid: int, lines: tuple[Line, ...] = (), comps: tuple[tuple[int, Decimal], ...] = ()
) -> RecipeNode:
    return RecipeNode(rid, f"r{rid}", f"Recipe {rid}", lines, comps)


def test_unconvertible_line_is_a_clear_error() -> None:
    cocoa = IngredientInfo(1, "cocoa", "Cocoa", "Baking", None, Unit.GRAM)
    graph = RecipeGraph({1: _node(1, (Line(1, Decimal(1), Unit.CUP),))}, {1: cocoa})
    with pytest.raises(ConversionError, match="Cocoa from 'cup' to 'g'"):
        ingredient_totals(graph, [(1, 1)])


def test_nesting_deeper_than_five_levels_is_refused() -> None:
    nodes = {i: _node(i, comps=((i + 1, Decimal(1)),)) for i in range(1, 7)} | {7: _node(7)}
    with pytest.raises(ConflictError, match="more than 5 levels"):
        ingredient_totals(RecipeGraph(nodes, {}), [(1, 1)])


def test_a_split_batch_prices_some_ingredients_and_totals_the_others(session: Session) -> None:
    ex = build_worked_example(session)
    gingerbread = ex.recipes["gingerbread"]  # nests half a batch of royal icing
    graph = load_recipe_graph(session, [gingerbread])
    exact = ingredient_totals_exact(graph, [(gingerbread, 1)])
    eggs, ginger = ex.ingredients["egg"], ex.ingredients["ginger"]
    assert exact[eggs] == Fraction(5, 2)  # 1 + 0.5 × 3: one of them in the icing

    split = SplitFlattener(graph, {eggs: Fraction(1, 3), ginger: None}).batch(gingerbread)

    assert split.priced == Fraction(5, 6)  # 2.5 eggs at a third each, exactly
    assert split.unpriced == {ginger}
    assert split.totals == {i: q for i, q in exact.items() if i not in (eggs, ginger)}
    assert split.height == 1


def test_a_split_batch_refuses_what_flattening_refuses() -> None:
    cocoa = IngredientInfo(1, "cocoa", "Cocoa", "Baking", None, Unit.GRAM)
    graph = RecipeGraph({1: _node(1, (Line(1, Decimal(1), Unit.CUP),))}, {1: cocoa})
    with pytest.raises(ConversionError, match="Cocoa from 'cup' to 'g'"):
        SplitFlattener(graph, {1: Fraction(1)}).batch(1)
    nodes = {i: _node(i, comps=((i + 1, Decimal(1)),)) for i in range(1, 7)} | {7: _node(7)}
    deep = SplitFlattener(RecipeGraph(nodes, {}), {})
    deep.batch(3)  # four levels below: allowed on its own
    with pytest.raises(ConflictError, match="Recipe 7' is nested more than 5 levels"):
        deep.batch(1)


def test_first_cycle_follows_edges_of_any_nodes() -> None:
    assert first_cycle([("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")]) is None
    assert first_cycle([("x", "a"), ("a", "b"), ("b", "a")]) == ["a", "b", "a"]
    assert first_cycle([("a", "a")]) == ["a", "a"]


def test_find_cycle_returns_the_path() -> None:
    assert find_cycle({1: [2], 2: [3], 3: [1]}, 1) == [1, 2, 3, 1]
    assert find_cycle({1: [2], 2: [3], 3: []}, 1) is None
    assert find_cycle({1: [2, 3], 2: [4], 3: [4], 4: []}, 1) is None


def test_nesting_depth_counts_levels() -> None:
    assert nesting_depth({1: [2], 2: [3], 3: []}, 1) == 2
    assert nesting_depth({}, 1) == 0
