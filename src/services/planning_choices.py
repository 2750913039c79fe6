"""What the planning workspace offers in its pickers: recipes, goods, units, packages, recipients.

Read-only, four queries in all,, returned as frozen values sorted by name.
Archived goods, packages and recipients are left out; archived recipes are kept (flagged)
so an event that still selects one can show it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Row, select

from src.models import FinishedGood, FinishedUnit, OutputMode, Package, Recipe, Recipient
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
    goods: tuple[ItemChoice, ...]
    units: tuple[ItemChoice, ...]
    packages: tuple[ItemChoice, ...]
    recipients: tuple[ItemChoice, ...]


def planning_choices(db: Database) -> PlanningChoices:
    """Every list the planning pickers need (four queries)."""
    with db.transaction() as s:
        unit_rows = s.execute(
            select(
                Recipe.slug, Recipe.name, Recipe.category, Recipe.is_archived,
                FinishedUnit.slug, FinishedUnit.name, FinishedUnit.yield_per_batch,
            )
            .join(FinishedUnit, FinishedUnit.recipe_id == Recipe.id)
            .order_by(Recipe.name, Recipe.slug, FinishedUnit.name, FinishedUnit.slug)
        ).all()  # fmt: skip
        goods, packages, recipients = (
            tuple(
                ItemChoice(slug, name)
                for slug, name in s.execute(
                    select(model.slug, model.name)
                    .where(model.is_archived.is_(False))
                    .order_by(model.name, model.slug)
                )
            )
            for model in (FinishedGood, Package, Recipient)
        )
    return PlanningChoices(
        recipes=_recipes(unit_rows),
        goods=goods,
        units=tuple(
            sorted(
                (ItemChoice(row[4], row[5]) for row in unit_rows if not row[3]),
                key=lambda unit: (unit.name.lower(), unit.slug),
            )
        ),
        packages=packages,
        recipients=recipients,
    )


UnitRow = Row[str, str, str, bool, str, str, Decimal]


def _recipes(rows: Sequence[UnitRow]) -> tuple[RecipeChoice, ...]:
    yields: dict[str, list[str]] = {}
    first: dict[str, tuple[str, str, bool]] = {}
    for slug, name, category, archived, _unit, unit_name, per_batch in rows:
        first.setdefault(slug, (name, category, archived))
        yields.setdefault(slug, []).append(f"{per_batch.normalize():f} {unit_name} per batch")
    return tuple(
        RecipeChoice(slug, name, category, tuple(yields[slug]), archived)
        for slug, (name, category, archived) in first.items()
    )
