"""The stock ledger: reading lots as FIFO sees them and applying allocations to them.

Helpers here take a Session and never commit; the calling service owns the transaction.
Every change of a lot's remaining quantity goes through `record_movement`, so a lot's
movements always sum to its remaining quantity.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from src.models import InventoryItem, MovementKind, Product, StockMovement, lot_has_stock
from src.services.errors import InsufficientStockError
from src.services.fifo import FifoAllocation, LotStock, allocate_fifo
from src.services.fraction import Fraction
from src.services.quantity_format import format_friendly
from src.services.recipe_graph import IngredientInfo
from src.services.units import convert_exact, tidy, to_decimal


@dataclass(frozen=True)
class Shortfall:
    ingredient_id: int
    ingredient: str
    needed: Decimal
    on_hand: Decimal
    missing: Decimal
    unit: str

    def describe(self) -> str:
        from src.models import Unit

        base = Unit(self.unit)
        return (
            f"{self.ingredient}: need {format_friendly(self.needed, base)}, "
            f"have {format_friendly(self.on_hand, base)}, "
            f"short {format_friendly(self.missing, base)}"
        )


class StockShortError(InsufficientStockError):
    """Refused for lack of stock; `shortfalls` lists each ingredient that is short."""

    def __init__(self, shortfalls: list[Shortfall], action: str = "This") -> None:
        self.shortfalls = shortfalls
        lines = "\n".join(f"  • {s.describe()}" for s in shortfalls)
        super().__init__(f"{action} needs more than you have on hand:\n{lines}")


def lots_by_ingredient(
    session: Session, ingredient_ids: Iterable[int]
) -> dict[int, list[LotStock]]:
    """Lots with stock left, per ingredient, as FIFO inputs (one query)."""
    rows = session.execute(
        select(
            Product.ingredient_id,
            InventoryItem.id,
            InventoryItem.purchase_date,
            InventoryItem.remaining_quantity,
            Product.package_unit,
            InventoryItem.unit_cost,
        )
        .join(Product, InventoryItem.product_id == Product.id)
        .where(Product.ingredient_id.in_(set(ingredient_ids)), lot_has_stock())
        .order_by(InventoryItem.purchase_date, InventoryItem.id)
    )
    lots: dict[int, list[LotStock]] = defaultdict(list)
    for ingredient_id, lot_id, bought, remaining, unit, unit_cost in rows:
        lots[ingredient_id].append(LotStock(lot_id, bought, remaining, unit, unit_cost))
    return lots


def on_hand(session: Session, ingredients: Mapping[int, IngredientInfo]) -> dict[int, Decimal]:
    """Stock on hand per ingredient in its base unit (one query)."""
    return on_hand_in(lots_by_ingredient(session, ingredients), ingredients)


def on_hand_in(
    lots: Mapping[int, Sequence[LotStock]], ingredients: Mapping[int, IngredientInfo]
) -> dict[int, Decimal]:
    """On-hand stock per ingredient (base unit) from already loaded lots; pure."""
    totals: dict[int, Decimal] = {}
    for ingredient_id, info in ingredients.items():
        exact = sum(
            (
                convert_exact(lot.remaining, lot.unit, info.base_unit, info.density, info.name)
                for lot in lots.get(ingredient_id, [])
            ),
            Fraction(0),
        )
        totals[ingredient_id] = tidy(to_decimal(exact)) if exact else Decimal(0)
    return totals


def plan_consumption(
    session: Session, needs: Mapping[int, Decimal], ingredients: Mapping[int, IngredientInfo]
) -> dict[int, FifoAllocation]:
    """A FIFO dry run for each ingredient's need (base units); changes nothing."""
    return allocate_needs(lots_by_ingredient(session, needs), needs, ingredients)


def allocate_needs(
    lots: Mapping[int, Sequence[LotStock]],
    needs: Mapping[int, Decimal],
    ingredients: Mapping[int, IngredientInfo],
) -> dict[int, FifoAllocation]:
    """FIFO over already loaded lots (per ingredient id) for each need; pure."""
    return {
        ingredient_id: allocate_fifo(
            lots.get(ingredient_id, []),
            need,
            ingredients[ingredient_id].base_unit,
            ingredients[ingredient_id].density,
            ingredients[ingredient_id].name,
        )
        for ingredient_id, need in needs.items()
    }


def shortfalls_of(
    allocations: Mapping[int, FifoAllocation],
    needs: Mapping[int, Decimal],
    ingredients: Mapping[int, IngredientInfo],
) -> list[Shortfall]:
    """The ingredients whose allocation did not cover the need, in name order."""
    short = [
        Shortfall(
            ingredient_id=i,
            ingredient=ingredients[i].name,
            needed=needs[i],
            on_hand=needs[i] - a.shortfall,
            missing=a.shortfall,
            unit=ingredients[i].base_unit.value,
        )
        for i, a in allocations.items()
        if not a.covered
    ]
    return sorted(short, key=lambda s: s.ingredient.lower())


def apply_allocation(
    session: Session,
    allocation: FifoAllocation,
    kind: MovementKind,
    *,
    production_run_id: int | None = None,
    assembly_run_id: int | None = None,
    recipient_package_id: int | None = None,
    note: str | None = None,
) -> None:
    """Take each lot's share out of stock and write it to the ledger."""
    lots = _lots_for_update(session, [t.lot_id for t in allocation.takes])
    for take in allocation.takes:
        record_movement(
            session,
            lots[take.lot_id],
            -take.quantity,
            kind,
            production_run_id=production_run_id,
            assembly_run_id=assembly_run_id,
            recipient_package_id=recipient_package_id,
            note=note,
        )


def record_movement(
    session: Session,
    lot: InventoryItem,
    quantity: Decimal,
    kind: MovementKind,
    *,
    production_run_id: int | None = None,
    assembly_run_id: int | None = None,
    recipient_package_id: int | None = None,
    note: str | None = None,
) -> StockMovement:
    """Change `lot` by `quantity` (negative = out) and append the matching ledger row."""
    lot.remaining_quantity = lot.remaining_quantity + quantity
    movement = StockMovement(
        inventory_item_id=lot.id,
        kind=kind,
        quantity=quantity,
        unit_cost=lot.unit_cost,
        production_run_id=production_run_id,
        assembly_run_id=assembly_run_id,
        recipient_package_id=recipient_package_id,
        note=note,
    )
    session.add(movement)
    return movement


def reverse_movements(
    session: Session, movements: Iterable[StockMovement], note: str
) -> list[StockMovement]:
    """Put back what `movements` took (a void): each lot returns to its earlier quantity."""
    originals = list(movements)
    lots = _lots_for_update(session, [m.inventory_item_id for m in originals])
    return [
        record_movement(
            session, lots[m.inventory_item_id], -m.quantity, MovementKind.VOID, note=note
        )
        for m in originals
    ]


def _lots_for_update(session: Session, lot_ids: list[int]) -> dict[int, InventoryItem]:
    rows = session.scalars(select(InventoryItem).where(InventoryItem.id.in_(set(lot_ids))))
    return {lot.id: lot for lot in rows}
