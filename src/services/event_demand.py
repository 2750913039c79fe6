"""An event's demand: recipes selected, items wanted, packages for recipients.

Only items whose recipes are all selected may be demanded; deselecting a recipe removes
the demand that depends on it and reports what went. Everything here needs a DRAFT plan
(during production the same changes are made as amendments).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.models import (
    Event,
    EventFinishedGood,
    EventRecipe,
    EventRecipientPackage,
    FinishedGood,
    OutputMode,
    Package,
    Recipe,
    Recipient,
)
from src.services.database import Database
from src.services.decomposition import GoodContents, units_of_good
from src.services.errors import NotFoundError, ValidationError
from src.services.event_guards import (
    find_by_slug,
    find_event,
    find_good,
    find_unit,
    require_draft,
)
from src.services.plan_inputs import load_goods, load_packages, load_plan_inputs, load_units


@dataclass(frozen=True)
class DemandLine:
    item: str  # slug of the finished good (BUNDLED) or finished unit (BULK_COUNT)
    name: str
    quantity: int


@dataclass(frozen=True)
class AssignmentLine:
    recipient: str
    package: str
    package_name: str
    quantity: int
    status: str


@dataclass(frozen=True)
class EventDemand:
    recipes: tuple[str, ...]  # selected recipe slugs
    items: tuple[DemandLine, ...]
    assignments: tuple[AssignmentLine, ...]


@dataclass(frozen=True)
class RemovedDemand:
    """What deselecting a recipe took away with it."""

    recipe: str
    items: tuple[str, ...]  # names of demanded items removed
    assignments: tuple[str, ...]  # "Family box for Alice"
    decisions: tuple[str, ...]  # finished units whose batch decision went


def select_recipes(db: Database, event_slug: str, recipe_slugs: list[str]) -> tuple[str, ...]:
    """Add recipes to the event's selection; returns the whole selection.

    Raises NotFoundError, PlanStateError.
    """
    with db.transaction() as s:
        event = find_event(s, event_slug)
        require_draft(event, "change the recipe selection")
        add_recipes(s, event, {find_by_slug(s, Recipe, slug).id for slug in recipe_slugs})
        selected = load_plan_inputs(s, event).selected_recipes.values()
        return tuple(sorted(slug for slug, _ in selected))


def deselect_recipe(db: Database, event_slug: str, recipe_slug: str) -> RemovedDemand:
    """Remove a recipe from the selection with the demand that needs it.

    Raises NotFoundError, PlanStateError.
    """
    with db.transaction() as s:
        event = find_event(s, event_slug)
        require_draft(event, "change the recipe selection")
        recipe = find_by_slug(s, Recipe, recipe_slug)
        chosen = s.scalar(
            select(EventRecipe).where(
                EventRecipe.event_id == event.id, EventRecipe.recipe_id == recipe.id
            )
        )
        if chosen is None:
            raise NotFoundError(f"{recipe.name} is not selected for {event.name}.")
        removed = _remove_dependents(s, event, recipe)
        s.delete(chosen)
        return removed


def set_demand(db: Database, event_slug: str, item_slug: str, quantity: int) -> DemandLine:
    """Set how many of an item the event needs (adds or updates).

    Raises NotFoundError, PlanStateError, ValidationError (no output mode, quantity not
    positive, recipes not selected).
    """
    with db.transaction() as s:
        event = find_event(s, event_slug)
        require_draft(event, "change the demand")
        return put_demand(s, event, item_slug, quantity)


def remove_demand(db: Database, event_slug: str, item_slug: str) -> None:
    """Remove an item from the demand. Raises NotFoundError, PlanStateError, ValidationError."""
    with db.transaction() as s:
        event = find_event(s, event_slug)
        require_draft(event, "change the demand")
        s.delete(demand_row(s, event, item_slug))


def assign_package(
    db: Database, event_slug: str, recipient_slug: str, package_slug: str, quantity: int = 1
) -> AssignmentLine:
    """Give a recipient a package at the event (adds or updates; counts as demand).

    Raises NotFoundError, PlanStateError, ValidationError.
    """
    with db.transaction() as s:
        event = find_event(s, event_slug)
        require_draft(event, "change recipient packages")
        if quantity <= 0:
            raise ValidationError(f"Packages for {recipient_slug} must be at least one.")
        recipient, package = (
            find_by_slug(s, Recipient, recipient_slug),
            find_by_slug(s, Package, package_slug),
        )
        contents = load_packages(s, {package.id})[package.id]
        require_recipes(s, event, package.name, set(contents.goods), set())
        row = _assignment(s, event.id, recipient.id, package.id) or EventRecipientPackage(
            event_id=event.id, recipient_id=recipient.id, package_id=package.id
        )
        row.quantity = quantity
        s.add(row)
        s.flush()
        return AssignmentLine(recipient.slug, package.slug, package.name, quantity, row.status)


def unassign_package(db: Database, event_slug: str, recipient_slug: str, package_slug: str) -> None:
    """Take a package away from a recipient. Raises NotFoundError, PlanStateError."""
    with db.transaction() as s:
        event = find_event(s, event_slug)
        require_draft(event, "change recipient packages")
        recipient, package = (
            find_by_slug(s, Recipient, recipient_slug),
            find_by_slug(s, Package, package_slug),
        )
        row = _assignment(s, event.id, recipient.id, package.id)
        if row is None:
            raise NotFoundError(f"{recipient.name} has no {package.name} at {event.name}.")
        s.delete(row)


def event_demand(db: Database, event_slug: str) -> EventDemand:
    """The event's selected recipes, demanded items and recipient packages."""
    with db.transaction() as s:
        inputs = load_plan_inputs(s, find_event(s, event_slug))
        items = [
            DemandLine(inputs.goods[g].slug, inputs.goods[g].name, q)
            for g, q in inputs.demand.goods.items()
        ] + [
            DemandLine(inputs.units[u].slug, inputs.units[u].name, q)
            for u, q in inputs.demand.units.items()
        ]
        assignments = tuple(
            AssignmentLine(
                a.recipient_slug,
                inputs.packages[a.package_id].slug,
                inputs.packages[a.package_id].name,
                a.quantity,
                a.status.value,
            )
            for a in inputs.assignments
        )
        return EventDemand(
            tuple(sorted(slug for slug, _ in inputs.selected_recipes.values())),
            tuple(sorted(items, key=lambda line: line.name.lower())),
            assignments,
        )


