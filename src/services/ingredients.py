"""Ingredients: the generic things recipes use ("All-purpose flour"), with density and stock."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from src.models import (
    FinishedGood,
    FinishedGoodPackaging,
    Ingredient,
    IngredientKind,
    Package,
    PackagePackaging,
    Product,
    ProductionRun,
    ProductionShortfall,
    Recipe,
    RecipeIngredient,
    Unit,
)
from src.services.database import Database
from src.services.errors import ConversionError, ValidationError
from src.services.lookup import get_or_fail
from src.services.recipe_graph import IngredientInfo
from src.services.recipe_loading import density_of, units_used
from src.services.records import (
    clean_name,
    clean_text,
    describe_users,
    ensure_unique_name,
    refuse_delete,
)
from src.services.slugs import unique_slug
from src.services.stock import on_hand
from src.services.units import Density, base_unit_for, parse_unit

INGREDIENT_KINDS: tuple[IngredientKind, ...] = tuple(IngredientKind)  # for kind pickers
_DENSITY = re.compile(r"^\s*([0-9.]+)\s*([^=0-9]+?)\s*=\s*([0-9.]+)\s*([^=0-9]+?)\s*$")


@dataclass(frozen=True)
class IngredientInput:
    """What the ingredient form holds; density as text, e.g. "1 cup = 125 g" (blank = none)."""

    name: str
    category: str = "Uncategorized"
    kind: IngredientKind = IngredientKind.FOOD
    density: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class IngredientView:
    id: int
    slug: str
    name: str
    category: str
    kind: IngredientKind
    density: Density | None
    notes: str | None
    is_archived: bool
    base_unit: Unit
    on_hand: Decimal  # in base_unit
    product_count: int


def parse_density(text: str | None) -> Density | None:
    """ "1 cup = 125 g" → Density; blank → None. ValidationError/ConversionError when unclear."""
    if text is None or not text.strip():
        return None
    match = _DENSITY.match(text)
    if match is None:
        raise ValidationError(
            f"Density '{text}' should read like '1 cup = 125 g' (a volume = a weight)."
        )
    volume, volume_unit, weight, weight_unit = match.groups()
    return Density(
        _number(volume, text),
        parse_unit(volume_unit),
        _number(weight, text),
        parse_unit(weight_unit),
    )


def _number(text: str, density: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValidationError(f"'{text}' in density '{density}' is not a number.") from None


def list_ingredients(
    db: Database,
    *,
    search: str | None = None,
    include_archived: bool = False,
    kind: IngredientKind | None = None,
) -> list[IngredientView]:
    """Ingredients by name (optionally matching `search`), with base unit and stock on hand."""
    query = _columns().order_by(Ingredient.name, Ingredient.id)
    if search and search.strip():
        query = query.where(Ingredient.name.icontains(search.strip(), autoescape=True))
    if not include_archived:
        query = query.where(Ingredient.is_archived.is_(False))
    if kind is not None:
        query = query.where(Ingredient.kind == kind)
    with db.transaction() as s:
        return _views(s, query)


def get_ingredient(db: Database, ingredient_id: int) -> IngredientView:
    """One ingredient. Raises NotFoundError."""
    with db.transaction() as s:
        get_or_fail(s, Ingredient, ingredient_id, "ingredient")
        return _views(s, _columns().where(Ingredient.id == ingredient_id))[0]


def ingredient_categories(db: Database) -> list[str]:
    """Every category in use, alphabetically (for the category picker)."""
    with db.transaction() as s:
        return sorted(s.scalars(select(Ingredient.category).distinct()), key=str.lower)


def create_ingredient(db: Database, data: IngredientInput) -> IngredientView:
    """Add an ingredient. Raises ValidationError, ConversionError (density), ConflictError."""
    with db.transaction() as s:
        name = clean_name(data.name, "ingredient")
        ensure_unique_name(s, Ingredient.name, name, "ingredient")
        row = Ingredient(slug=unique_slug(s, Ingredient.slug, name), name=name)
        _fill(row, data, name)
        s.add(row)
        s.flush()
        return _views(s, _columns().where(Ingredient.id == row.id))[0]


def update_ingredient(db: Database, ingredient_id: int, data: IngredientInput) -> IngredientView:
    """Edit an ingredient. Raises as create_ingredient does, and NotFoundError."""
    with db.transaction() as s:
        row = get_or_fail(s, Ingredient, ingredient_id, "ingredient")
        name = clean_name(data.name, "ingredient")
        ensure_unique_name(s, Ingredient.name, name, "ingredient", exclude_id=row.id)
        _fill(row, data, name)
        s.flush()
        return _views(s, _columns().where(Ingredient.id == row.id))[0]


def archive_ingredient(db: Database, ingredient_id: int, archived: bool = True) -> IngredientView:
    """Hide (or bring back) an ingredient; its history stays. Raises NotFoundError."""
    with db.transaction() as s:
        get_or_fail(s, Ingredient, ingredient_id, "ingredient").is_archived = archived
        s.flush()
        return _views(s, _columns().where(Ingredient.id == ingredient_id))[0]


def delete_ingredient(db: Database, ingredient_id: int) -> None:
    """Delete an unused ingredient. Raises NotFoundError; ConflictError naming what uses it."""
    with db.transaction() as s:
        row = get_or_fail(s, Ingredient, ingredient_id, "ingredient")
        refuse_delete(f"'{row.name}'", _users(s, ingredient_id))
        s.delete(row)


def _fill(row: Ingredient, data: IngredientInput, name: str) -> None:
    try:
        density = parse_density(data.density)
    except ConversionError as error:
        raise ConversionError(f"Density of '{name}': {error}") from None
    row.name = name
    row.category = clean_text(data.category) or "Uncategorized"
    row.kind = data.kind
    row.notes = clean_text(data.notes)
    row.density_volume_quantity = density.volume_quantity if density else None
    row.density_volume_unit = density.volume_unit if density else None
    row.density_weight_quantity = density.weight_quantity if density else None
    row.density_weight_unit = density.weight_unit if density else None


def _users(s: Session, ingredient_id: int) -> list[str]:
    """What refers to the ingredient, as phrases: "recipe 'Sugar cookies'", ..."""
    return describe_users(
        s,
        [
            ("recipe", select(Recipe.name).join(RecipeIngredient)
             .where(RecipeIngredient.ingredient_id == ingredient_id)),
            ("product", select(Product.name).where(Product.ingredient_id == ingredient_id)),
            ("finished good", select(FinishedGood.name).join(FinishedGoodPackaging)
             .where(FinishedGoodPackaging.ingredient_id == ingredient_id)),
            ("package", select(Package.name).join(PackagePackaging)
             .where(PackagePackaging.ingredient_id == ingredient_id)),
            ("production run of", select(Recipe.name).join(ProductionRun).join(ProductionShortfall)
             .where(ProductionShortfall.ingredient_id == ingredient_id)),
        ],
    )  # fmt: skip


def _columns() -> Select[*tuple[Any, ...]]:
    """What a view shows of an ingredient (plain columns: no ORM objects to build)."""
    return select(
        Ingredient.id, Ingredient.slug, Ingredient.name, Ingredient.category, Ingredient.kind,
        Ingredient.notes, Ingredient.is_archived, Ingredient.density_volume_quantity,
        Ingredient.density_volume_unit, Ingredient.density_weight_quantity,
        Ingredient.density_weight_unit,
    )  # fmt: skip


def _views(s: Session, query: Select[*tuple[Any, ...]]) -> list[IngredientView]:
    rows = s.execute(query).all()
    used = units_used(s, [r.id for r in rows])
    densities = {r.id: density_of(*r[7:]) for r in rows}
    infos = {
        r.id: IngredientInfo(r.id, r.slug, r.name, r.category, densities[r.id],
                             base_unit_for(densities[r.id], used[r.id]))
        for r in rows
    }  # fmt: skip
    stock = on_hand(s, infos)
    products = Counter(
        s.scalars(select(Product.ingredient_id).where(Product.ingredient_id.in_(infos)))
    )
    return [
        IngredientView(
            id=r.id,
            slug=r.slug,
            name=r.name,
            category=r.category,
            kind=r.kind,
            density=densities[r.id],
            notes=r.notes,
            is_archived=r.is_archived,
            base_unit=infos[r.id].base_unit,
            on_hand=stock[r.id],
            product_count=products[r.id],
        )
        for r in rows
    ]
