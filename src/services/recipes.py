"""Recipes: ingredient lines, nested components, categories, archive, delete, variants."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from src.models import FinishedUnit, Ingredient, Recipe, RecipeComponent, RecipeIngredient, Unit
from src.services.database import Database
from src.services.errors import ValidationError
from src.services.finished_units import (
    FinishedUnitInput,
    FinishedUnitView,
    copy_finished_units,
    sync_finished_units,
    unit_views,
)
from src.services.lookup import get_or_fail
from src.services.plain_rows import plain_rows
from src.services.products import ensure_convertible
from src.services.recipe_rules import check_components, recipe_users
from src.services.records import (
    clean_name,
    clean_text,
    ensure_unique_name,
    positive_quantity,
    refuse_delete,
)
from src.services.slugs import unique_slug
from src.services.units import parse_unit


@dataclass(frozen=True)
class LineInput:
    ingredient_id: int
    quantity: Decimal
    unit: Unit | str
    notes: str | None = None


@dataclass(frozen=True)
class ComponentInput:
    recipe_id: int
    batch_multiplier: Decimal
    notes: str | None = None


@dataclass(frozen=True)
class RecipeInput:
    name: str
    category: str = "Uncategorized"
    lines: tuple[LineInput, ...] = ()
    components: tuple[ComponentInput, ...] = ()
    notes: str | None = None
    source: str | None = None
    is_production_ready: bool = False
    is_archived: bool | None = None  # None: leave as it is
    # What a batch yields, as (existing unit id or None, input); None: leave them as they are.
    finished_units: tuple[tuple[int | None, FinishedUnitInput], ...] | None = None


@dataclass(frozen=True)
class LineView:
    ingredient_id: int
    ingredient_name: str
    quantity: Decimal
    unit: Unit
    notes: str | None


@dataclass(frozen=True)
class ComponentView:
    recipe_id: int
    recipe_name: str
    batch_multiplier: Decimal
    notes: str | None


@dataclass(frozen=True)
class RecipeSummary:
    id: int
    slug: str
    name: str
    category: str
    is_archived: bool
    is_production_ready: bool
    base_recipe_id: int | None
    variant_name: str | None


@dataclass(frozen=True)
class RecipeView:
    summary: RecipeSummary
    notes: str | None
    source: str | None
    lines: tuple[LineView, ...]
    components: tuple[ComponentView, ...]
    finished_units: tuple[FinishedUnitView, ...]
    used_in: tuple[str, ...]  # names of the recipes that contain this one

    @property
    def id(self) -> int:
        return self.summary.id

    @property
    def name(self) -> str:
        return self.summary.name


@dataclass(frozen=True)
class BatchYield:
    """What one batch of a recipe makes of a finished unit ("36 sugar cookies")."""

    name: str
    yield_per_batch: Decimal


@dataclass(frozen=True)
class RecipeYields:
    """A recipe with what one batch makes: the recipe list's row before its cost is known."""

    summary: RecipeSummary
    yields: tuple[BatchYield, ...]  # by name


def list_recipes(
    db: Database,
    *,
    search: str | None = None,
    category: str | None = None,
    include_archived: bool = False,
) -> list[RecipeSummary]:
    """Recipes by name, optionally matching `search` and in `category` (one query)."""
    query = _recipes_query(include_archived)
    if search and search.strip():
        query = query.where(Recipe.name.icontains(search.strip(), autoescape=True))
    if category is not None:
        query = query.where(Recipe.category == category)
    with db.transaction() as s:
        return [RecipeSummary(*row) for row in plain_rows(s, query)]


def list_recipe_yields(db: Database, *, include_archived: bool = False) -> list[RecipeYields]:
    """Recipes by name, each with what a batch makes (finished units by name); nothing priced
    (two queries)."""
    query = _recipes_query(include_archived)
    units = (
        select(FinishedUnit.recipe_id, FinishedUnit.name, FinishedUnit.yield_per_batch)
        .where(FinishedUnit.recipe_id.in_(query.with_only_columns(Recipe.id).order_by(None)))
        .order_by(FinishedUnit.name, FinishedUnit.id)
    )
    with db.transaction() as s:
        recipes = [RecipeSummary(*row) for row in plain_rows(s, query)]
        yields: dict[int, list[BatchYield]] = {r.id: [] for r in recipes}
        for recipe_id, name, per_batch in plain_rows(s, units):
            yields[recipe_id].append(BatchYield(name, per_batch))
        return [RecipeYields(r, tuple(yields[r.id])) for r in recipes]