def put_demand(s: Session, event: Event, item_slug: str, quantity: int) -> DemandLine:
    """Add or update a demand row after checking mode, quantity and recipe selection."""
    if quantity <= 0:
        raise ValidationError(f"The quantity of {item_slug} must be a whole number above zero.")
    row = demand_row(s, event, item_slug, create=True)
    name = demand_name(row)
    good_ids = {row.finished_good.id} if row.finished_good else set()
    unit_ids = {row.finished_unit.id} if row.finished_unit else set()
    require_recipes(s, event, name, good_ids, unit_ids)
    row.quantity = quantity
    s.add(row)
    s.flush()
    return DemandLine(item_slug, name, quantity)


def demand_row(
    s: Session, event: Event, item_slug: str, *, create: bool = False
) -> EventFinishedGood:
    """The event's demand row for the item (a new, unsaved one when `create`)."""
    if event.output_mode is None:
        raise ValidationError(f"Choose how {event.name} counts its demand (output mode) first.")
    bundled = event.output_mode is OutputMode.BUNDLED
    item = find_good(s, item_slug) if bundled else find_unit(s, item_slug)
    column = EventFinishedGood.finished_good_id if bundled else EventFinishedGood.finished_unit_id
    row = s.scalar(
        select(EventFinishedGood).where(EventFinishedGood.event_id == event.id, column == item.id)
    )
    if row is not None:
        return row
    if not create:
        raise NotFoundError(f"{item.name} is not in the demand of {event.name}.")
    if isinstance(item, FinishedGood):
        return EventFinishedGood(event_id=event.id, finished_good=item)
    return EventFinishedGood(event_id=event.id, finished_unit=item)


