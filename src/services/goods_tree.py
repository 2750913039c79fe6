"""Finished goods as a tree, read in one query: each good asked for and every good nested in
it, with what it holds (finished units, goods, packaging) and what holds it (goods, packages).

The kinds of content row are stacked (see stacked_rows); each good's own columns come with
every row of its contents.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import CompoundSelect, Select, null, select, union_all
from sqlalchemy.orm import Session, aliased

from src.models import (
    FinishedGood,
    FinishedGoodComponent,
    FinishedGoodPackaging,
    FinishedUnit,
    Package,
    PackageFinishedGood,
)
from src.services.plain_rows import plain_rows
from src.services.recipe_graph import Line
from src.services.stacked_rows import kind, none_like


@dataclass(frozen=True)
class GoodNode:
    id: int
    name: str
    units: tuple[tuple[int, int], ...]  # (finished unit id, count)
    goods: tuple[tuple[int, int], ...]  # (component good id, count)
    packaging: tuple[Line, ...]


@dataclass(frozen=True)
class UnitYield:
    """A finished unit inside a good: what one costs is a batch of its recipe ÷ its yield."""

    id: int
    name: str
    recipe_id: int
    per_batch: Decimal


@dataclass(frozen=True)
class GoodDetails:
    slug: str
    description: str | None
    notes: str | None
    inventory_count: int
    is_archived: bool
    used_in: tuple[str, ...]  # names of the goods and packages that hold it, sorted


@dataclass(frozen=True)
class GoodsTree:
    nodes: dict[int, GoodNode]
    details: dict[int, GoodDetails]
    units: dict[int, UnitYield]  # every finished unit the goods hold


@dataclass
class _Good:
    name: str
    details: tuple[Any, ...]  # slug, description, notes, inventory count, archived
    units: list[tuple[int, int]]
    goods: list[tuple[int, int]]
    packaging: list[Line]
    used_in: list[str]


def load_goods_tree(session: Session, good_ids: Iterable[int]) -> GoodsTree:
    """The goods, every good nested in them (however deep) and what each holds, in one query."""
    tree = _good_tree(good_ids)
    contents = _contents(tree).subquery("contents")
    rows = plain_rows(
        session,
        select(FinishedGood.id, FinishedGood.name, FinishedGood.slug, FinishedGood.description,
               FinishedGood.notes, FinishedGood.inventory_count, FinishedGood.is_archived,
               contents.c.kind, contents.c.item_id, contents.c.count, contents.c.amount,
               contents.c.unit, contents.c.text, contents.c.recipe_id, contents.c.per_batch)
        .outerjoin(contents, contents.c.owner_id == FinishedGood.id)
        .where(FinishedGood.id.in_(tree))
        .order_by(contents.c.position)
    )  # fmt: skip
    goods: dict[int, _Good] = {}
    units: dict[int, UnitYield] = {}
    for good_id, name, *details, what, item, count, amount, unit, text, recipe, per_batch in rows:
        good = goods.get(good_id)
        if good is None:
            good = goods[good_id] = _Good(name, tuple(details), [], [], [], [])
        if what == "unit":
            good.units.append((item, count))
            units[item] = UnitYield(item, text, recipe, per_batch)
        elif what == "good":
            good.goods.append((item, count))
        elif what == "packaging":
            good.packaging.append(Line(item, amount, unit))
        elif what is not None:  # held by a good or a package
            good.used_in.append(text)
    return GoodsTree(
        nodes={g: GoodNode(g, good.name, tuple(good.units), tuple(good.goods),
                           tuple(good.packaging)) for g, good in goods.items()},
        details={g: _details(good) for g, good in goods.items()},
        units=units,
    )  # fmt: skip


def _details(good: _Good) -> GoodDetails:
    slug, description, notes, inventory_count, archived = good.details
    return GoodDetails(
        slug, description, notes, inventory_count, archived, tuple(sorted(good.used_in))
    )


def _good_tree(good_ids: Iterable[int]) -> Select[tuple[int]]:
    """The ids of the goods and of every good nested in them (a recursive query)."""
    top = select(FinishedGood.id.label("id")).where(FinishedGood.id.in_(set(good_ids)))
    tree = top.cte("good_tree", recursive=True)
    nested = select(FinishedGoodComponent.component_good_id).join(
        tree, FinishedGoodComponent.finished_good_id == tree.c.id
    )
    return select(tree.union(nested).c.id)


def _contents(tree: Select[tuple[int]]) -> CompoundSelect[Any]:
    """Per good in `tree`: (owner_id, kind, item_id, count, amount, unit, text, recipe_id,
    per_batch, position), one row per unit, good or packaging line it holds and per good or
    package that holds it (text: the unit's or the holder's name)."""
    component, holder = FinishedGoodComponent, aliased(FinishedGood)
    units = (
        select(component.finished_good_id.label("owner_id"), kind("unit"),
               component.finished_unit_id.label("item_id"), component.quantity.label("count"),
               none_like(FinishedGoodPackaging.quantity).label("amount"),
               none_like(FinishedGoodPackaging.unit).label("unit"),
               FinishedUnit.name.label("text"), FinishedUnit.recipe_id.label("recipe_id"),
               FinishedUnit.yield_per_batch.label("per_batch"), component.id.label("position"))
        .join(FinishedUnit, FinishedUnit.id == component.finished_unit_id)
        .where(component.finished_good_id.in_(tree))
    )  # fmt: skip
    goods = select(
        component.finished_good_id,
        kind("good"),
        component.component_good_id,
        component.quantity,
        null(),
        null(),
        null(),
        null(),
        null(),
        component.id,
    ).where(component.finished_good_id.in_(tree), component.component_good_id.is_not(None))
    packaging = select(
        FinishedGoodPackaging.finished_good_id,
        kind("packaging"),
        FinishedGoodPackaging.ingredient_id,
        null(),
        FinishedGoodPackaging.quantity,
        FinishedGoodPackaging.unit,
        null(),
        null(),
        null(),
        FinishedGoodPackaging.id,
    ).where(FinishedGoodPackaging.finished_good_id.in_(tree))
    in_goods = (
        select(component.component_good_id, kind("in good"), holder.id, null(), null(),
               null(), holder.name, null(), null(), component.id)
        .join(holder, holder.id == component.finished_good_id)
        .where(component.component_good_id.in_(tree))
    )  # fmt: skip
    in_packages = (
        select(PackageFinishedGood.finished_good_id, kind("in package"), Package.id, null(),
               null(), null(), Package.name, null(), null(), PackageFinishedGood.id)
        .join(Package, Package.id == PackageFinishedGood.package_id)
        .where(PackageFinishedGood.finished_good_id.in_(tree))
    )  # fmt: skip
    return union_all(units, goods, packaging, in_goods, in_packages)