def recipe_categories(db: Database) -> list[str]:
    """Every recipe category in use, alphabetically."""
    with db.transaction() as s:
        return sorted(s.scalars(select(Recipe.category).distinct()), key=str.lower)


def get_recipe(db: Database, recipe_id: int) -> RecipeView:
    """One recipe with its lines, components and finished units. Raises NotFoundError."""
    with db.transaction() as s:
        return recipe_view(s, get_or_fail(s, Recipe, recipe_id, "recipe"))


def create_recipe(db: Database, data: RecipeInput) -> RecipeView:
    """Add a recipe. Raises ValidationError, NotFoundError (an ingredient or component),
    ConversionError (a line's unit), ConflictError (name taken, cycle, nesting too deep)."""
    with db.transaction() as s:
        name = clean_name(data.name, "recipe")
        ensure_unique_name(s, Recipe.name, name, "recipe")
        row = Recipe(slug=unique_slug(s, Recipe.slug, name), name=name)
        s.add(row)
        _fill(s, row, data, name)
        return recipe_view(s, row)


def update_recipe(db: Database, recipe_id: int, data: RecipeInput) -> RecipeView:
    """Replace a recipe's details, lines and components. Raises as create_recipe does."""
    with db.transaction() as s:
        row = get_or_fail(s, Recipe, recipe_id, "recipe")
        name = clean_name(data.name, "recipe")
        ensure_unique_name(s, Recipe.name, name, "recipe", exclude_id=row.id)
        _fill(s, row, data, name)
        return recipe_view(s, row)


def archive_recipe(db: Database, recipe_id: int, archived: bool = True) -> RecipeView:
    """Hide (or bring back) a recipe; history and recipes using it keep it. Raises NotFound."""
    with db.transaction() as s:
        row = get_or_fail(s, Recipe, recipe_id, "recipe")
        row.is_archived = archived
        s.flush()
        return recipe_view(s, row)


def delete_recipe(db: Database, recipe_id: int) -> None:
    """Delete a recipe nothing uses. Raises NotFoundError; ConflictError naming its users."""
    with db.transaction() as s:
        row = get_or_fail(s, Recipe, recipe_id, "recipe")
        refuse_delete(f"'{row.name}'", recipe_users(s, recipe_id),
                      "Remove it there first, or archive it.")  # fmt: skip
        s.delete(row)


def duplicate_recipe(
    db: Database, recipe_id: int, variant_name: str, name: str | None = None
) -> RecipeView:
    """Save a recipe as a variant: a copy linked to its base. Raises NotFound, Validation,
    ConflictError (name taken)."""
    with db.transaction() as s:
        base = get_or_fail(s, Recipe, recipe_id, "recipe")
        variant = clean_name(variant_name, "variant")
        new_name = clean_name(name or f"{base.name} ({variant})", "recipe")
        ensure_unique_name(s, Recipe.name, new_name, "recipe")
        copy = Recipe(
            slug=unique_slug(s, Recipe.slug, new_name), name=new_name, category=base.category,
            notes=base.notes, source=base.source, base_recipe_id=base.id, variant_name=variant,
        )  # fmt: skip
        copy.ingredients = [
            RecipeIngredient(ingredient_id=line.ingredient_id, quantity=line.quantity,
                             unit=line.unit, position=line.position, notes=line.notes)
            for line in base.ingredients
        ]  # fmt: skip
        copy.components = [
            RecipeComponent(component_recipe_id=c.component_recipe_id,
                            batch_multiplier=c.batch_multiplier, notes=c.notes)
            for c in base.components
        ]  # fmt: skip
        s.add(copy)
        s.flush()
        copy_finished_units(s, base, copy)
        return recipe_view(s, copy)


