"""Finished goods: "Holiday tin = 12 sugar cookies + 6 gingerbread men + 1 tin", nested goods
allowed (no cycles), with a cost rolled up from the units, goods and packaging inside."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from src.models import (
    AssemblyRun,
    Event,
    EventFinishedGood,
    FinishedGood,
    FinishedGoodComponent,
    FinishedGoodPackaging,
    FinishedUnit,
    Ingredient,
    Package,
    PackageFinishedGood,
    Unit,
)
from src.services.database import Database
from src.services.errors import ValidationError
from src.services.goods_costs import GoodsCosts, cost_times, goods_costs
from src.services.goods_tree import GoodNode, load_goods_tree
from src.services.lookup import get_or_fail
from src.services.packaging import PackagingInput, PackagingView, packaging_line, packaging_views
from src.services.recipe_rules import refuse_cycle
from src.services.records import (
    clean_name,
    clean_text,
    describe_users,
    ensure_unique_name,
    refuse_delete,
    whole_count,
)
from src.services.slugs import unique_slug


@dataclass(frozen=True)
class ItemCount:
    item_id: int  # a finished unit's or a finished good's id
    quantity: int


@dataclass(frozen=True)
class FinishedGoodInput:
    name: str
    units: tuple[ItemCount, ...] = ()
    goods: tuple[ItemCount, ...] = ()
    packaging: tuple[PackagingInput, ...] = ()
    description: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class ContentView:
    kind: Literal["unit", "good"]
    item_id: int
    name: str
    quantity: int
    unit_cost: Decimal | None
    cost: Decimal | None  # quantity × unit cost; None = unknown


@dataclass(frozen=True)
class FinishedGoodView:
    id: int
    slug: str
    name: str
    description: str | None
    notes: str | None
    inventory_count: int
    is_archived: bool
    contents: tuple[ContentView, ...]
    packaging: tuple[PackagingView, ...]
    unit_cost: Decimal | None  # one good, rolled up; None when anything is unpriced
    used_in: tuple[str, ...]  # goods and packages that contain it


@dataclass(frozen=True)
class HeldItem:
    """A finished unit or good inside a good, by name (nothing priced)."""

    name: str
    quantity: int


@dataclass(frozen=True)
class HeldPackaging:
    """A packaging line of a good, by the ingredient's name (nothing priced)."""

    ingredient_name: str
    quantity: Decimal
    unit: Unit


@dataclass(frozen=True)
class GoodContents:
    """A finished good with what it holds and how many are on hand: the goods list's row
    before its cost is known."""

    id: int
    name: str
    inventory_count: int
    contents: tuple[HeldItem, ...]
    packaging: tuple[HeldPackaging, ...]


def list_finished_goods(
    db: Database, *, search: str | None = None, include_archived: bool = False
) -> list[FinishedGoodView]:
    """Finished goods by name with contents and cost (a fixed number of queries per level)."""
    query = _goods_query(include_archived)
    if search and search.strip():
        query = query.where(FinishedGood.name.icontains(search.strip(), autoescape=True))
    with db.transaction() as s:
        return good_views(s, list(s.scalars(query)))


def list_good_contents(db: Database) -> list[GoodContents]:
    """Finished goods that are not archived, by name, with what each holds and how many are on
    hand; nothing priced (three queries)."""
    with db.transaction() as s:
        good_ids = list(s.scalars(_goods_query(include_archived=False)))
        tree = load_goods_tree(s, good_ids)
        nodes = [tree.nodes[g] for g in good_ids]
        wrapping = {line.ingredient_id for node in nodes for line in node.packaging}
        rows = s.execute(select(Ingredient.id, Ingredient.name).where(Ingredient.id.in_(wrapping)))
        names = {ingredient_id: name for ingredient_id, name in rows}
        return [
            GoodContents(
                node.id, node.name, tree.details[node.id].inventory_count,
                tuple([HeldItem(tree.units[u].name, n) for u, n in node.units]
                      + [HeldItem(tree.nodes[g].name, n) for g, n in node.goods]),
                tuple(HeldPackaging(names[line.ingredient_id], line.quantity, line.unit)
                      for line in node.packaging),
            )
            for node in nodes
        ]  # fmt: skip


def get_finished_good(db: Database, good_id: int) -> FinishedGoodView:
    """One finished good with contents and cost. Raises NotFoundError."""
    with db.transaction() as s:
        get_or_fail(s, FinishedGood, good_id, "finished good")
        return good_views(s, [good_id])[0]


def create_finished_good(db: Database, data: FinishedGoodInput) -> FinishedGoodView:
    """Add a finished good. Raises ValidationError, NotFoundError (an item), ConversionError
    (packaging unit), ConflictError (name taken, a good containing itself)."""
    with db.transaction() as s:
        name = clean_name(data.name, "finished good")
        ensure_unique_name(s, FinishedGood.name, name, "finished good")
        row = FinishedGood(slug=unique_slug(s, FinishedGood.slug, name), name=name)
        s.add(row)
        _fill(s, row, data, name)
        return good_views(s, [row.id])[0]


def update_finished_good(db: Database, good_id: int, data: FinishedGoodInput) -> FinishedGoodView:
    """Replace a finished good's details and contents. Raises as create_finished_good does."""
    with db.transaction() as s:
        row = get_or_fail(s, FinishedGood, good_id, "finished good")
        name = clean_name(data.name, "finished good")
        ensure_unique_name(s, FinishedGood.name, name, "finished good", exclude_id=row.id)
        _fill(s, row, data, name)
        return good_views(s, [row.id])[0]


