"""Rules a recipe must keep when it is saved: no cycles, nesting at most MAX_NESTING_DEPTH deep,
and what refuses its deletion. Helpers take a Session and never commit."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from src.models import (
    AssemblyConsumption,
    BatchDecision,
    Event,
    EventFinishedGood,
    EventRecipe,
    FinishedGood,
    FinishedGoodComponent,
    FinishedUnit,
    ProductionLoss,
    ProductionRun,
    Recipe,
    RecipeComponent,
)
from src.services.errors import ConflictError
from src.services.recipe_graph import MAX_NESTING_DEPTH, find_cycle, nesting_depth
from src.services.records import describe_users


def check_components(session: Session, recipe_id: int, children: Iterable[int]) -> None:
    """ConflictError when giving `recipe_id` these component recipes makes a cycle (the path
    is named, e.g. "Royal icing → Gingerbread → Royal icing") or nests too deep."""
    edges: dict[int, list[int]] = defaultdict(list)
    for parent, child in session.execute(
        select(RecipeComponent.recipe_id, RecipeComponent.component_recipe_id)
    ):
        if parent != recipe_id:
            edges[parent].append(child)
    edges[recipe_id] = list(children)
    refuse_cycle(edges, recipe_id, lambda ids: _names(session, ids))
    for top in _ancestors(edges, recipe_id):
        depth = nesting_depth(edges, top)
        if depth > MAX_NESTING_DEPTH:
            name = _names(session, [top])[top]
            raise ConflictError(
                f"Recipes can be nested at most {MAX_NESTING_DEPTH} levels deep; "
                f"'{name}' would be nested {depth} levels deep."
            )


def recipe_users(session: Session, recipe_id: int) -> list[str]:
    """What needs the recipe (other recipes, events, goods, history), as phrases for a message."""
    units = select(FinishedUnit.id).where(FinishedUnit.recipe_id == recipe_id)
    return describe_users(
        session,
        [
            ("recipe", select(Recipe.name)
             .join(RecipeComponent, RecipeComponent.recipe_id == Recipe.id)
             .where(RecipeComponent.component_recipe_id == recipe_id)),
            ("event", select(Event.name).join(EventRecipe)
             .where(EventRecipe.recipe_id == recipe_id)),
            *_unit_checks(units),
        ],
    )  # fmt: skip


def finished_unit_users(session: Session, unit_id: int) -> list[str]:
    """What needs a finished unit (goods, events, history), as phrases for a message."""
    return describe_users(
        session, _unit_checks(select(FinishedUnit.id).where(FinishedUnit.id == unit_id))
    )


def refuse_cycle(
    edges: Mapping[int, Iterable[int]], start: int, names: Callable[[list[int]], dict[int, str]]
) -> None:
    """ConflictError naming the path when `edges` (id → contained ids) lead from `start` back."""
    cycle = find_cycle(edges, start)
    if cycle:
        named = names(cycle)
        raise ConflictError(
            f"'{named[cycle[0]]}' can't contain itself: {' → '.join(named[i] for i in cycle)}."
        )


def _unit_checks(units: Select[int]) -> list[tuple[str, Select[str]]]:
    return [
        ("finished good", select(FinishedGood.name)
         .join(FinishedGoodComponent, FinishedGoodComponent.finished_good_id == FinishedGood.id)
         .where(FinishedGoodComponent.finished_unit_id.in_(units))),
        ("event demand of", select(Event.name).join(EventFinishedGood)
         .where(EventFinishedGood.finished_unit_id.in_(units))),
        ("batch decisions of", select(Event.name).join(BatchDecision)
         .where(BatchDecision.finished_unit_id.in_(units))),
        ("production history of", select(FinishedUnit.name)
         .join(ProductionRun, ProductionRun.finished_unit_id == FinishedUnit.id)
         .where(FinishedUnit.id.in_(units))),
        ("loss records of", select(FinishedUnit.name)
         .join(ProductionLoss, ProductionLoss.finished_unit_id == FinishedUnit.id)
         .where(FinishedUnit.id.in_(units))),
        ("assembly history of", select(FinishedUnit.name)
         .join(AssemblyConsumption, AssemblyConsumption.finished_unit_id == FinishedUnit.id)
         .where(FinishedUnit.id.in_(units))),
    ]  # fmt: skip


def _ancestors(edges: dict[int, list[int]], recipe_id: int) -> set[int]:
    """`recipe_id` and every recipe that (indirectly) contains it."""
    parents: dict[int, set[int]] = defaultdict(set)
    for parent, children in edges.items():
        for child in children:
            parents[child].add(parent)
    found, frontier = {recipe_id}, [recipe_id]
    while frontier:
        for parent in parents[frontier.pop()] - found:
            found.add(parent)
            frontier.append(parent)
    return found


def _names(session: Session, ids: list[int]) -> dict[int, str]:
    rows = session.execute(select(Recipe.id, Recipe.name).where(Recipe.id.in_(ids)))
    return {recipe_id: name for recipe_id, name in rows}
