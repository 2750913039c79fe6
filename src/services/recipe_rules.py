"""Rules a recipe must keep when it is saved: no cycles, nesting at most MAX_NESTING_DEPTH deep,
and what refuses its deletion. Helpers take a Session and never commit."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.models import (
    BatchDecision,
    Event,
    EventFinishedGood,
    EventRecipe,
    FinishedGood,
    FinishedGoodComponent,
    FinishedUnit,
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
    cycle = find_cycle(edges, recipe_id)
    if cycle:
        names = _names(session, cycle)
        raise ConflictError(
            f"'{names[cycle[0]]}' can't contain itself: {' → '.join(names[i] for i in cycle)}."
        )
    for top in _ancestors(edges, recipe_id):
        depth = nesting_depth(edges, top)
        if depth > MAX_NESTING_DEPTH:
            name = _names(session, [top])[top]
            raise ConflictError(
                f"Recipes can be nested at most {MAX_NESTING_DEPTH} levels deep; "
                f"'{name}' would be nested {depth} levels deep."
            )


def recipe_users(session: Session, recipe_id: int) -> list[str]:
    """What needs the recipe (other recipes, events, history), as phrases for a message."""
    units = select(FinishedUnit.id).where(FinishedUnit.recipe_id == recipe_id)
    return describe_users(
        session,
        [
            ("recipe", select(Recipe.name)
             .join(RecipeComponent, RecipeComponent.recipe_id == Recipe.id)
             .where(RecipeComponent.component_recipe_id == recipe_id)),
            ("finished good", select(FinishedGood.name)
             .join(FinishedGoodComponent, FinishedGoodComponent.finished_good_id == FinishedGood.id)
             .where(FinishedGoodComponent.finished_unit_id.in_(units))),
            ("event", select(Event.name).join(EventRecipe)
             .where(EventRecipe.recipe_id == recipe_id)),
            ("event demand of", select(Event.name).join(EventFinishedGood)
             .where(EventFinishedGood.finished_unit_id.in_(units))),
            ("batch decisions of", select(Event.name).join(BatchDecision)
             .where(BatchDecision.recipe_id == recipe_id)),
            ("production history of", select(Recipe.name).join(ProductionRun)
             .where(ProductionRun.recipe_id == recipe_id)),
        ],
    )  # fmt: skip


def finished_unit_users(session: Session, unit_id: int) -> list[str]:
    """What needs a finished unit (goods, events, history), as phrases for a message."""
    return describe_users(
        session,
        [
            ("finished good", select(FinishedGood.name)
             .join(FinishedGoodComponent, FinishedGoodComponent.finished_good_id == FinishedGood.id)
             .where(FinishedGoodComponent.finished_unit_id == unit_id)),
            ("event demand of", select(Event.name).join(EventFinishedGood)
             .where(EventFinishedGood.finished_unit_id == unit_id)),
            ("batch decisions of", select(Event.name).join(BatchDecision)
             .where(BatchDecision.finished_unit_id == unit_id)),
            ("production history of", select(FinishedUnit.name).join(ProductionRun)
             .where(ProductionRun.finished_unit_id == unit_id)),
        ],
    )  # fmt: skip


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
