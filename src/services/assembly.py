"""Assembling finished goods from finished units / goods on hand and packaging (FIFO).

Cost rolls up: each unit at its latest production cost per unit, each nested good at its
latest assembly cost per good, plus the packaging's FIFO cost. Unknown anywhere → unknown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.models import (
    AssemblyConsumption,
    AssemblyRun,
    FinishedGood,
    FinishedGoodComponent,
    FinishedUnit,
    MovementKind,
    ProductionRun,
    StockMovement,
    Unit,
    utc_now,
)
from src.services.database import Database
from src.services.errors import InsufficientStockError, ValidationError
from src.services.fifo import FifoAllocation
from src.services.lookup import get_or_fail, open_event
from src.services.recipe_loading import load_ingredient_infos
from src.services.stock import apply_allocation, plan_consumption, shortfalls_of
from src.services.units import convert_exact, to_decimal
from src.services.voids import put_back_stock, refuse_if_used


@dataclass(frozen=True)
class ConsumedItem:
    """Finished units (`is_good` False) or finished goods taken from inventory."""

    item_id: int
    name: str
    is_good: bool
    quantity: int
    unit_cost: Decimal | None  # None = unknown


@dataclass(frozen=True)
class AssemblyResult:
    id: int
    uuid: str
    finished_good_id: int
    finished_good: str
    quantity: int
    event_id: int | None
    consumed: tuple[ConsumedItem, ...]
    packaging_cost: Decimal | None
    total_cost: Decimal | None
    inventory_count: int  # of the finished good, after assembling
    assembled_at: datetime

    @property
    def cost_per_good(self) -> Decimal | None:
        return None if self.total_cost is None else self.total_cost / self.quantity


@dataclass(frozen=True)
class VoidedAssembly:
    run_id: int
    finished_good: str
    quantity: int
    items_returned: int
    packaging_lots_restored: int
    inventory_count: int  # of the finished good, after the void


@dataclass(frozen=True)
class _Need:
    row: FinishedUnit | FinishedGood
    is_good: bool
    quantity: int

    @property
    def missing(self) -> int:
        return max(0, self.quantity - self.row.inventory_count)

    def describe(self) -> str:
        have = self.row.inventory_count
        return f"{self.row.name}: need {self.quantity}, have {have}, short {self.missing}"


def assemble(
    db: Database,
    finished_good_id: int,
    quantity: int,
    *,
    event_id: int | None = None,
    notes: str | None = None,
    assembled_at: datetime | None = None,
) -> AssemblyResult:
    """Assemble `quantity` finished goods from inventory and packaging.

    Raises ValidationError, NotFoundError, PlanStateError (completed event),
    InsufficientStockError naming each missing item and count, ConversionError.
    """
    if quantity <= 0:
        raise ValidationError(f"Quantity to assemble must be more than 0 (got {quantity}).")
    with db.transaction() as s:
        good = get_or_fail(s, FinishedGood, finished_good_id, "finished good")
        open_event(s, event_id, "assembly")
        needs = [_need(c, quantity) for c in good.components]
        packaging = plan_packaging(s, good.packaging, quantity)
        missing = [n.describe() for n in needs if n.missing]
        refuse_missing(f"Assembling {quantity} × {good.name}", [*missing, *packaging.short])
        run = AssemblyRun(
            finished_good_id=good.id, event_id=event_id, quantity=quantity, notes=notes,
            assembled_at=assembled_at or utc_now(),
        )  # fmt: skip
        s.add(run)
        s.flush()
        consumed = _consume_items(s, run, needs)
        consume_packaging(
            s, packaging, f"Assembly: {quantity} × {good.name}", assembly_run_id=run.id
        )
        run.total_cost = _total(consumed, packaging.cost)
        good.inventory_count += quantity
        s.flush()
        return AssemblyResult(
            run.id, run.uuid, good.id, good.name, quantity, event_id, consumed,
            packaging.cost, run.total_cost, good.inventory_count, run.assembled_at,
        )  # fmt: skip


def void_assembly(db: Database, assembly_run_id: int) -> VoidedAssembly:
    """Undo an assembly: units/goods and packaging go back, the goods are taken apart.

    Raises NotFoundError, ConflictError (the goods were already reserved or used).
    """
    with db.transaction() as s:
        run = get_or_fail(s, AssemblyRun, assembly_run_id, "assembly run")
        good = run.finished_good
        refuse_if_used(
            run.quantity, good.inventory_count, good.name, "assembly",
            "the rest are reserved for packages or used in other goods. Release those first.",
        )  # fmt: skip
        for item in run.consumptions:
            row = item.finished_unit or item.finished_good
            assert row is not None  # the CHECK constraint guarantees exactly one
            row.inventory_count += item.quantity
        restored = put_back_stock(
            s, StockMovement.assembly_run_id, run.id, MovementKind.ASSEMBLY,
            f"Void of assembly: {run.quantity} × {good.name}",
        )  # fmt: skip
        good.inventory_count -= run.quantity
        result = VoidedAssembly(
            run.id, good.name, run.quantity, len(run.consumptions), restored,
            good.inventory_count,
        )  # fmt: skip
        s.delete(run)
        return result


def _need(component: FinishedGoodComponent, quantity: int) -> _Need:
    if component.finished_unit is not None:
        return _Need(component.finished_unit, False, component.quantity * quantity)
    assert component.component_good is not None  # the CHECK constraint guarantees one
    return _Need(component.component_good, True, component.quantity * quantity)


class PackagingLine(Protocol):
    """A packaging ingredient per item (FinishedGoodPackaging, PackagePackaging)."""

    ingredient_id: int
    quantity: Decimal
    unit: Unit


@dataclass(frozen=True)
class PackagingPlan:
    allocations: dict[int, FifoAllocation]
    short: tuple[str, ...]  # one line per short packaging ingredient

    @property
    def cost(self) -> Decimal | None:
        """FIFO cost of all the packaging; None when a lot's cost is unknown."""
        costs = [a.cost for a in self.allocations.values()]
        return None if None in costs else sum((c for c in costs if c is not None), Decimal(0))


