"""Read-only lists for pickers: ingredients, recipes with their finished units, finished
goods, events.

Each list is one query and returns frozen values, so forms can offer choices without
reaching into the catalog or planning services. Values carry both the id (production keys
by id) and the slug (planning keys by slug); planning_choices builds on the session-level
`recipe_unit_rows` and `goods_in` so each list is read in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from src.models import (
    Event,
    FinishedGood,
    FinishedUnit,
    Ingredient,
    IngredientKind,
    LossCategory,
    PlanState,
    Recipe,
)
from src.services.database import Database

LOSS_CATEGORIES: tuple[LossCategory, ...] = tuple(LossCategory)


@dataclass(frozen=True)
class IngredientOption:
    id: int
    name: str


@dataclass(frozen=True)
class UnitOption:
    id: int
    slug: str
    name: str
    yield_per_batch: Decimal


@dataclass(frozen=True)
class RecipeOption:
    id: int
    name: str
    units: tuple[UnitOption, ...]


@dataclass(frozen=True)
class GoodOption:
    id: int
    slug: str
    name: str
    on_hand: int


@dataclass(frozen=True)
class EventOption:
    id: int
    name: str
    event_date: date
    is_open: bool  # False once completed: nothing more can be recorded for it


# recipe id, slug, name, category, archived; unit id, slug, name, yield per batch
RecipeUnitRow = Row[int, str, str, str, bool, int, str, str, Decimal]


def recipe_unit_rows(s: Session) -> list[RecipeUnitRow]:
    """Every recipe with each of its finished units (archived recipes too), by name."""
    return list(
        s.execute(
            select(Recipe.id, Recipe.slug, Recipe.name, Recipe.category, Recipe.is_archived,
                   FinishedUnit.id, FinishedUnit.slug, FinishedUnit.name,
                   FinishedUnit.yield_per_batch)
            .join(FinishedUnit, FinishedUnit.recipe_id == Recipe.id)
            .order_by(Recipe.name, Recipe.id, FinishedUnit.name, FinishedUnit.id)
        ).all()
    )  # fmt: skip


def recipes_from(rows: list[RecipeUnitRow]) -> list[RecipeOption]:
    """The recipes that are not archived, each with its units."""
    names: dict[int, str] = {}
    units: dict[int, list[UnitOption]] = {}
    for recipe_id, _slug, recipe, _category, archived, unit_id, slug, unit, per_batch in rows:
        if not archived:
            names[recipe_id] = recipe
            units.setdefault(recipe_id, []).append(UnitOption(unit_id, slug, unit, per_batch))
    return [RecipeOption(r, names[r], tuple(units[r])) for r in names]


def goods_in(s: Session) -> list[GoodOption]:
    """Finished goods that are not archived, by name, with how many are on hand."""
    rows = s.execute(
        select(FinishedGood.id, FinishedGood.slug, FinishedGood.name, FinishedGood.inventory_count)
        .where(FinishedGood.is_archived.is_(False))
        .order_by(FinishedGood.name, FinishedGood.id)
    ).all()
    return [GoodOption(*row) for row in rows]


def ingredient_options(db: Database, *, packaging_only: bool = False) -> list[IngredientOption]:
    """Ingredients that are not archived (only packaging, if asked), by name: what a picker
    offers, without the stock on hand the ingredients list works out."""
    query = select(Ingredient.id, Ingredient.name).where(Ingredient.is_archived.is_(False))
    if packaging_only:
        query = query.where(Ingredient.kind == IngredientKind.PACKAGING)
    with db.transaction() as s:
        rows = s.execute(query.order_by(Ingredient.name, Ingredient.id)).all()
    return [IngredientOption(*row) for row in rows]


def recipe_options(db: Database) -> list[RecipeOption]:
    """Recipes that are not archived and have a finished unit, by name, units by name."""
    with db.transaction() as s:
        return recipes_from(recipe_unit_rows(s))


def good_options(db: Database) -> list[GoodOption]:
    """Finished goods that are not archived, by name, with how many are on hand."""
    with db.transaction() as s:
        return goods_in(s)


def event_options(db: Database) -> list[EventOption]:
    """Every event, soonest first."""
    with db.transaction() as s:
        rows = s.execute(
            select(Event.id, Event.name, Event.event_date, Event.plan_state).order_by(
                Event.event_date, Event.name, Event.id
            )
        ).all()
    return [
        EventOption(i, name, when, state is not PlanState.COMPLETED)
        for i, name, when, state in rows
    ]
