"""Packages: what a recipient receives — finished goods × quantity, plus packaging."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, null, select, union_all
from sqlalchemy.orm import Session

from src.models import (
    Event,
    EventRecipientPackage,
    FinishedGood,
    Package,
    PackageFinishedGood,
    PackagePackaging,
)
from src.services.database import Database
from src.services.errors import ValidationError
from src.services.finished_goods import ContentView, ItemCount, content_views
from src.services.goods_costs import goods_costs, node_cost
from src.services.goods_tree import GoodNode, load_goods_tree
from src.services.lookup import get_or_fail
from src.services.packaging import PackagingInput, PackagingView, packaging_line, packaging_views
from src.services.recipe_graph import Line
from src.services.records import (
    clean_name,
    clean_text,
    describe_users,
    ensure_unique_name,
    refuse_delete,
    whole_count,
)
from src.services.slugs import unique_slug
from src.services.stacked_rows import kind, none_like


@dataclass(frozen=True)
class PackageInput:
    name: str
    goods: tuple[ItemCount, ...] = ()
    packaging: tuple[PackagingInput, ...] = ()
    description: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class PackageView:
    id: int
    slug: str
    name: str
    description: str | None
    notes: str | None
    is_archived: bool
    contents: tuple[ContentView, ...]
    packaging: tuple[PackagingView, ...]
    cost: Decimal | None  # None when anything inside is unpriced


def list_packages(
    db: Database, *, search: str | None = None, include_archived: bool = False
) -> list[PackageView]:
    """Packages by name with contents and cost (four queries for any number of packages)."""
    conditions = []
    if search and search.strip():
        conditions.append(Package.name.icontains(search.strip(), autoescape=True))
    if not include_archived:
        conditions.append(Package.is_archived.is_(False))
    with db.transaction() as s:
        return _views(s, *conditions)


def get_package(db: Database, package_id: int) -> PackageView:
    """One package. Raises NotFoundError."""
    with db.transaction() as s:
        get_or_fail(s, Package, package_id, "package")
        return _views(s, Package.id == package_id)[0]


def create_package(db: Database, data: PackageInput) -> PackageView:
    """Add a package. Raises ValidationError, NotFoundError, ConversionError, ConflictError."""
    with db.transaction() as s:
        name = clean_name(data.name, "package")
        ensure_unique_name(s, Package.name, name, "package")
        row = Package(slug=unique_slug(s, Package.slug, name), name=name)
        s.add(row)
        _fill(s, row, data, name)
        return _views(s, Package.id == row.id)[0]


def update_package(db: Database, package_id: int, data: PackageInput) -> PackageView:
    """Replace a package's details and contents. Raises as create_package does."""
    with db.transaction() as s:
        row = get_or_fail(s, Package, package_id, "package")
        name = clean_name(data.name, "package")
        ensure_unique_name(s, Package.name, name, "package", exclude_id=row.id)
        _fill(s, row, data, name)
        return _views(s, Package.id == row.id)[0]


def archive_package(db: Database, package_id: int, archived: bool = True) -> PackageView:
    """Hide (or bring back) a package. Raises NotFoundError."""
    with db.transaction() as s:
        get_or_fail(s, Package, package_id, "package").is_archived = archived
        s.flush()
        return _views(s, Package.id == package_id)[0]


def delete_package(db: Database, package_id: int) -> None:
    """Delete a package no event assigns. Raises NotFoundError; ConflictError naming events."""
    with db.transaction() as s:
        row = get_or_fail(s, Package, package_id, "package")
        events = select(Event.name).join(EventRecipientPackage)
        users = describe_users(
            s, [("event", events.where(EventRecipientPackage.package_id == package_id))]
        )
        refuse_delete(f"'{row.name}'", users)
        s.delete(row)


