"""What the planning workspace offers in its pickers: recipes, goods, units, packages, recipients.

Read-only, four queries in all, returned as frozen values sorted by name. Recipes, units and
goods come from src.services.choices (the same lists production picks from).
Archived goods, packages and recipients are left out; archived recipes are kept (flagged)
so an event that still selects one can show it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from src.models import OutputMode, Package, Recipient
from src.services.choices import (
    GoodOption,
    RecipeUnitRow,
    UnitOption,
    goods_in,
    recipe_unit_rows,
    recipes_from,
)
from src.services.database import Database

OUTPUT_MODES: tuple[OutputMode, ...] = tuple(OutputMode)  # what EventFields.output_mode takes


@dataclass(frozen=True)
class RecipeChoice:
    slug: str
    name: str
    category: str
    yields: tuple[str, ...]  # "36 Sugar cookie per batch", one per finished unit
    archived: bool


@dataclass(frozen=True)
class ItemChoice:
    slug: str
    name: str


@dataclass(frozen=True)
class PlanningChoices:
    recipes: tuple[RecipeChoice, ...]  # recipes with at least one finished unit
    goods: tuple[GoodOption, ...]
    units: tuple[UnitOption, ...]  # of recipes that are not archived
    packages: tuple[ItemChoice, ...]
    recipients: tuple[ItemChoice, ...]


def planning_choices(db: Database) -> PlanningChoices:
    """Every list the planning pickers need (four queries)."""
    with db.transaction() as s:
        rows = recipe_unit_rows(s)
        goods = tuple(goods_in(s))
        packages, recipients = (
            tuple(
                ItemChoice(slug, name)
                for slug, name in s.execute(
                    select(model.slug, model.name)
                    .where(model.is_archived.is_(False))
                    .order_by(model.name, model.slug)
                )
            )
            for model in (Package, Recipient)
        )
    units = (unit for recipe in recipes_from(rows) for unit in recipe.units)
    return PlanningChoices(
        recipes=_recipes(rows),
        goods=goods,
        units=tuple(sorted(units, key=lambda unit: (unit.name.lower(), unit.slug))),
        packages=packages,
        recipients=recipients,
    )


def _recipes(rows: list[RecipeUnitRow]) -> tuple[RecipeChoice, ...]:
    yields: dict[str, list[str]] = {}
    first: dict[str, tuple[str, str, bool]] = {}
    for _id, slug, name, category, archived, _unit, _slug, unit_name, per_batch in rows:
        first.setdefault(slug, (name, category, archived))
        yields.setdefault(slug, []).append(f"{per_batch.normalize():f} {unit_name} per batch")
    return tuple(
        RecipeChoice(slug, name, category, tuple(yields[slug]), archived)
        for slug, (name, category, archived) in first.items()
    )
