"""v4 recipes (lines, nested components, finished units), recipients and events."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from src.models import (
    Event,
    FinishedUnit,
    Ingredient,
    OutputMode,
    Recipe,
    RecipeComponent,
    RecipeIngredient,
    Recipient,
)
from src.services.bake_tracker_v4.source import (
    Notes,
    Record,
    decimal_or_none,
    records,
    slugify,
    to_unit,
)
from src.services.errors import ValidationError
from src.services.recipe_graph import first_cycle

OUTPUT_MODES = {
    "bulk_count": OutputMode.BULK_COUNT,
    "bulk": OutputMode.BULK_COUNT,
    "bundled": OutputMode.BUNDLED,
    "bundle": OutputMode.BUNDLED,
}


def import_recipes(
    session: Session, data: Record, ingredients: dict[str, Ingredient], notes: Notes
) -> dict[str, Recipe]:
    """Recipes by v4 slug; raises ValidationError when components nest in a cycle."""
    items = records(data, "recipes")
    found: dict[str, Recipe] = {}
    for item in items:
        recipe = Recipe(
            slug=slugify(str(item.get("slug") or item.get("name"))),
            name=str(item.get("name") or item.get("slug")),
            category=str(item.get("category") or "Uncategorized"),
            source=item.get("source"),
            notes=item.get("notes"),
            is_production_ready=bool(item.get("is_production_ready")),
            variant_name=item.get("variant_name"),
        )
        _add_lines(recipe, item, ingredients, notes)
        _add_finished_units(recipe, item, notes)
        session.add(recipe)
        found[str(item.get("slug"))] = recipe
    session.flush()  # base recipes are linked by id (the model has no relationship for it)
    for item in items:
        _link(found[str(item.get("slug"))], item, found, notes)
    _refuse_cycles(found)
    without = [r.name for r in found.values() if not r.finished_units]
    if without:
        notes.warnings.append(
            f"{len(without)} recipes have no finished unit (what a batch yields); add one "
            "before planning with them."
        )
    return found


def _add_lines(
    recipe: Recipe, item: Record, ingredients: dict[str, Ingredient], notes: Notes
) -> None:
    for line in records(item, "ingredients"):
        ingredient = ingredients.get(str(line.get("ingredient_slug")))
        unit = to_unit(line.get("unit"))
        quantity = decimal_or_none(line.get("quantity"))
        amount = f"{line.get('quantity')} {line.get('unit')}"
        label = f"{recipe.name}: {amount} {line.get('ingredient_slug')}"
        if ingredient is None:
            notes.skip("recipe line", label, "the ingredient is not a leaf ingredient of the file")
        elif unit is None:
            notes.skip("recipe line", label, f'unit "{line.get("unit")}" has no equivalent')
        elif quantity is None or quantity <= 0:
            notes.skip("recipe line", label, "the quantity is not a positive number")
        else:
            recipe.ingredients.append(
                RecipeIngredient(
                    ingredient=ingredient,
                    quantity=quantity,
                    unit=unit,
                    position=len(recipe.ingredients),
                    notes=line.get("notes"),
                )
            )


def _add_finished_units(recipe: Recipe, item: Record, notes: Notes) -> None:
    for unit in records(item, "finished_units"):
        name = str(unit.get("display_name") or unit.get("name") or recipe.name)
        per_batch = _yield(unit)
        if per_batch is None:
            notes.skip("finished unit", name, "no yield per batch")
            continue
        recipe.finished_units.append(
            FinishedUnit(
                slug=slugify(str(unit.get("slug") or name)),
                name=name,
                yield_per_batch=per_batch,
                item_unit=str(unit.get("item_unit") or "each"),
                inventory_count=int(unit.get("inventory_count") or 0),
                notes=unit.get("notes"),
            )
        )


def _yield(unit: Record) -> Decimal | None:
    """v4 gives whole items per batch, or (batch_portion) the percent of a batch one item takes."""
    if unit.get("yield_mode") == "batch_portion":
        percent = decimal_or_none(unit.get("batch_percentage"))
        return Decimal(100) / percent if percent and percent > 0 else None
    count = decimal_or_none(unit.get("items_per_batch"))
    return count if count and count > 0 else None


def _link(recipe: Recipe, item: Record, found: dict[str, Recipe], notes: Notes) -> None:
    base = item.get("base_recipe_slug")
    if base in found and found[base] is not recipe:
        recipe.base_recipe_id = found[base].id
    elif base:
        notes.warnings.append(f'Recipe "{recipe.name}": base recipe "{base}" is not in the file.')
    for part in records(item, "components"):
        slug = part.get("component_recipe_slug") or part.get("recipe_slug")
        multiplier = decimal_or_none(part.get("batch_multiplier", part.get("quantity")))
        if slug not in found or multiplier is None or multiplier <= 0 or found[slug] is recipe:
            notes.skip(
                "recipe component", f"{recipe.name}: {slug}", "unknown recipe or bad multiplier"
            )
            continue
        recipe.components.append(
            RecipeComponent(
                component_recipe=found[slug], batch_multiplier=multiplier, notes=part.get("notes")
            )
        )


def _refuse_cycles(found: dict[str, Recipe]) -> None:
    edges = [(r.slug, c.component_recipe.slug) for r in found.values() for c in r.components]
    cycle = first_cycle(edges)
    if cycle:
        raise ValidationError(
            f"Recipes nest in a cycle ({' → '.join(cycle)}); nothing was imported."
        )


def import_recipients(session: Session, data: Record) -> list[Recipient]:
    taken: set[str] = set()
    found = []
    for item in records(data, "recipients"):
        name = str(item.get("name") or item.get("household_name") or "Recipient")
        recipient = Recipient(
            slug=_unique(slugify(name), taken),
            name=name,
            household_name=item.get("household_name"),
            address=item.get("address"),
            notes=item.get("notes"),
        )
        session.add(recipient)
        found.append(recipient)
    return found


def import_events(session: Session, data: Record) -> list[Event]:
    """Events in DRAFT; raises ValidationError for an unknown output mode or a bad date."""
    taken: set[str] = set()
    found = []
    for item in records(data, "events"):
        name = str(item.get("name") or "Event")
        event = Event(
            slug=_unique(slugify(name), taken),
            name=name,
            event_date=_event_date(name, item.get("event_date")),
            notes=item.get("notes"),
            expected_attendees=item.get("expected_attendees") or None,
            output_mode=_output_mode(name, item.get("output_mode")),
        )
        session.add(event)
        found.append(event)
    return found


def _event_date(name: str, value: Any) -> date:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ValidationError(f'Event "{name}": date "{value}" is not a date.') from None


def _output_mode(name: str, value: Any) -> OutputMode | None:
    if value in (None, ""):
        return None
    mode = OUTPUT_MODES.get(str(value).strip().lower())
    if mode is None:
        raise ValidationError(
            f'Event "{name}": output mode "{value}" is not known (expected bulk_count or bundled).'
        )
    return mode


def _unique(slug: str, taken: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    taken.add(candidate)
    return candidate
