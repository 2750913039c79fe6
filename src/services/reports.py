"""What it all cost: planned vs actual per event, per recipient, losses, usage, spending.

Each report is a fixed number of queries; sums are done in Decimal in Python (SQLite would
add decimals as floats). A cost is None ("unknown") as soon as any part of it is unknown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import extract, or_, select
from sqlalchemy.orm import Session

from src.models import (
    AssemblyRun,
    Event,
    EventRecipientPackage,
    InventoryItem,
    LossCategory,
    MovementKind,
    PackageFinishedGood,
    Product,
    ProductionLoss,
    ProductionPlanSnapshot,
    ProductionRun,
    Purchase,
    Recipe,
    Recipient,
    StockMovement,
)
from src.services.assembly import latest_good_costs
from src.services.database import Database
from src.services.lookup import get_or_fail
from src.services.plain_rows import plain_rows
from src.services.recipe_loading import load_ingredient_infos
from src.services.units import convert_exact, to_decimal


def sum_known(values: Iterable[Decimal | None]) -> Decimal | None:
    """The sum, or None when any value is unknown."""
    items = list(values)
    if None in items:
        return None
    return sum((v for v in items if v is not None), Decimal(0))


@dataclass(frozen=True)
class CostShare:
    label: str
    cost: Decimal | None


@dataclass(frozen=True)
class EventCost:
    event_id: int
    event: str
    planned: Decimal | None  # None: no plan calculated, or the estimate had unpriced lines
    plan_calculated: bool
    production_cost: Decimal | None
    packaging_cost: Decimal | None  # packaging used by the event's assembly runs
    by_recipe: tuple[CostShare, ...]  # for the cost breakdown chart

    @property
    def actual(self) -> Decimal | None:
        return sum_known([self.production_cost, self.packaging_cost])

    @property
    def difference(self) -> Decimal | None:
        """Actual − planned (positive = over plan), when both are known."""
        if self.actual is None or self.planned is None:
            return None
        return self.actual - self.planned


@dataclass(frozen=True)
class RecipientCost:
    recipient_id: int
    recipient: str
    packages: int
    cost: Decimal | None  # None when a good in them was never assembled (or cost unknown)


@dataclass(frozen=True)
class LossLine:
    label: str
    quantity: int
    cost: Decimal | None


@dataclass(frozen=True)
class RecipeLoss:
    recipe_id: int
    recipe: str
    expected: int
    lost: int
    cost: Decimal | None

    @property
    def loss_rate(self) -> Decimal:
        """Lost ÷ expected (0 when nothing was expected)."""
        return Decimal(self.lost) / self.expected if self.expected else Decimal(0)


@dataclass(frozen=True)
class LossReport:
    by_category: tuple[LossLine, ...]
    by_recipe: tuple[RecipeLoss, ...]
    by_event: tuple[LossLine, ...]

    @property
    def total_lost(self) -> int:
        return sum(line.quantity for line in self.by_category)

    @property
    def total_cost(self) -> Decimal | None:
        return sum_known(line.cost for line in self.by_category)


@dataclass(frozen=True)
class IngredientUsage:
    ingredient_id: int
    ingredient: str
    quantity: Decimal  # base units
    unit: str
    cost: Decimal | None


@dataclass(frozen=True)
class MonthlySpending:
    month: str  # "2026-11"
    purchases: int
    total: Decimal


def event_cost(db: Database, event_id: int) -> EventCost:
    """Planned (latest calculated plan) vs actual cost of an event. Raises NotFoundError."""
    with db.transaction() as s:
        event = get_or_fail(s, Event, event_id, "event")
        plan = s.scalars(
            select(ProductionPlanSnapshot.calculation_results)
            .where(ProductionPlanSnapshot.event_id == event_id)
            .order_by(ProductionPlanSnapshot.calculated_at.desc(), ProductionPlanSnapshot.id.desc())
            .limit(1)
        ).first()
        runs = s.execute(
            select(Recipe.name, ProductionRun.total_ingredient_cost)
            .join(Recipe, Recipe.id == ProductionRun.recipe_id)
            .where(ProductionRun.event_id == event_id)
        ).all()
        by_recipe: dict[str, list[Decimal | None]] = defaultdict(list)
        for recipe, cost in runs:
            by_recipe[recipe].append(cost)
        return EventCost(
            event_id=event.id,
            event=event.name,
            planned=_planned_total(plan),
            plan_calculated=plan is not None,
            production_cost=sum_known(cost for _, cost in runs),
            packaging_cost=_packaging_cost(s, event_id),
            by_recipe=tuple(CostShare(r, sum_known(c)) for r, c in sorted(by_recipe.items())),
        )


def cost_per_recipient(db: Database, event_id: int) -> list[RecipientCost]:
    """Each recipient's packages: their goods at the latest assembly cost per good, plus the
    packaging used when the package was assembled.

    Raises NotFoundError.
    """
    with db.transaction() as s:
        get_or_fail(s, Event, event_id, "event")
        rows = s.execute(
            select(
                Recipient.id, Recipient.name, EventRecipientPackage.id,
                EventRecipientPackage.quantity, PackageFinishedGood.finished_good_id,
                PackageFinishedGood.quantity,
            )
            .join(EventRecipientPackage, EventRecipientPackage.recipient_id == Recipient.id)
            .outerjoin(
                PackageFinishedGood,
                PackageFinishedGood.package_id == EventRecipientPackage.package_id,
            )
            .where(EventRecipientPackage.event_id == event_id)
        ).all()  # fmt: skip
        good_costs = latest_good_costs(s, {row[4] for row in rows if row[4] is not None})
        packaging = _package_packaging_costs(s, event_id)
    names: dict[int, str] = {}
    packages: dict[int, dict[int, int]] = defaultdict(dict)  # recipient → {package row: qty}
    costs: dict[int, list[Decimal | None]] = defaultdict(list)
    for recipient_id, name, erp_id, quantity, good_id, per_package in rows:
        names[recipient_id] = name
        if erp_id not in packages[recipient_id]:
            costs[recipient_id].extend(packaging.get(erp_id, []))
        packages[recipient_id][erp_id] = quantity
        if good_id is not None:
            unit = good_costs.get(good_id)
            costs[recipient_id].append(None if unit is None else unit * per_package * quantity)
    return [
        RecipientCost(r, names[r], sum(packages[r].values()), sum_known(costs[r]))
        for r in sorted(names, key=lambda r: names[r].lower())
    ]


def loss_report(db: Database, *, event_id: int | None = None) -> LossReport:
    """Losses of recorded runs (voided runs excluded) by category, recipe and event.

    One query. Raises nothing.
    """
    query = (
        select(
            ProductionRun.recipe_id, Recipe.name, Event.name, ProductionRun.expected_yield,
            ProductionLoss.loss_category, ProductionLoss.loss_quantity,
            ProductionLoss.total_loss_cost,
        )
        .join(Recipe, Recipe.id == ProductionRun.recipe_id)
        .outerjoin(Event, Event.id == ProductionRun.event_id)
        .outerjoin(ProductionLoss, ProductionLoss.production_run_id == ProductionRun.id)
    )  # fmt: skip
    if event_id is not None:
        query = query.where(ProductionRun.event_id == event_id)
    with db.transaction() as s:
        rows = s.execute(query).all()
    lost = [(row[4], row[2] or "No event", row[5], row[6]) for row in rows if row[5]]
    return LossReport(
        by_category=_grouped((str(c), q, cost) for c, _, q, cost in lost),
        by_recipe=_recipe_losses(rows),
        by_event=_grouped((event, q, cost) for _, event, q, cost in lost),
    )


def ingredient_usage(
    db: Database, start: date | None, end: date, *, event_id: int | None = None
) -> list[IngredientUsage]:
    """What production runs produced between `start` and `end` (inclusive) consumed; a
    `start` of None counts from the first run.

    Raises ConversionError only if stored data is inconsistent.
    """
    conditions = [
        StockMovement.kind == MovementKind.PRODUCTION,
        ProductionRun.produced_at < datetime.combine(end + timedelta(days=1), time.min),
    ]
    if start is not None:
        conditions.append(ProductionRun.produced_at >= datetime.combine(start, time.min))
    if event_id is not None:
        conditions.append(ProductionRun.event_id == event_id)
    with db.transaction() as s:
        rows = s.execute(
            select(
                Product.ingredient_id, Product.package_unit,
                StockMovement.quantity, StockMovement.unit_cost,
            )
            .join(ProductionRun, ProductionRun.id == StockMovement.production_run_id)
            .join(InventoryItem, InventoryItem.id == StockMovement.inventory_item_id)
            .join(Product, Product.id == InventoryItem.product_id)
            .where(*conditions)
        ).all()  # fmt: skip
        infos = load_ingredient_infos(s, {row[0] for row in rows})
    quantities: dict[int, Decimal] = defaultdict(Decimal)
    costs: dict[int, list[Decimal | None]] = defaultdict(list)
    for ingredient_id, unit, taken, unit_cost in rows:
        info = infos[ingredient_id]
        base = convert_exact(-taken, unit, info.base_unit, info.density, info.name)
        quantities[ingredient_id] += to_decimal(base)
        costs[ingredient_id].append(None if unit_cost is None else -taken * unit_cost)
    return sorted(
        (
            IngredientUsage(i, infos[i].name, q, infos[i].base_unit.value, sum_known(costs[i]))
            for i, q in quantities.items()
        ),
        key=lambda usage: usage.ingredient.lower(),
    )


def spending_by_month(
    db: Database, start: date | None = None, end: date | None = None
) -> list[MonthlySpending]:
    """Purchases per calendar month (packages × price), oldest first. One query; the database
    says which month each purchase is in, the exact sums are Decimal."""
    bought = Purchase.purchase_date
    query = select(extract("year", bought), extract("month", bought), Purchase.packages_bought,
                   Purchase.price_per_package)  # fmt: skip
    if start is not None:
        query = query.where(bought >= start)
    if end is not None:
        query = query.where(bought <= end)
    with db.transaction() as s:
        rows = plain_rows(s, query).all()
    totals: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for year, month, packages, price in rows:
        key = (int(year), int(month))
        totals[key] += packages * price
        counts[key] += 1
    return [
        MonthlySpending(f"{y:04d}-{m:02d}", counts[y, m], totals[y, m]) for y, m in sorted(totals)
    ]


def _planned_total(results: dict[str, object] | None) -> Decimal | None:
    """The plan's cost estimate total (a Decimal string, or null when unpriced)."""
    estimate = (results or {}).get("cost_estimate")
    total = estimate.get("total") if isinstance(estimate, dict) else None
    return None if total is None else Decimal(str(total))


