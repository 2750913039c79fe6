"""Everything an event's plan is calculated from, read in a fixed number of queries.

`load_plan_inputs` turns the event's demand, goods, packages, finished units, decisions and
recorded production into plain data; plan calculation, staleness, feasibility, progress and
amendments all read the event through it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from src.models import (
    AssemblyRun,
    BatchDecision,
    Event,
    EventFinishedGood,
    EventRecipe,
    EventRecipientPackage,
    FinishedGood,
    FinishedGoodComponent,
    FinishedGoodPackaging,
    FinishedUnit,
    OutputMode,
    Package,
    PackageFinishedGood,
    PackagePackaging,
    PackageStatus,
    PlanState,
    Recipe,
    Recipient,
    Unit,
)
from src.services.decomposition import Demand, Expansion, GoodContents, expand_demand
from src.services.event_guards import produced_batches, totals_by


@dataclass(frozen=True)
class UnitInfo:
    id: int
    slug: str
    name: str
    recipe_id: int
    recipe_slug: str
    yield_per_batch: Decimal


@dataclass(frozen=True)
class PackagingLine:
    """Packaging used per finished good or per package: "1 tin", "2 ribbons"."""

    ingredient_id: int
    quantity: Decimal
    unit: Unit


@dataclass(frozen=True)
class GoodInfo:
    id: int
    slug: str
    name: str
    contents: GoodContents
    packaging: tuple[PackagingLine, ...] = ()


@dataclass(frozen=True)
class PackageInfo:
    id: int
    slug: str
    name: str
    goods: dict[int, int]
    packaging: list[PackagingLine] = field(default_factory=list)


@dataclass(frozen=True)
class Assignment:
    """A package for a recipient at the event."""

    recipient_slug: str
    recipient_name: str
    package_id: int
    quantity: int
    status: PackageStatus


@dataclass(frozen=True)
class Decision:
    batches: int
    confirmed_shortfall: bool


@dataclass(frozen=True)
class PlanInputs:
    event_id: int
    event_slug: str
    event_name: str
    plan_state: PlanState
    output_mode: OutputMode | None
    selected_recipes: dict[int, tuple[str, str]]  # recipe id → (slug, name)
    demand: Demand
    assignments: tuple[Assignment, ...]
    packages: dict[int, PackageInfo]
    goods: dict[int, GoodInfo]
    units: dict[int, UnitInfo]
    decisions: dict[int, Decision]  # finished unit id → decision
    produced: dict[int, int]  # finished unit id → batches recorded for the event
    assembled: dict[int, int]  # finished good id → assembled for the event

    def packaging_ingredients(self) -> set[int]:
        lines = [*(g.packaging for g in self.goods.values()),
                 *(p.packaging for p in self.packages.values())]  # fmt: skip
        return {line.ingredient_id for group in lines for line in group}

    def catalog(self) -> dict[int, GoodContents]:
        return {good_id: good.contents for good_id, good in self.goods.items()}

    def expansion(self) -> Expansion:
        contents = {pid: package.goods for pid, package in self.packages.items()}
        return expand_demand(self.demand, self.catalog(), contents)

    def unit_needs(self) -> dict[int, int]:
        """Finished units to bake per unit id (all demand, shared units added up)."""
        return self.expansion().units


def load_plan_inputs(s: Session, event: Event) -> PlanInputs:
    """The event's plan inputs (about eight queries plus one per level of nested goods)."""
    demand_rows = s.execute(
        select(
            EventFinishedGood.finished_good_id,
            EventFinishedGood.finished_unit_id,
            EventFinishedGood.quantity,
        ).where(EventFinishedGood.event_id == event.id)
    ).all()
    assignments = _assignments(s, event.id)
    packages = load_packages(s, {a.package_id for a in assignments})
    direct_goods = {good: qty for good, _, qty in demand_rows if good is not None}
    package_goods = {g for p in packages.values() for g in p.goods}
    goods = load_goods(s, set(direct_goods) | package_goods)
    decisions = _decisions(s, event.id)
    unit_ids = {u for g in goods.values() for u in g.contents.units}
    unit_ids |= {unit for _, unit, _ in demand_rows if unit is not None} | set(decisions)
    return PlanInputs(
        event_id=event.id,
        event_slug=event.slug,
        event_name=event.name,
        plan_state=event.plan_state,
        output_mode=event.output_mode,
        selected_recipes=_selected_recipes(s, event.id),
        demand=Demand(
            units={unit: qty for _, unit, qty in demand_rows if unit is not None},
            goods=direct_goods,
            packages=_package_counts(assignments),
        ),
        assignments=assignments,
        packages=packages,
        goods=goods,
        units=load_units(s, unit_ids),
        decisions=decisions,
        produced=produced_batches(s, event.id),
        assembled=totals_by(s, AssemblyRun.finished_good_id, AssemblyRun.quantity, event.id),
    )


def _selected_recipes(s: Session, event_id: int) -> dict[int, tuple[str, str]]:
    rows = s.execute(
        select(Recipe.id, Recipe.slug, Recipe.name)
        .join(EventRecipe, EventRecipe.recipe_id == Recipe.id)
        .where(EventRecipe.event_id == event_id)
    )
    return {rid: (slug, name) for rid, slug, name in rows}


