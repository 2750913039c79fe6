"""The benchmark dataset obeys every domain rule (the database's and the ledger's)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select

from src.models import InventoryItem, RecipeComponent, StockMovement
from src.services.database import Database
from src.services.recipe_graph import find_cycle, ingredient_totals, nesting_depth
from src.services.recipe_loading import load_recipe_graph
from src.tests.benchmarks.dataset import generate
from src.tests.benchmarks.scales import SCALES


def _generate(db: Database) -> dict[str, int]:
    with db.transaction() as s:
        return generate(s, SCALES["demo"])


def test_demo_scale_writes_the_promised_rows(db: Database) -> None:
    counts = _generate(db)
    scale = SCALES["demo"]
    assert counts["ingredients"] == scale.ingredients
    assert counts["inventory_items"] == scale.lots
    assert counts["production_runs"] == scale.production_runs
    assert counts["event_finished_goods"] == scale.events * scale.demand_lines


def test_every_lot_ledger_balances(db: Database) -> None:
    _generate(db)
    with db.transaction() as s:
        sums: dict[int, Decimal] = {}
        for lot_id, quantity in s.execute(
            select(StockMovement.inventory_item_id, StockMovement.quantity)
        ):
            sums[lot_id] = sums.get(lot_id, Decimal(0)) + quantity
        remaining = dict(
            s.execute(select(InventoryItem.id, InventoryItem.remaining_quantity)).all()
        )
    assert sums == remaining


def test_recipes_nest_at_most_three_deep_and_all_convert(db: Database) -> None:
    _generate(db)
    with db.transaction() as s:
        children: dict[int, list[int]] = {}
        for parent, child in s.execute(
            select(RecipeComponent.recipe_id, RecipeComponent.component_recipe_id)
        ):
            children.setdefault(parent, []).append(child)
        recipe_count = SCALES["demo"].recipes
        assert all(find_cycle(children, r) is None for r in range(1, recipe_count + 1))
        assert max(nesting_depth(children, r) for r in range(1, recipe_count + 1)) == 3
        graph = load_recipe_graph(s, range(1, recipe_count + 1))
        totals = ingredient_totals(graph, [(r, 1) for r in range(1, recipe_count + 1)])
        assert totals and all(q > 0 for q in totals.values())
        assert s.scalar(select(func.count()).select_from(RecipeComponent)) > 0