def _packaging_cost(s: Session, event_id: int) -> Decimal | None:
    """Packaging still used by the event's assembly runs and recipient packages."""
    runs = select(AssemblyRun.id).where(AssemblyRun.event_id == event_id)
    packages = select(EventRecipientPackage.id).where(EventRecipientPackage.event_id == event_id)
    rows = s.execute(
        select(StockMovement.quantity, StockMovement.unit_cost).where(
            or_(
                StockMovement.assembly_run_id.in_(runs),
                StockMovement.recipient_package_id.in_(packages),
            )
        )
    )
    return sum_known(None if cost is None else -taken * cost for taken, cost in rows)


def _package_packaging_costs(s: Session, event_id: int) -> dict[int, list[Decimal | None]]:
    """Net packaging cost per recipient package of the event (what is still used)."""
    rows = s.execute(
        select(StockMovement.recipient_package_id, StockMovement.quantity, StockMovement.unit_cost)
        .join(EventRecipientPackage, EventRecipientPackage.id == StockMovement.recipient_package_id)
        .where(EventRecipientPackage.event_id == event_id)
    )
    costs: dict[int, list[Decimal | None]] = defaultdict(list)
    for erp_id, taken, cost in rows:
        if erp_id is not None:
            costs[erp_id].append(None if cost is None else -taken * cost)
    return costs


