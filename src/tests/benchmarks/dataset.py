"""Generates a consistent dataset of a given scale with bulk inserts (deterministic seed).

Consistent means every domain rule holds: units are convertible for each ingredient, every
lot's ledger sums to its remaining quantity, nested recipes and goods have no cycles and at
most three levels, runs satisfy the yield/status rules.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from src.models import (
    Base,
    Event,
    EventFinishedGood,
    EventRecipe,
    FinishedGood,
    FinishedGoodComponent,
    FinishedUnit,
    Ingredient,
    InventoryItem,
    Package,
    PackageFinishedGood,
    Product,
    ProductionLoss,
    ProductionRun,
    Purchase,
    Recipe,
    RecipeComponent,
    RecipeIngredient,
    Recipient,
    StockMovement,
    Supplier,
)
from src.models.revision import renewed_once
from src.tests.benchmarks.scales import Scale

CATEGORIES = [
    "Flour",
    "Sugar",
    "Dairy",
    "Eggs",
    "Spices",
    "Nuts",
    "Chocolate",
    "Extracts",
    "Leavening",
    "Fruit",
    "Fats",
    "Packaging",
]
# kind → (recipe line units, product units)
KINDS = {
    "weighed": (["cup", "g"], ["lb", "kg", "oz", "g"]),
    "liquid": (["tsp", "tbsp", "ml"], ["fl oz", "ml", "l"]),
    "counted": (["each"], ["each", "dozen"]),
}
TODAY = date(2026, 11, 22)


@dataclass
class _Plan:
    """Ids of what has been generated, so later tables can refer to earlier ones."""

    rng: random.Random
    kinds: list[str] = field(default_factory=list)
    products_of: dict[int, list[int]] = field(default_factory=dict)
    product_unit: dict[int, str] = field(default_factory=dict)
    units_of_recipe: dict[int, list[int]] = field(default_factory=dict)
    recipe_of_unit: dict[int, int] = field(default_factory=dict)
    yield_of_unit: dict[int, int] = field(default_factory=dict)
    goods: list[int] = field(default_factory=list)


def generate(session: Session, scale: Scale, seed: int = 2026) -> dict[str, int]:
    """Fill an empty database; returns the number of rows written per table."""
    plan = _Plan(random.Random(seed))
    counts: dict[str, int] = {}
    steps: list[Callable[[], list[tuple[type[Base], Iterable[dict[str, Any]]]]]] = [
        lambda: [(Supplier, _suppliers(10))],
        lambda: [(Ingredient, _ingredients(plan, scale))],
        lambda: [(Product, _products(plan, scale))],
        lambda: _stock(plan, scale),
        lambda: _recipes(plan, scale),
        lambda: [(FinishedUnit, _finished_units(plan, scale))],
        lambda: _goods(plan, scale),
        lambda: [(Recipient, _recipients(scale))],
        lambda: _events(plan, scale),
        lambda: _runs(plan, scale),
    ]
    with renewed_once(session.connection()):
        for step in steps:
            for model, rows in step():
                batch = list(rows)
                if batch:
                    session.execute(insert(model), batch)
                counts[model.__tablename__] = counts.get(model.__tablename__, 0) + len(batch)
    return counts


def table_names() -> list[str]:
    return [t.name for t in Base.metadata.sorted_tables]


def _suppliers(n: int) -> Iterator[dict[str, Any]]:
    for i in range(1, n + 1):
        yield {"id": i, "slug": f"supplier-{i}", "name": f"Supplier {i}"}


def _ingredients(plan: _Plan, scale: Scale) -> Iterator[dict[str, Any]]:
    for i in range(1, scale.ingredients + 1):
        kind = plan.rng.choices(list(KINDS), weights=[6, 2, 2])[0]
        plan.kinds.append(kind)
        row = {
            "id": i,
            "slug": f"ingredient-{i}",
            "name": f"Ingredient {i}",
            "category": CATEGORIES[i % len(CATEGORIES)],
        }
        if kind == "weighed":
            row |= {
                "density_volume_quantity": Decimal(1),
                "density_volume_unit": "cup",
                "density_weight_quantity": Decimal(plan.rng.randint(80, 300)),
                "density_weight_unit": "g",
            }
        yield row


def _products(plan: _Plan, scale: Scale) -> Iterator[dict[str, Any]]:
    for pid in range(1, scale.products + 1):
        ingredient = pid if pid <= scale.ingredients else plan.rng.randint(1, scale.ingredients)
        unit = plan.rng.choice(KINDS[plan.kinds[ingredient - 1]][1])
        plan.products_of.setdefault(ingredient, []).append(pid)
        plan.product_unit[pid] = unit
        yield {
            "id": pid,
            "ingredient_id": ingredient,
            "name": f"Product {pid}",
            "brand": f"Brand {pid % 37}",
            "package_quantity": Decimal(plan.rng.choice([1, 2, 4, 5, 10, 25])),
            "package_unit": unit,
            "is_preferred": pid <= scale.ingredients and pid % 2 == 0,
            "supplier_id": 1 + pid % 10,
        }


def _stock(plan: _Plan, scale: Scale) -> list[tuple[type[Base], Iterable[dict[str, Any]]]]:
    purchases, lots, movements = [], [], []
    for lot_id in range(1, scale.lots + 1):
        product = 1 + (lot_id - 1) % scale.products
        bought = TODAY - timedelta(days=plan.rng.randint(0, 3650))
        packages = Decimal(plan.rng.randint(1, 4))
        initial = packages * Decimal(plan.rng.choice([1, 2, 4, 5, 10, 25]))
        price = Decimal(plan.rng.randint(99, 2999)) / 100
        remaining = initial if (TODAY - bought).days < 60 else Decimal(0)
        purchases.append(
            {
                "id": lot_id,
                "product_id": product,
                "supplier_id": 1 + lot_id % 10,
                "purchase_date": bought,
                "packages_bought": packages,
                "price_per_package": price,
            }
        )
        lots.append(
            {
                "id": lot_id,
                "product_id": product,
                "purchase_id": lot_id,
                "initial_quantity": initial,
                "remaining_quantity": remaining,
                "unit_cost": price / 4,
                "purchase_date": bought,
            }
        )
        movements.append({"inventory_item_id": lot_id, "kind": "purchase", "quantity": initial})
        if remaining != initial:
            movements.append(
                {
                    "inventory_item_id": lot_id,
                    "kind": "production",
                    "quantity": remaining - initial,
                    "occurred_at": datetime.combine(bought, datetime.min.time()),
                }
            )
    return [(Purchase, purchases), (InventoryItem, lots), (StockMovement, movements)]


def _recipe_depth(index: int, total: int) -> int:
    """Recipes are layered so nesting never exceeds three levels and never cycles."""
    share = index / total
    return 0 if share < 0.55 else 1 if share < 0.8 else 2 if share < 0.93 else 3


def _recipes(plan: _Plan, scale: Scale) -> list[tuple[type[Base], Iterable[dict[str, Any]]]]:
    recipes, lines, components = [], [], []
    by_depth: dict[int, list[int]] = {0: [], 1: [], 2: [], 3: []}
    for rid in range(1, scale.recipes + 1):
        depth = _recipe_depth(rid - 1, scale.recipes)
        by_depth[depth].append(rid)
        recipes.append(
            {
                "id": rid,
                "slug": f"recipe-{rid}",
                "name": f"Recipe {rid}",
                "category": CATEGORIES[rid % 6],
                "is_production_ready": True,
            }
        )
        for position, ingredient in enumerate(plan.rng.sample(range(1, scale.ingredients + 1), 10)):
            unit = plan.rng.choice(KINDS[plan.kinds[ingredient - 1]][0])
            lines.append(
                {
                    "recipe_id": rid,
                    "ingredient_id": ingredient,
                    "position": position,
                    "quantity": Decimal(plan.rng.randint(1, 12)) / 2,
                    "unit": unit,
                }
            )
        if depth:
            child = plan.rng.choice(by_depth[depth - 1])
            components.append(
                {"recipe_id": rid, "component_recipe_id": child, "batch_multiplier": Decimal("0.5")}
            )
    return [(Recipe, recipes), (RecipeIngredient, lines), (RecipeComponent, components)]


def _finished_units(plan: _Plan, scale: Scale) -> Iterator[dict[str, Any]]:
    for uid in range(1, scale.finished_units + 1):
        recipe = 1 + (uid - 1) % scale.recipes
        per_batch = plan.rng.choice([12, 24, 36, 48, 2, 1])
        plan.units_of_recipe.setdefault(recipe, []).append(uid)
        plan.recipe_of_unit[uid], plan.yield_of_unit[uid] = recipe, per_batch
        yield {
            "id": uid,
            "slug": f"unit-{uid}",
            "recipe_id": recipe,
            "name": f"Unit {uid}",
            "yield_per_batch": Decimal(per_batch),
            "inventory_count": plan.rng.randint(0, 40),
        }


def _goods(plan: _Plan, scale: Scale) -> list[tuple[type[Base], Iterable[dict[str, Any]]]]:
    goods, components, packages, contents = [], [], [], []
    simple = int(scale.finished_goods * 0.8)
    for gid in range(1, scale.finished_goods + 1):
        plan.goods.append(gid)
        goods.append(
            {
                "id": gid,
                "slug": f"good-{gid}",
                "name": f"Good {gid}",
                "inventory_count": plan.rng.randint(0, 5),
            }
        )
        for unit in plan.rng.sample(range(1, scale.finished_units + 1), 3):
            components.append(
                {
                    "finished_good_id": gid,
                    "finished_unit_id": unit,
                    "quantity": plan.rng.randint(1, 12),
                }
            )
        if gid > simple:
            components.append(
                {
                    "finished_good_id": gid,
                    "component_good_id": plan.rng.randint(1, simple),
                    "quantity": plan.rng.randint(1, 2),
                }
            )
    for pid in range(1, max(2, scale.finished_goods // 10) + 1):
        packages.append({"id": pid, "slug": f"package-{pid}", "name": f"Package {pid}"})
        contents.append({"package_id": pid, "finished_good_id": pid, "quantity": 1})
    return [
        (FinishedGood, goods),
        (FinishedGoodComponent, components),
        (Package, packages),
        (PackageFinishedGood, contents),
    ]


def _recipients(scale: Scale) -> Iterator[dict[str, Any]]:
    for rid in range(1, scale.recipients + 1):
        yield {"id": rid, "slug": f"recipient-{rid}", "name": f"Recipient {rid}"}


def _events(plan: _Plan, scale: Scale) -> list[tuple[type[Base], Iterable[dict[str, Any]]]]:
    events, selected, demand = [], [], []
    for eid in range(1, scale.events + 1):
        upcoming = eid > scale.events - 2
        when = TODAY + timedelta(days=30) if upcoming else TODAY - timedelta(days=365 * eid // 2)
        events.append(
            {
                "id": eid,
                "slug": f"event-{eid}",
                "name": f"Event {eid}",
                "event_date": when,
                "output_mode": "bulk_count",
                "plan_state": "draft" if upcoming else "completed",
            }
        )
        units = plan.rng.sample(range(1, scale.finished_units + 1), scale.demand_lines)
        for recipe in sorted({plan.recipe_of_unit[u] for u in units}):
            selected.append({"event_id": eid, "recipe_id": recipe})
        for unit in units:
            demand.append(
                {"event_id": eid, "finished_unit_id": unit, "quantity": plan.rng.randint(6, 120)}
            )
    return [(Event, events), (EventRecipe, selected), (EventFinishedGood, demand)]


def _runs(plan: _Plan, scale: Scale) -> list[tuple[type[Base], Iterable[dict[str, Any]]]]:
    runs, losses = [], []
    for run_id in range(1, scale.production_runs + 1):
        unit = plan.rng.randint(1, scale.finished_units)
        batches = plan.rng.randint(1, 4)
        expected = batches * plan.yield_of_unit[unit]
        lost = min(plan.rng.choice([0] * 8 + [1, 2, expected]), expected)
        status = "complete" if lost == 0 else "total_loss" if lost == expected else "partial_loss"
        cost = Decimal(plan.rng.randint(500, 5000)) / 100
        runs.append(
            {
                "id": run_id,
                "recipe_id": plan.recipe_of_unit[unit],
                "finished_unit_id": unit,
                "event_id": 1 + run_id % scale.events if run_id % 3 else None,
                "batches": batches,
                "expected_yield": expected,
                "actual_yield": expected - lost,
                "production_status": status,
                "loss_quantity": lost,
                "total_ingredient_cost": cost,
                "cost_per_unit": cost / expected,
                "produced_at": datetime(2017, 1, 1) + timedelta(hours=run_id * 8),
            }
        )
        if lost:
            losses.append(
                {
                    "production_run_id": run_id,
                    "finished_unit_id": unit,
                    "loss_category": plan.rng.choice(["burnt", "broken", "dropped", "other"]),
                    "loss_quantity": lost,
                    "per_unit_cost": cost / expected,
                    "total_loss_cost": cost / expected * lost,
                }
            )
    return [(ProductionRun, runs), (ProductionLoss, losses)]