def demand_name(row: EventFinishedGood) -> str:
    item = row.finished_good or row.finished_unit
    assert item is not None  # the table's CHECK: exactly one of the two
    return item.name


def row_units(row: EventFinishedGood, catalog: Mapping[int, GoodContents]) -> set[int]:
    """The finished units a demand row reaches (itself, or those inside the good)."""
    if row.finished_good_id is not None:
        return set(units_of_good(row.finished_good_id, catalog))
    assert row.finished_unit_id is not None  # the table's CHECK: exactly one of the two
    return {row.finished_unit_id}


def add_recipes(s: Session, event: Event, recipe_ids: set[int]) -> list[int]:
    """Select the recipes not yet selected; returns the ids that were added."""
    have = set(load_plan_inputs(s, event).selected_recipes)
    added = sorted(recipe_ids - have)
    s.add_all(EventRecipe(event_id=event.id, recipe_id=rid) for rid in added)
    s.flush()
    return added


def item_recipes(s: Session, good_ids: set[int], unit_ids: set[int]) -> dict[int, str]:
    """Recipe id → recipe slug for every finished unit the items reach."""
    goods = load_goods(s, good_ids)
    catalog = {gid: g.contents for gid, g in goods.items()}
    reached = set(unit_ids) | {u for gid in good_ids for u in units_of_good(gid, catalog)}
    return {u.recipe_id: u.recipe_slug for u in load_units(s, reached).values()}


def require_recipes(
    s: Session, event: Event, name: str, good_ids: set[int], unit_ids: set[int]
) -> None:
    """ValidationError naming the recipes an item needs that the event has not selected."""
    selected = set(load_plan_inputs(s, event).selected_recipes)
    missing = {rid for rid in item_recipes(s, good_ids, unit_ids) if rid not in selected}
    if missing:
        recipes = s.scalars(select(Recipe.name).where(Recipe.id.in_(missing)))
        names = ", ".join(sorted(recipes))
        raise ValidationError(f"{name} needs recipes not selected for {event.name}: {names}.")


def _remove_dependents(s: Session, event: Event, recipe: Recipe) -> RemovedDemand:
    inputs = load_plan_inputs(s, event)
    catalog = inputs.catalog()

    def needs_recipe(unit_ids: set[int]) -> bool:
        return any(inputs.units[u].recipe_id == recipe.id for u in unit_ids)

    items, assignments = [], []
    for row in event.event_finished_goods:
        if needs_recipe(row_units(row, catalog)):
            items.append(demand_name(row))
            s.delete(row)
    for assigned in event.recipient_packages:
        goods = inputs.packages[assigned.package_id].goods
        if needs_recipe({u for g in goods for u in units_of_good(g, catalog)}):
            assignments.append(f"{assigned.package.name} for {assigned.recipient.name}")
            s.delete(assigned)
    decisions = [d for d in event.batch_decisions if d.recipe_id == recipe.id]
    for decision in decisions:
        s.delete(decision)
    decided = sorted(inputs.units[d.finished_unit_id].name for d in decisions)
    return RemovedDemand(
        recipe.slug, tuple(sorted(items)), tuple(sorted(assignments)), tuple(decided)
    )


def _assignment(
    s: Session, event_id: int, recipient_id: int, package_id: int
) -> EventRecipientPackage | None:
    return s.scalar(
        select(EventRecipientPackage).where(
            EventRecipientPackage.event_id == event_id,
            EventRecipientPackage.recipient_id == recipient_id,
            EventRecipientPackage.package_id == package_id,
        )
    )