def _assignments(s: Session, event_id: int) -> tuple[Assignment, ...]:
    rows = s.execute(
        select(
            Recipient.slug,
            Recipient.name,
            EventRecipientPackage.package_id,
            EventRecipientPackage.quantity,
            EventRecipientPackage.status,
        )
        .join(Recipient, EventRecipientPackage.recipient_id == Recipient.id)
        .where(EventRecipientPackage.event_id == event_id)
        .order_by(Recipient.slug, EventRecipientPackage.package_id)
    )
    return tuple(Assignment(*row) for row in rows)


def _package_counts(assignments: tuple[Assignment, ...]) -> dict[int, int]:
    counts: dict[int, int] = defaultdict(int)
    for a in assignments:
        counts[a.package_id] += a.quantity
    return dict(counts)


def load_packages(s: Session, ids: set[int]) -> dict[int, PackageInfo]:
    if not ids:
        return {}
    rows = s.execute(
        select(Package.id, Package.slug, Package.name, PackageFinishedGood.finished_good_id,
               PackageFinishedGood.quantity)
        .outerjoin(PackageFinishedGood, PackageFinishedGood.package_id == Package.id)
        .where(Package.id.in_(ids))
    )  # fmt: skip
    packages: dict[int, PackageInfo] = {}
    for pid, slug, name, good_id, quantity in rows:
        package = packages.setdefault(pid, PackageInfo(pid, slug, name, {}))
        if good_id is not None:
            package.goods[good_id] = quantity
    for pid, line in _packaging(s, PackagePackaging, PackagePackaging.package_id, ids):
        packages[pid].packaging.append(line)
    return packages


def _packaging(
    s: Session,
    model: type[FinishedGoodPackaging] | type[PackagePackaging],
    owner: InstrumentedAttribute[int],
    ids: set[int],
) -> list[tuple[int, PackagingLine]]:
    """(owner id, packaging line) for the goods or packages in `ids` (one query)."""
    rows = s.execute(
        select(owner, model.ingredient_id, model.quantity, model.unit).where(owner.in_(ids))
    )
    return [
        (o, PackagingLine(ingredient, quantity, unit)) for o, ingredient, quantity, unit in rows
    ]


def load_goods(s: Session, ids: set[int]) -> dict[int, GoodInfo]:
    """The goods and all goods nested in them: one query per nesting level."""
    goods: dict[int, GoodInfo] = {}
    frontier = ids
    while frontier:
        level = _goods_level(s, frontier)
        goods.update(level)
        nested = {child for g in level.values() for child in g.contents.goods}
        frontier = nested - goods.keys()
    return goods


def _goods_level(s: Session, ids: set[int]) -> dict[int, GoodInfo]:
    rows = s.execute(
        select(FinishedGood.id, FinishedGood.slug, FinishedGood.name,
               FinishedGoodComponent.finished_unit_id, FinishedGoodComponent.component_good_id,
               FinishedGoodComponent.quantity)
        .outerjoin(FinishedGoodComponent, FinishedGoodComponent.finished_good_id == FinishedGood.id)
        .where(FinishedGood.id.in_(ids))
    )  # fmt: skip
    names: dict[int, tuple[str, str]] = {}
    units: dict[int, dict[int, int]] = defaultdict(dict)
    nested: dict[int, dict[int, int]] = defaultdict(dict)
    for gid, slug, name, unit_id, child_id, quantity in rows:
        names[gid] = (slug, name)
        if unit_id is not None:
            units[gid][unit_id] = quantity
        elif child_id is not None:
            nested[gid][child_id] = quantity
    packaging: dict[int, list[PackagingLine]] = defaultdict(list)
    for gid, line in _packaging(
        s, FinishedGoodPackaging, FinishedGoodPackaging.finished_good_id, ids
    ):
        packaging[gid].append(line)
    return {
        gid: GoodInfo(gid, slug, name, GoodContents(units[gid], nested[gid]), tuple(packaging[gid]))
        for gid, (slug, name) in names.items()
    }


def load_units(s: Session, ids: set[int]) -> dict[int, UnitInfo]:
    if not ids:
        return {}
    rows = s.execute(
        select(FinishedUnit.id, FinishedUnit.slug, FinishedUnit.name, FinishedUnit.recipe_id,
               Recipe.slug, FinishedUnit.yield_per_batch)
        .join(Recipe, FinishedUnit.recipe_id == Recipe.id)
        .where(FinishedUnit.id.in_(ids))
    )  # fmt: skip
    return {row[0]: UnitInfo(*row) for row in rows}


def _decisions(s: Session, event_id: int) -> dict[int, Decision]:
    rows = s.execute(
        select(
            BatchDecision.finished_unit_id, BatchDecision.batches, BatchDecision.confirmed_shortfall
        ).where(BatchDecision.event_id == event_id)
    )
    return {unit_id: Decision(batches, confirmed) for unit_id, batches, confirmed in rows}