def _fill(s: Session, row: Package, data: PackageInput, name: str) -> None:
    row.name = name
    row.description = clean_text(data.description)
    row.notes = clean_text(data.notes)
    row.finished_goods.clear()
    row.packaging.clear()
    s.flush()
    goods = [item.item_id for item in data.goods]
    ingredients = [p.ingredient_id for p in data.packaging]
    if len(goods) != len(set(goods)) or len(ingredients) != len(set(ingredients)):
        raise ValidationError("Something is listed twice in the package; give it once.")
    for item in data.goods:
        good = get_or_fail(s, FinishedGood, item.item_id, "finished good")
        count = whole_count(item.quantity, f"Number of {good.name}")
        row.finished_goods.append(PackageFinishedGood(finished_good_id=good.id, quantity=count))
    for packaging in data.packaging:
        line = packaging_line(s, packaging)
        row.packaging.append(
            PackagePackaging(
                ingredient_id=line.ingredient_id, quantity=line.quantity, unit=line.unit
            )
        )
    s.flush()


def _views(s: Session, *conditions: ColumnElement[bool]) -> list[PackageView]:
    """The packages that meet `conditions`, by name, with their contents and costs."""
    packages, goods, lines = _packages(s, *conditions)
    tree = load_goods_tree(s, {g for items in goods.values() for g, _ in items})
    all_lines = [line for package_lines in lines.values() for line in package_lines]
    costs = goods_costs(s, tree.nodes, tree.units, all_lines)
    names = {good_id: node.name for good_id, node in tree.nodes.items()}
    packaging = packaging_views(all_lines, costs)
    views = []
    for package_id, (slug, name, description, notes, archived) in packages.items():
        node = GoodNode(package_id, name, (), tuple(goods[package_id]), tuple(lines[package_id]))
        views.append(
            PackageView(
                id=package_id, slug=slug, name=name, description=description, notes=notes,
                is_archived=archived, contents=content_views(node, {}, names, costs),
                packaging=tuple(packaging[line] for line in node.packaging),
                cost=node_cost(node, costs.units, costs.goods, costs.packaging),
            )
        )  # fmt: skip
    return views


def _packages(
    s: Session, *conditions: ColumnElement[bool]
) -> tuple[dict[int, tuple[Any, ...]], dict[int, list[tuple[int, int]]], dict[int, list[Line]]]:
    """The packages by name (slug, name, description, notes, archived), the goods each holds
    and its packaging lines: one query, the two kinds of content stacked (see stacked_rows)."""
    contents = union_all(
        select(PackageFinishedGood.package_id.label("owner_id"), kind("good"),
               PackageFinishedGood.finished_good_id.label("item_id"),
               PackageFinishedGood.quantity.label("count"),
               none_like(PackagePackaging.quantity).label("amount"),
               none_like(PackagePackaging.unit).label("unit"),
               PackageFinishedGood.id.label("position")),
        select(PackagePackaging.package_id, kind("packaging"), PackagePackaging.ingredient_id,
               null(), PackagePackaging.quantity, PackagePackaging.unit, PackagePackaging.id),
    ).subquery("contents")  # fmt: skip
    rows = s.execute(
        select(Package.id, Package.slug, Package.name, Package.description, Package.notes,
               Package.is_archived, contents.c.kind, contents.c.item_id, contents.c.count,
               contents.c.amount, contents.c.unit)
        .outerjoin(contents, contents.c.owner_id == Package.id)
        .where(*conditions)
        .order_by(Package.name, Package.id, contents.c.position)
    )  # fmt: skip
    packages: dict[int, tuple[Any, ...]] = {}
    goods: dict[int, list[tuple[int, int]]] = defaultdict(list)
    lines: dict[int, list[Line]] = defaultdict(list)
    for package_id, *details, what, item, count, amount, unit in rows:
        packages.setdefault(package_id, tuple(details))
        if what == "good":
            goods[package_id].append((item, count))
        elif what == "packaging":
            lines[package_id].append(Line(item, amount, unit))
    return packages, goods, lines
