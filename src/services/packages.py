"""Packages: what a recipient receives — finished goods × quantity, plus packaging."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
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
from src.services.goods_costs import GoodNode, goods_costs, load_goods, node_cost
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
    """Packages by name with contents and cost (a fixed number of queries per nesting level)."""
    query = select(Package.id).order_by(Package.name, Package.id)
    if search and search.strip():
        query = query.where(Package.name.icontains(search.strip(), autoescape=True))
    if not include_archived:
        query = query.where(Package.is_archived.is_(False))
    with db.transaction() as s:
        return _views(s, list(s.scalars(query)))


def get_package(db: Database, package_id: int) -> PackageView:
    """One package. Raises NotFoundError."""
    with db.transaction() as s:
        get_or_fail(s, Package, package_id, "package")
        return _views(s, [package_id])[0]


def create_package(db: Database, data: PackageInput) -> PackageView:
    """Add a package. Raises ValidationError, NotFoundError, ConversionError, ConflictError."""
    with db.transaction() as s:
        name = clean_name(data.name, "package")
        ensure_unique_name(s, Package.name, name, "package")
        row = Package(slug=unique_slug(s, Package.slug, name), name=name)
        s.add(row)
        _fill(s, row, data, name)
        return _views(s, [row.id])[0]


def update_package(db: Database, package_id: int, data: PackageInput) -> PackageView:
    """Replace a package's details and contents. Raises as create_package does."""
    with db.transaction() as s:
        row = get_or_fail(s, Package, package_id, "package")
        name = clean_name(data.name, "package")
        ensure_unique_name(s, Package.name, name, "package", exclude_id=row.id)
        _fill(s, row, data, name)
        return _views(s, [row.id])[0]


def archive_package(db: Database, package_id: int, archived: bool = True) -> PackageView:
    """Hide (or bring back) a package. Raises NotFoundError."""
    with db.transaction() as s:
        get_or_fail(s, Package, package_id, "package").is_archived = archived
        s.flush()
        return _views(s, [package_id])[0]


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


def _views(s: Session, package_ids: list[int]) -> list[PackageView]:
    rows = {p.id: p for p in s.scalars(select(Package).where(Package.id.in_(package_ids)))}
    goods: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for package_id, good_id, count in s.execute(
        select(PackageFinishedGood.package_id, PackageFinishedGood.finished_good_id,
               PackageFinishedGood.quantity)
        .where(PackageFinishedGood.package_id.in_(package_ids)).order_by(PackageFinishedGood.id)
    ):  # fmt: skip
        goods[package_id].append((good_id, count))
    lines: dict[int, list[Line]] = defaultdict(list)
    for package_id, ingredient_id, quantity, unit in s.execute(
        select(PackagePackaging.package_id, PackagePackaging.ingredient_id,
               PackagePackaging.quantity, PackagePackaging.unit)
        .where(PackagePackaging.package_id.in_(package_ids)).order_by(PackagePackaging.id)
    ):  # fmt: skip
        lines[package_id].append(Line(ingredient_id, quantity, unit))
    nodes = load_goods(s, {g for items in goods.values() for g, _ in items})
    all_lines = [line for package_lines in lines.values() for line in package_lines]
    costs = goods_costs(s, nodes, all_lines)
    names = {good_id: node.name for good_id, node in nodes.items()}
    packaging = packaging_views(s, all_lines, costs)
    views = []
    for package_id in package_ids:
        node = GoodNode(package_id, rows[package_id].name, (), tuple(goods[package_id]),
                        tuple(lines[package_id]))  # fmt: skip
        views.append(
            PackageView(
                id=package_id, slug=rows[package_id].slug, name=node.name,
                description=rows[package_id].description, notes=rows[package_id].notes,
                is_archived=rows[package_id].is_archived,
                contents=content_views(node, {}, names, costs),
                packaging=tuple(packaging[line] for line in node.packaging),
                cost=node_cost(node, costs.units, costs.goods, costs.packaging),
            )
        )  # fmt: skip
    return views
