"""Any sequence of purchases, runs, voids and assemblies keeps stock and the ledger sound."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)
from sqlalchemy import func, select

from src.models import (
    AssemblyConsumption,
    AssemblyRun,
    FinishedGood,
    FinishedUnit,
    InventoryItem,
    MovementKind,
    Product,
    ProductionRun,
)
from src.services.assembly import assemble, void_assembly
from src.services.database import Database, open_database
from src.services.errors import ConflictError, InsufficientStockError
from src.services.production import record_production, void_production
from src.services.stock import record_movement
from src.tests.production_example import ProductionExample, build_production_example

RECIPES = [("sugar-cookies", "sugar-cookie"), ("gingerbread", "gingerbread-man")]


class ProductionLedger(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.db: Database = open_database("sqlite+pysqlite://")
        with self.db.transaction() as s:
            self.px: ProductionExample = build_production_example(s)
            self.products = list(s.scalars(select(Product.id)))
        self.runs: list[int] = []
        self.assemblies: list[int] = []

    def teardown(self) -> None:
        self.db.dispose()

    @initialize()
    def bake_something_to_assemble(self) -> None:
        self.bake(RECIPES[0], 1, 0)
        self.bake(RECIPES[1], 1, 0)

    @rule(product=st.integers(0, 100), amount=st.decimals("0.5", "30", places=2))
    def purchase(self, product: int, amount: Decimal) -> None:
        with self.db.transaction() as s:
            product_id = self.products[product % len(self.products)]
            lot = InventoryItem(
                product_id=product_id, initial_quantity=amount, remaining_quantity=Decimal(0),
                unit_cost=Decimal("1.25"), purchase_date=date(2026, 12, 1),
            )  # fmt: skip
            s.add(lot)
            s.flush()
            record_movement(s, lot, amount, MovementKind.PURCHASE)

    @rule(which=st.sampled_from(RECIPES), batches=st.integers(1, 3), lost=st.integers(0, 80))
    def bake(self, which: tuple[str, str], batches: int, lost: int) -> None:
        recipe, unit = self.px.ex.recipes[which[0]], self.px.ex.units[which[1]]
        expected = batches * (36 if which[1] == "sugar-cookie" else 24)
        try:
            run = record_production(self.db, recipe, unit, batches, max(0, expected - lost))
        except InsufficientStockError:
            return
        self.runs.append(run.run.id)

    @precondition(lambda self: self.runs)
    @rule(pick=st.integers(0, 100))
    def void_run(self, pick: int) -> None:
        run_id = self.runs[pick % len(self.runs)]
        try:
            void_production(self.db, run_id)
        except ConflictError:
            return
        self.runs.remove(run_id)

    @rule(quantity=st.integers(1, 3))
    def assemble_tins(self, quantity: int) -> None:
        try:
            self.assemblies.append(assemble(self.db, self.px.ex.holiday_tin, quantity).id)
        except InsufficientStockError:
            return

    @precondition(lambda self: self.assemblies)
    @rule(pick=st.integers(0, 100))
    def void_tins(self, pick: int) -> None:
        run_id = self.assemblies[pick % len(self.assemblies)]
        void_assembly(self.db, run_id)  # nothing reserves tins here, so it always succeeds
        self.assemblies.remove(run_id)

    @invariant()
    def stock_is_never_negative_and_the_ledger_balances(self) -> None:
        with self.db.transaction() as s:
            for lot in s.scalars(select(InventoryItem)):
                assert lot.remaining_quantity >= 0
                assert sum((m.quantity for m in lot.movements), Decimal(0)) == (
                    lot.remaining_quantity
                )

    @invariant()
    def finished_counts_are_what_was_made_minus_what_was_assembled(self) -> None:
        with self.db.transaction() as s:
            for unit in s.scalars(select(FinishedUnit)):
                made = s.scalar(
                    select(func.coalesce(func.sum(ProductionRun.actual_yield), 0)).where(
                        ProductionRun.finished_unit_id == unit.id
                    )
                )
                used = s.scalar(
                    select(func.coalesce(func.sum(AssemblyConsumption.quantity), 0)).where(
                        AssemblyConsumption.finished_unit_id == unit.id
                    )
                )
                assert unit.inventory_count == made - used >= 0
            tins = s.get_one(FinishedGood, self.px.ex.holiday_tin)
            assembled = s.scalar(select(func.coalesce(func.sum(AssemblyRun.quantity), 0)))
            assert tins.inventory_count == assembled >= 0


ProductionLedger.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_production_ledger = ProductionLedger.TestCase
