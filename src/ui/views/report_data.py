"""What each report shows, as plain values: the chart to draw and the rows beneath it.

Built from the report services' results; no widgets and no matplotlib here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from src.services.formatting import format_count, format_date, humanize
from src.services.quantity_format import format_money, format_stored_quantity
from src.services.reports import EventCost, IngredientUsage, LossReport, MonthlySpending


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[Decimal, ...]


@dataclass(frozen=True)
class ChartSpec:
    title: str
    labels: tuple[str, ...]
    series: tuple[Series, ...]
    money: bool = False  # the value axis reads in dollars
    notes: tuple[str, ...] = field(default=())  # a text over each bar of the first series


@dataclass(frozen=True)
class Report:
    chart: ChartSpec | None  # None: nothing to draw yet (the empty state is shown)
    rows: tuple[tuple[str, ...], ...]


def event_cost_report(cost: EventCost) -> Report:
    shares = [share for share in cost.by_recipe if share.cost is not None]
    rows = [(share.label, format_money(share.cost)) for share in cost.by_recipe]
    rows += [
        (
            "Planned (latest plan)",
            format_money(cost.planned) if cost.plan_calculated else "no plan",
        ),
        ("Actual: production", format_money(cost.production_cost)),
        ("Actual: packaging", format_money(cost.packaging_cost)),
        ("Actual total", format_money(cost.actual)),
    ]
    if not cost.by_recipe and not cost.plan_calculated and not cost.actual:
        return Report(None, tuple(rows))
    parts = [(share.label, share.cost or Decimal(0)) for share in shares]
    if cost.packaging_cost:
        parts.append(("Packaging", cost.packaging_cost))
    planned = format_money(cost.planned) if cost.plan_calculated else "no plan"
    chart = ChartSpec(
        f"{cost.event}: actual {format_money(cost.actual)} (planned {planned}), by part",
        tuple(label for label, _ in parts),
        (Series("Actual cost", tuple(amount for _, amount in parts)),),
        money=True,
    )
    return Report(chart, tuple(rows))


def production_report(losses: LossReport) -> Report:
    """Expected vs made per recipe (made = expected − lost), from the recorded runs."""
    recipes = losses.by_recipe
    rows = tuple(
        (r.recipe, format_count(r.expected), format_count(r.expected - r.lost),
         format_count(r.lost), f"{r.loss_rate * 100:.1f}%")
        for r in recipes
    )  # fmt: skip
    if not recipes:
        return Report(None, rows)
    chart = ChartSpec(
        "Production by recipe: expected vs made",
        tuple(r.recipe for r in recipes),
        (Series("Expected", tuple(Decimal(r.expected) for r in recipes)),
         Series("Made", tuple(Decimal(r.expected - r.lost) for r in recipes))),
    )  # fmt: skip
    return Report(chart, rows)


def losses_report(losses: LossReport) -> Report:
    lines = losses.by_category
    rows = tuple((humanize(x.label), format_count(x.quantity), format_money(x.cost)) for x in lines)
    if not lines:
        return Report(None, rows)
    chart = ChartSpec(
        "Losses by category",
        tuple(humanize(x.label) for x in lines),
        (Series("Lost", tuple(Decimal(x.quantity) for x in lines)),),
        notes=tuple(format_money(x.cost) for x in lines),
    )
    return Report(chart, (*rows, ("Total", format_count(losses.total_lost),
                                  format_money(losses.total_cost))))  # fmt: skip


def spending_report(months: list[MonthlySpending], start: date | None, end: date) -> Report:
    labels = tuple(_month(m.month) for m in months)
    rows = tuple(
        (label, format_count(m.purchases), format_money(m.total))
        for label, m in zip(labels, months, strict=True)
    )
    if not months:
        return Report(None, rows)
    chart = ChartSpec(
        f"Spending by month, {period_text(start, end)}",
        labels,
        (Series("Spent", tuple(m.total for m in months)),),
        money=True,
    )
    return Report(chart, rows)


def usage_report(usages: list[IngredientUsage], start: date | None, end: date) -> Report:
    """What production used per ingredient and its cost; an unpriced one reads "unknown"."""
    rows = tuple(
        (u.ingredient, format_stored_quantity(u.quantity, u.unit), format_money(u.cost))
        for u in usages
    )
    if not usages:
        return Report(None, rows)
    chart = ChartSpec(
        f"Ingredient cost, {period_text(start, end)}",
        tuple(u.ingredient for u in usages),
        (Series("Cost", tuple(u.cost or Decimal(0) for u in usages)),),
        money=True,
        notes=tuple(format_money(u.cost) for u in usages),  # an unpriced bar says "unknown"
    )
    return Report(chart, rows)


def period_text(start: date | None, end: date) -> str:
    """ "Dec 1, 2025 – Nov 22, 2026", or "up to Nov 22, 2026" when there is no start."""
    if start is None:
        return f"up to {format_date(end)}"
    return f"{format_date(start)} – {format_date(end)}"


def _month(key: str) -> str:
    """ "2026-11" → "Nov 2026"."""
    year, month = key.split("-")
    return f"{date(int(year), int(month), 1):%b %Y}"