def plan_packaging(s: Session, lines: Sequence[PackagingLine], times: int) -> PackagingPlan:
    """FIFO dry run for the packaging `lines` × `times` (base units); changes nothing."""
    infos = load_ingredient_infos(s, [p.ingredient_id for p in lines])
    needs = {
        p.ingredient_id: to_decimal(
            convert_exact(p.quantity * times, p.unit, infos[p.ingredient_id].base_unit,
                          infos[p.ingredient_id].density, infos[p.ingredient_id].name)
        )
        for p in lines
    }  # fmt: skip
    allocations = plan_consumption(s, needs, infos)
    short = tuple(line.describe() for line in shortfalls_of(allocations, needs, infos))
    return PackagingPlan(allocations, short)


def consume_packaging(
    s: Session,
    plan: PackagingPlan,
    note: str,
    *,
    assembly_run_id: int | None = None,
    recipient_package_id: int | None = None,
) -> None:
    """Take the planned packaging out of its lots (ledger kind ASSEMBLY)."""
    for allocation in plan.allocations.values():
        apply_allocation(
            s,
            allocation,
            MovementKind.ASSEMBLY,
            assembly_run_id=assembly_run_id,
            recipient_package_id=recipient_package_id,
            note=note,
        )


def refuse_missing(action: str, lines: Sequence[str]) -> None:
    """InsufficientStockError listing `lines` (what is short) when there are any."""
    if lines:
        listed = "\n".join(f"  • {line}" for line in lines)
        raise InsufficientStockError(f"{action} needs more than you have on hand:\n{listed}")


def _consume_items(s: Session, run: AssemblyRun, needs: list[_Need]) -> tuple[ConsumedItem, ...]:
    unit_costs = latest_unit_costs(s, [n.row.id for n in needs if not n.is_good])
    good_costs = latest_good_costs(s, [n.row.id for n in needs if n.is_good])
    consumed = []
    for n in needs:
        cost = (good_costs if n.is_good else unit_costs).get(n.row.id)
        n.row.inventory_count -= n.quantity
        run.consumptions.append(
            AssemblyConsumption(
                finished_unit_id=None if n.is_good else n.row.id,
                finished_good_id=n.row.id if n.is_good else None,
                quantity=n.quantity,
                unit_cost=cost,
            )
        )
        consumed.append(ConsumedItem(n.row.id, n.row.name, n.is_good, n.quantity, cost))
    return tuple(consumed)


def _total(consumed: tuple[ConsumedItem, ...], packaging: Decimal | None) -> Decimal | None:
    """Packaging plus each item × its cost; None when any of them is unknown."""
    costs = [c.unit_cost for c in consumed]
    if packaging is None or None in costs:
        return None
    return packaging + sum((c.quantity * (c.unit_cost or 0) for c in consumed), Decimal(0))


def latest_unit_costs(s: Session, unit_ids: Iterable[int]) -> dict[int, Decimal | None]:
    """Each finished unit's cost per unit from its latest production run (None = unknown)."""
    rows = s.execute(
        select(ProductionRun.finished_unit_id, ProductionRun.cost_per_unit)
        .where(ProductionRun.finished_unit_id.in_(set(unit_ids)))
        .order_by(ProductionRun.produced_at, ProductionRun.id)
    )
    return {unit_id: cost for unit_id, cost in rows}  # later runs overwrite earlier ones


def latest_good_costs(s: Session, good_ids: Iterable[int]) -> dict[int, Decimal | None]:
    """Each finished good's cost per good from its latest assembly run (None = unknown)."""
    rows = s.execute(
        select(AssemblyRun.finished_good_id, AssemblyRun.total_cost, AssemblyRun.quantity)
        .where(AssemblyRun.finished_good_id.in_(set(good_ids)))
        .order_by(AssemblyRun.assembled_at, AssemblyRun.id)
    )
    return {
        good_id: None if total is None else total / quantity for good_id, total, quantity in rows
    }