def archive_finished_good(db: Database, good_id: int, archived: bool = True) -> FinishedGoodView:
    """Hide (or bring back) a finished good. Raises NotFoundError."""
    with db.transaction() as s:
        get_or_fail(s, FinishedGood, good_id, "finished good").is_archived = archived
        s.flush()
        return good_views(s, [good_id])[0]


def delete_finished_good(db: Database, good_id: int) -> None:
    """Delete a finished good nothing uses. Raises NotFoundError; ConflictError naming users."""
    with db.transaction() as s:
        row = get_or_fail(s, FinishedGood, good_id, "finished good")
        refuse_delete(f"'{row.name}'", _users(s, good_id), "Remove it there first, or archive it.")
        s.delete(row)


def _goods_query(include_archived: bool) -> Select[int]:
    query = select(FinishedGood.id).order_by(FinishedGood.name, FinishedGood.id)
    return query if include_archived else query.where(FinishedGood.is_archived.is_(False))


def _fill(s: Session, row: FinishedGood, data: FinishedGoodInput, name: str) -> None:
    row.name = name
    row.description = clean_text(data.description)
    row.notes = clean_text(data.notes)
    row.components.clear()
    row.packaging.clear()
    s.flush()
    _refuse_repeats(data)
    for item in data.units:
        unit = get_or_fail(s, FinishedUnit, item.item_id, "finished unit")
        count = whole_count(item.quantity, f"Number of {unit.name}")
        row.components.append(FinishedGoodComponent(finished_unit_id=unit.id, quantity=count))
    for item in data.goods:
        good = get_or_fail(s, FinishedGood, item.item_id, "finished good")
        count = whole_count(item.quantity, f"Number of {good.name}")
        row.components.append(FinishedGoodComponent(component_good_id=good.id, quantity=count))
    _check_cycle(s, row.id, [item.item_id for item in data.goods])
    for packaging in data.packaging:
        line = packaging_line(s, packaging)
        row.packaging.append(
            FinishedGoodPackaging(
                ingredient_id=line.ingredient_id, quantity=line.quantity, unit=line.unit
            )
        )
    s.flush()


def _refuse_repeats(data: FinishedGoodInput) -> None:
    for what, items in (("finished unit", data.units), ("finished good", data.goods)):
        ids = [item.item_id for item in items]
        if len(ids) != len(set(ids)):
            raise ValidationError(f"A {what} is listed twice; give it once with the total count.")
    ingredients = [p.ingredient_id for p in data.packaging]
    if len(ingredients) != len(set(ingredients)):
        raise ValidationError("A packaging item is listed twice; give it once with the total.")


def _check_cycle(s: Session, good_id: int, children: list[int]) -> None:
    edges: dict[int, list[int]] = defaultdict(list)
    rows = select(FinishedGoodComponent.finished_good_id, FinishedGoodComponent.component_good_id)
    for parent, child in s.execute(
        rows.where(FinishedGoodComponent.component_good_id.is_not(None))
    ):
        if parent != good_id and child is not None:
            edges[parent].append(child)
    edges[good_id] = children
    refuse_cycle(edges, good_id, lambda ids: _names(s, ids))


def _names(s: Session, ids: list[int]) -> dict[int, str]:
    rows = s.execute(select(FinishedGood.id, FinishedGood.name).where(FinishedGood.id.in_(ids)))
    return {good_id: name for good_id, name in rows}


def _users(s: Session, good_id: int) -> list[str]:
    return describe_users(
        s,
        [
            ("finished good", select(FinishedGood.name)
             .join(FinishedGoodComponent, FinishedGoodComponent.finished_good_id == FinishedGood.id)
             .where(FinishedGoodComponent.component_good_id == good_id)),
            ("package", select(Package.name).join(PackageFinishedGood)
             .where(PackageFinishedGood.finished_good_id == good_id)),
            ("event demand of", select(Event.name).join(EventFinishedGood)
             .where(EventFinishedGood.finished_good_id == good_id)),
            ("assembly history of", select(FinishedGood.name).join(AssemblyRun)
             .where(AssemblyRun.finished_good_id == good_id)),
        ],
    )  # fmt: skip


def good_views(s: Session, good_ids: list[int]) -> list[FinishedGoodView]:
    """FinishedGoodViews in the order of `good_ids` (helper; three queries for any number)."""
    tree = load_goods_tree(s, good_ids)
    nodes = tree.nodes
    costs = goods_costs(s, nodes, tree.units)
    unit_names = {unit_id: unit.name for unit_id, unit in tree.units.items()}
    packaging = packaging_views([line for n in nodes.values() for line in n.packaging], costs)
    names = {good_id: node.name for good_id, node in nodes.items()}
    return [
        FinishedGoodView(
            id=g, slug=tree.details[g].slug, name=nodes[g].name,
            description=tree.details[g].description, notes=tree.details[g].notes,
            inventory_count=tree.details[g].inventory_count,
            is_archived=tree.details[g].is_archived,
            contents=content_views(nodes[g], unit_names, names, costs),
            packaging=tuple(packaging[line] for line in nodes[g].packaging),
            unit_cost=costs.goods[g], used_in=tree.details[g].used_in,
        )
        for g in good_ids
    ]  # fmt: skip


def content_views(
    node: GoodNode, unit_names: dict[int, str], good_names: dict[int, str], costs: GoodsCosts
) -> tuple[ContentView, ...]:
    """What a good holds, with each line's cost."""
    return tuple(
        [ContentView("unit", u, unit_names[u], n, costs.units[u], cost_times(costs.units[u], n))
         for u, n in node.units]
        + [ContentView("good", g, good_names[g], n, costs.goods[g], cost_times(costs.goods[g], n))
           for g, n in node.goods]
    )  # fmt: skip