def _fill(s: Session, row: Recipe, data: RecipeInput, name: str) -> None:
    row.name = name
    row.category = clean_text(data.category) or "Uncategorized"
    row.notes = clean_text(data.notes)
    row.source = clean_text(data.source)
    row.is_production_ready = data.is_production_ready
    if data.is_archived is not None:
        row.is_archived = data.is_archived
    row.ingredients.clear()
    row.components.clear()
    s.flush()
    row.ingredients.extend(_line(s, line, position) for position, line in enumerate(data.lines))
    _refuse_repeated_components(s, data.components)
    children = [_component(s, c) for c in data.components]
    check_components(s, row.id, [c.component_recipe_id for c in children])
    row.components.extend(children)
    s.flush()
    if data.finished_units is not None:
        sync_finished_units(s, row, data.finished_units)


def _line(s: Session, line: LineInput, position: int) -> RecipeIngredient:
    ingredient = get_or_fail(s, Ingredient, line.ingredient_id, "ingredient")
    unit = parse_unit(line.unit)
    ensure_convertible(s, ingredient, unit)
    quantity = positive_quantity(line.quantity, f"Quantity of {ingredient.name}")
    return RecipeIngredient(ingredient=ingredient, quantity=quantity, unit=unit,
                            position=position, notes=clean_text(line.notes))  # fmt: skip


def _refuse_repeated_components(s: Session, components: tuple[ComponentInput, ...]) -> None:
    ids = [c.recipe_id for c in components]
    repeated = {i for i in ids if ids.count(i) > 1}
    if repeated:
        name = get_or_fail(s, Recipe, min(repeated), "recipe").name
        raise ValidationError(f"'{name}' is listed twice among the components.")


def _component(s: Session, component: ComponentInput) -> RecipeComponent:
    child = get_or_fail(s, Recipe, component.recipe_id, "recipe")
    multiplier = positive_quantity(component.batch_multiplier, f"Batches of {child.name}")
    return RecipeComponent(component_recipe_id=child.id, batch_multiplier=multiplier,
                           notes=clean_text(component.notes))  # fmt: skip


def _summary(r: Recipe) -> RecipeSummary:
    return RecipeSummary(r.id, r.slug, r.name, r.category, r.is_archived,
                         r.is_production_ready, r.base_recipe_id, r.variant_name)  # fmt: skip


def recipe_view(s: Session, row: Recipe) -> RecipeView:
    """The RecipeView of a loaded recipe (helper; five queries)."""
    lines = s.execute(
        select(RecipeIngredient, Ingredient.name)
        .join(Ingredient, RecipeIngredient.ingredient_id == Ingredient.id)
        .where(RecipeIngredient.recipe_id == row.id)
        .order_by(RecipeIngredient.position, RecipeIngredient.id)
    )
    components = s.execute(
        select(RecipeComponent, Recipe.name)
        .join(Recipe, RecipeComponent.component_recipe_id == Recipe.id)
        .where(RecipeComponent.recipe_id == row.id)
        .order_by(Recipe.name)
    )
    used_in = s.scalars(
        select(Recipe.name)
        .join(RecipeComponent, RecipeComponent.recipe_id == Recipe.id)
        .where(RecipeComponent.component_recipe_id == row.id)
        .order_by(Recipe.name)
    )
    return RecipeView(
        summary=_summary(row),
        notes=row.notes,
        source=row.source,
        lines=tuple(LineView(li.ingredient_id, name, li.quantity, li.unit, li.notes)
                    for li, name in lines),
        components=tuple(ComponentView(c.component_recipe_id, name, c.batch_multiplier, c.notes)
                         for c, name in components),
        finished_units=tuple(unit_views(s, _units_of(row.id))),
        used_in=tuple(used_in),
    )  # fmt: skip


def _recipes_query(include_archived: bool) -> Select[*tuple[Any, ...]]:
    """RecipeSummary's columns, in its order, of the recipes by name."""
    query = select(
        Recipe.id, Recipe.slug, Recipe.name, Recipe.category, Recipe.is_archived,
        Recipe.is_production_ready, Recipe.base_recipe_id, Recipe.variant_name,
    ).order_by(Recipe.name, Recipe.id)  # fmt: skip
    return query if include_archived else query.where(Recipe.is_archived.is_(False))


def _units_of(recipe_id: int) -> Select[FinishedUnit]:
    return select(FinishedUnit).where(FinishedUnit.recipe_id == recipe_id)
