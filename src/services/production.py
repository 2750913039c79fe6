"""Recording what was baked: production runs, their FIFO consumption and losses, and voids.

A run consumes every ingredient of its recipe, nested components included (through
`recipe_graph.ingredient_totals`), lot by lot through the stock ledger, and is costed on the
expected-yield basis: cost per unit = total ingredient cost ÷ expected yield.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_FLOOR, Decimal

from sqlalchemy.orm import Session

from src.models import (
    FinishedUnit,
    LossCategory,
    MovementKind,
    ProductionLoss,
    ProductionRun,
    ProductionShortfall,
    ProductionStatus,
    Recipe,
    StockMovement,
    Unit,
    utc_now,
)
from src.services.costing import CostEstimate, estimate_costs
from src.services.database import Database
from src.services.errors import ValidationError
from src.services.lookup import get_or_fail, open_event
from src.services.production_history import ProductionRunView, run_views
from src.services.recipe_graph import IngredientInfo, ingredient_totals
from src.services.recipe_loading import load_recipe_graph
from src.services.stock import (
    Shortfall,
    StockShortError,
    apply_allocation,
    shortfalls_of,
)
from src.services.voids import put_back_stock, refuse_if_used


@dataclass(frozen=True)
class MissingIngredient:
    """What a "record anyway" run used beyond stock, priced at the latest purchase price."""

    ingredient_id: int
    ingredient: str
    quantity: Decimal
    unit: str
    unit_cost: Decimal | None
    cost: Decimal | None


@dataclass(frozen=True)
class RecordedProduction:
    run: ProductionRunView
    lots_used: int  # ledger rows written
    missing: tuple[MissingIngredient, ...]


@dataclass(frozen=True)
class ProductionAvailability:
    """Whether stock covers a run, and what it would cost (checked before saving)."""

    recipe_id: int
    recipe: str
    batches: int
    scale_factor: Decimal
    shortfalls: tuple[Shortfall, ...]
    estimated_cost: Decimal | None  # None when some part has no known price
    unpriced: tuple[str, ...]  # ingredient names without a price

    @property
    def stock_covers(self) -> bool:
        return not self.shortfalls


@dataclass(frozen=True)
class VoidedRun:
    run_id: int
    recipe: str
    finished_unit: str
    lots_restored: int
    units_removed: int
    inventory_count: int  # the finished unit's count after the void
    losses_kept: int  # loss rows kept as audit, no longer linked to a run


def expected_yield(batches: int, scale_factor: Decimal, yield_per_batch: Decimal) -> int:
    """floor(batches × scale × yield per batch)."""
    return int((batches * scale_factor * yield_per_batch).to_integral_value(ROUND_FLOOR))


def production_status(expected: int, actual: int) -> ProductionStatus:
    if actual == expected:
        return ProductionStatus.COMPLETE
    return ProductionStatus.TOTAL_LOSS if actual == 0 else ProductionStatus.PARTIAL_LOSS


def record_production(
    db: Database,
    recipe_id: int,
    finished_unit_id: int,
    batches: int,
    actual_yield: int,
    *,
    scale_factor: Decimal = Decimal(1),
    event_id: int | None = None,
    loss_category: LossCategory = LossCategory.OTHER,
    notes: str | None = None,
    loss_notes: str | None = None,
    produced_at: datetime | None = None,
    record_anyway: bool = False,
) -> RecordedProduction:
    """Record a run: consume stock FIFO, cost it, log the loss, add the finished units.

    Raises ValidationError (bad numbers, unit of another recipe), NotFoundError,
    PlanStateError (completed event), StockShortError (not enough stock, unless
    `record_anyway`), ConversionError (a line that cannot be converted).
    """
    _check_numbers(batches, scale_factor, actual_yield)
    with db.transaction() as s:
        recipe, unit = _recipe_and_unit(s, recipe_id, finished_unit_id)
        open_event(s, event_id, "production")
        expected = expected_yield(batches, scale_factor, unit.yield_per_batch)
        _check_yield(unit, batches, scale_factor, expected, actual_yield)
        estimate, infos = _estimate(s, recipe, batches, scale_factor)
        short = _shortfalls(estimate, infos)
        if short and not record_anyway:
            raise StockShortError(short, action=f"Baking {batches} × {recipe.name}")
        status = production_status(expected, actual_yield)
        total = estimate.total
        run = ProductionRun(
            recipe_id=recipe.id,
            finished_unit_id=unit.id,
            event_id=event_id,
            batches=batches,
            scale_factor=scale_factor,
            expected_yield=expected,
            actual_yield=actual_yield,
            production_status=status,
            loss_quantity=expected - actual_yield,
            total_ingredient_cost=total,
            cost_per_unit=None if total is None else total / expected,
            recorded_with_shortfall=bool(short),
            produced_at=produced_at or utc_now(),
            notes=notes,
        )
        s.add(run)
        s.flush()
        lots_used = _consume(s, run, estimate, f"Production: {batches} × {recipe.name}")
        missing = _record_missing(s, run, estimate)
        if run.loss_quantity:
            _record_loss(s, run, loss_category, loss_notes)
        unit.inventory_count += actual_yield
        s.flush()
        view = run_views(s, ProductionRun.id == run.id)[0]
        return RecordedProduction(view, lots_used, missing)


def availability(
    db: Database, recipe_id: int, batches: int, scale_factor: Decimal = Decimal(1)
) -> ProductionAvailability:
    """What a run would lack and cost, without changing anything.

    Raises ValidationError, NotFoundError, ConversionError.
    """
    _check_numbers(batches, scale_factor, 0)
    with db.transaction() as s:
        recipe = get_or_fail(s, Recipe, recipe_id, "recipe")
        estimate, infos = _estimate(s, recipe, batches, scale_factor)
        return ProductionAvailability(
            recipe_id=recipe.id,
            recipe=recipe.name,
            batches=batches,
            scale_factor=scale_factor,
            shortfalls=tuple(_shortfalls(estimate, infos)),
            estimated_cost=estimate.total,
            unpriced=tuple(line.ingredient for line in estimate.unpriced),
        )


def void_production(db: Database, run_id: int) -> VoidedRun:
    """Undo a run: stock back to its lots, finished units taken back, losses kept as audit.

    Raises NotFoundError, ConflictError (its units were already assembled or used).
    """
    with db.transaction() as s:
        run = get_or_fail(s, ProductionRun, run_id, "production run")
        unit = run.finished_unit
        refuse_if_used(
            run.actual_yield, unit.inventory_count, unit.name, "run",
            "the rest were already assembled or used. Undo those assemblies first.",
        )  # fmt: skip
        restored = put_back_stock(
            s, StockMovement.production_run_id, run.id, MovementKind.PRODUCTION,
            f"Void of production: {run.batches} × {run.recipe.name}",
        )  # fmt: skip
        unit.inventory_count -= run.actual_yield
        losses_kept = len(run.losses)
        result = VoidedRun(
            run.id, run.recipe.name, unit.name, restored, run.actual_yield,
            unit.inventory_count, losses_kept,
        )  # fmt: skip
        s.delete(run)
        return result


def _check_numbers(batches: int, scale_factor: Decimal, actual_yield: int) -> None:
    if batches <= 0:
        raise ValidationError(f"Batches must be more than 0 (got {batches}).")
    if not scale_factor.is_finite() or scale_factor <= 0:
        raise ValidationError(f"Scale factor must be more than 0 (got {scale_factor}).")
    if actual_yield < 0:
        raise ValidationError(f"Actual yield cannot be negative (got {actual_yield}).")


def _check_yield(
    unit: FinishedUnit, batches: int, scale: Decimal, expected: int, actual: int
) -> None:
    made = f"{batches} batch(es) at scale {scale} of {unit.name} ({unit.yield_per_batch} per batch)"
    if expected == 0:
        raise ValidationError(f"{made} yields less than one item; bake more batches.")
    if actual > expected:
        raise ValidationError(
            f"Actual yield {actual} is more than the {expected} expected from {made}."
        )


def _recipe_and_unit(s: Session, recipe_id: int, unit_id: int) -> tuple[Recipe, FinishedUnit]:
    recipe = get_or_fail(s, Recipe, recipe_id, "recipe")
    unit = get_or_fail(s, FinishedUnit, unit_id, "finished unit")
    if unit.recipe_id != recipe.id:
        raise ValidationError(
            f"'{unit.name}' is made by another recipe, not by '{recipe.name}'; "
            "choose one of this recipe's finished units."
        )
    return recipe, unit


def _estimate(
    s: Session, recipe: Recipe, batches: int, scale: Decimal
) -> tuple[CostEstimate, dict[int, IngredientInfo]]:
    """FIFO dry run (with latest-price fallback) over every ingredient, nested ones included."""
    graph = load_recipe_graph(s, [recipe.id])
    needs = ingredient_totals(graph, [(recipe.id, batches * scale)])
    return estimate_costs(s, needs, graph.ingredients), dict(graph.ingredients)


def _shortfalls(estimate: CostEstimate, infos: dict[int, IngredientInfo]) -> list[Shortfall]:
    return shortfalls_of(
        {line.ingredient_id: line.allocation for line in estimate.lines},
        {line.ingredient_id: line.quantity for line in estimate.lines},
        infos,
    )


def _consume(s: Session, run: ProductionRun, estimate: CostEstimate, note: str) -> int:
    for line in estimate.lines:
        apply_allocation(
            s, line.allocation, MovementKind.PRODUCTION, production_run_id=run.id, note=note
        )
    return sum(len(line.allocation.takes) for line in estimate.lines)


def _record_missing(
    s: Session, run: ProductionRun, estimate: CostEstimate
) -> tuple[MissingIngredient, ...]:
    missing = []
    for line in estimate.lines:
        if line.uncovered == 0:
            continue
        unit_cost = None if line.uncovered_cost is None else line.uncovered_cost / line.uncovered
        s.add(
            ProductionShortfall(
                production_run_id=run.id,
                ingredient_id=line.ingredient_id,
                quantity=line.uncovered,
                unit=Unit(line.unit),
                unit_cost=unit_cost,
            )
        )
        missing.append(
            MissingIngredient(
                line.ingredient_id, line.ingredient, line.uncovered, line.unit,
                unit_cost, line.uncovered_cost,
            )
        )  # fmt: skip
    return tuple(missing)


def _record_loss(s: Session, run: ProductionRun, category: LossCategory, notes: str | None) -> None:
    per_unit = run.cost_per_unit
    if run.production_status is ProductionStatus.TOTAL_LOSS:
        total = run.total_ingredient_cost  # the whole cost, not a rounded product
    else:
        total = None if per_unit is None else per_unit * run.loss_quantity
    s.add(
        ProductionLoss(
            production_run_id=run.id,
            finished_unit_id=run.finished_unit_id,
            event_id=run.event_id,
            loss_category=category,
            loss_quantity=run.loss_quantity,
            per_unit_cost=per_unit,
            total_loss_cost=total,
            notes=notes,
        )
    )