def _grouped(lines: Iterable[tuple[str, int, Decimal | None]]) -> tuple[LossLine, ...]:
    quantities: dict[str, int] = defaultdict(int)
    costs: dict[str, list[Decimal | None]] = defaultdict(list)
    for label, quantity, cost in lines:
        quantities[label] += quantity
        costs[label].append(cost)
    return tuple(LossLine(k, quantities[k], sum_known(costs[k])) for k in sorted(quantities))


_LossRow = tuple[int, str, str | None, int, LossCategory | None, int | None, Decimal | None]


def _recipe_losses(rows: Iterable[_LossRow]) -> tuple[RecipeLoss, ...]:
    names: dict[int, str] = {}
    expected: dict[int, int] = defaultdict(int)
    lost: dict[int, int] = defaultdict(int)
    costs: dict[int, list[Decimal | None]] = defaultdict(list)
    for recipe_id, recipe, _, run_expected, _, loss, cost in rows:
        names[recipe_id] = recipe
        expected[recipe_id] += run_expected
        if loss:
            lost[recipe_id] += loss
            costs[recipe_id].append(cost)
    return tuple(
        RecipeLoss(r, names[r], expected[r], lost[r], sum_known(costs[r]))
        for r in sorted(names, key=lambda r: names[r].lower())
    )
