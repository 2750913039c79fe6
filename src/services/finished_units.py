"""Finished units: what one batch of a recipe yields ("Sugar cookie, 36 per batch")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from src.models import FinishedUnit, Recipe
from src.services.database import Database
from src.services.lookup import get_or_fail
from src.services.recipe_rules import finished_unit_users
from src.services.records import clean_name, clean_text, positive_quantity, refuse_delete
from src.services.slugs import unique_slug


@dataclass(frozen=True)
class FinishedUnitInput:
    name: str
    yield_per_batch: Decimal
    item_unit: str = "each"
    notes: str | None = None


@dataclass(frozen=True)
class FinishedUnitView:
    id: int
    slug: str
    recipe_id: int
    recipe_name: str
    name: str
    yield_per_batch: Decimal
    item_unit: str
    inventory_count: int
    notes: str | None


def list_finished_units(db: Database, *, include_archived: bool = False) -> list[FinishedUnitView]:
    """Every finished unit with its recipe's name, by name (one query)."""
    query = select(FinishedUnit)
    if not include_archived:
        query = query.where(Recipe.is_archived.is_(False))
    with db.transaction() as s:
        return unit_views(s, query)


def get_finished_unit(db: Database, unit_id: int) -> FinishedUnitView:
    """One finished unit. Raises NotFoundError."""
    with db.transaction() as s:
        get_or_fail(s, FinishedUnit, unit_id, "finished unit")
        return _view(s, unit_id)


def add_finished_unit(db: Database, recipe_id: int, data: FinishedUnitInput) -> FinishedUnitView:
    """Add what a batch of the recipe yields. Raises NotFoundError, ValidationError."""
    with db.transaction() as s:
        recipe = get_or_fail(s, Recipe, recipe_id, "recipe")
        name = clean_name(data.name, "finished unit")
        row = FinishedUnit(slug=unique_slug(s, FinishedUnit.slug, name), recipe_id=recipe.id)
        _fill(row, data, name)
        s.add(row)
        s.flush()
        return _view(s, row.id)


def update_finished_unit(db: Database, unit_id: int, data: FinishedUnitInput) -> FinishedUnitView:
    """Change a finished unit's name or yield. Raises NotFoundError, ValidationError."""
    with db.transaction() as s:
        row = get_or_fail(s, FinishedUnit, unit_id, "finished unit")
        _fill(row, data, clean_name(data.name, "finished unit"))
        s.flush()
        return _view(s, row.id)


def delete_finished_unit(db: Database, unit_id: int) -> None:
    """Delete a finished unit nothing uses. Raises NotFoundError; ConflictError naming users."""
    with db.transaction() as s:
        row = get_or_fail(s, FinishedUnit, unit_id, "finished unit")
        refuse_delete(f"'{row.name}'", finished_unit_users(s, unit_id),
                      "Remove it there first.")  # fmt: skip
        s.delete(row)


def sync_finished_units(
    s: Session, recipe: Recipe, edits: Sequence[tuple[int | None, FinishedUnitInput]]
) -> None:
    """Make the recipe's finished units match `edits` ((id or None for a new one, input)):
    units left out are deleted (refused if something uses them), the rest updated or added.
    Takes the caller's session (part of saving the recipe)."""
    kept = {unit_id for unit_id, _ in edits if unit_id is not None}
    for unit in list(recipe.finished_units):
        if unit.id not in kept:
            refuse_delete(f"'{unit.name}'", finished_unit_users(s, unit.id),
                          "Remove it there first, or keep the yield.")  # fmt: skip
            recipe.finished_units.remove(unit)
            s.delete(unit)
    s.flush()
    for unit_id, data in edits:
        name = clean_name(data.name, "finished unit")
        if unit_id is None:
            row = FinishedUnit(slug=unique_slug(s, FinishedUnit.slug, name))
            recipe.finished_units.append(row)
        else:
            row = next(u for u in recipe.finished_units if u.id == unit_id)
        _fill(row, data, name)
        s.flush()


def copy_finished_units(s: Session, source: Recipe, target: Recipe) -> None:
    """Give `target` the same finished units as `source` (new slugs, nothing on hand)."""
    for unit in source.finished_units:
        name = unit.name
        target.finished_units.append(
            FinishedUnit(slug=unique_slug(s, FinishedUnit.slug, f"{target.name} {name}"),
                         name=name, yield_per_batch=unit.yield_per_batch,
                         item_unit=unit.item_unit, notes=unit.notes)
        )  # fmt: skip
        s.flush()


def _fill(row: FinishedUnit, data: FinishedUnitInput, name: str) -> None:
    row.name = name
    row.yield_per_batch = positive_quantity(data.yield_per_batch, f"Yield per batch of {name}")
    row.item_unit = clean_text(data.item_unit) or "each"
    row.notes = clean_text(data.notes)


def _view(s: Session, unit_id: int) -> FinishedUnitView:
    return unit_views(s, select(FinishedUnit).where(FinishedUnit.id == unit_id))[0]


def unit_views(s: Session, query: Select[FinishedUnit]) -> list[FinishedUnitView]:
    """FinishedUnitViews for the units `query` selects, by name (one query)."""
    rows = s.execute(
        query.join(Recipe, FinishedUnit.recipe_id == Recipe.id)
        .add_columns(Recipe.name)
        .order_by(FinishedUnit.name, FinishedUnit.id)
    )
    return [
        FinishedUnitView(u.id, u.slug, u.recipe_id, recipe, u.name, u.yield_per_batch,
                         u.item_unit, u.inventory_count, u.notes)
        for u, recipe in rows
    ]  # fmt: skip
