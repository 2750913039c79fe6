"""First in, first out: which lots a quantity of an ingredient comes from, and what it costs.

Pure functions over plain data; `src/services/stock.py` applies an allocation to the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from src.models.enums import Unit
from src.services.units import Density, convert_exact, to_decimal, to_fraction

# A partial take is kept to this many decimals of the lot's unit, so that lot quantities
# (user-entered amounts minus such takes) add and subtract exactly within Decimal's 28 digits
# and a lot's ledger always sums to its remaining quantity.
LEDGER_PLACES = 18


@dataclass(frozen=True)
class LotStock:
    """A lot as FIFO sees it: remaining quantity and unit cost in the lot's (product's) unit."""

    lot_id: int
    purchase_date: date
    remaining: Decimal
    unit: Unit
    unit_cost: Decimal | None


@dataclass(frozen=True)
class LotTake:
    lot_id: int
    quantity: Decimal  # in the lot's unit
    unit: Unit
    base_quantity: Decimal  # in the ingredient's base unit
    cost: Decimal | None  # None when the lot's cost is unknown


@dataclass(frozen=True)
class FifoAllocation:
    takes: tuple[LotTake, ...]
    shortfall: Decimal  # base units the lots could not cover
    known_cost: Decimal  # cost of the takes whose lot cost is known
    cost_known: bool  # False when any take came from a lot with unknown cost

    @property
    def covered(self) -> bool:
        return self.shortfall == 0

    @property
    def cost(self) -> Decimal | None:
        """The cost of the takes, or None ("unknown") if any lot's cost is unknown."""
        return self.known_cost if self.cost_known else None


def fifo_order(lots: Iterable[LotStock]) -> list[LotStock]:
    """Oldest first by (purchase date, id)."""
    return sorted(lots, key=lambda lot: (lot.purchase_date, lot.lot_id))


def allocate_fifo(
    lots: Iterable[LotStock],
    need: Decimal | Fraction,
    base_unit: Unit,
    density: Density | None = None,
    ingredient: str = "this ingredient",
) -> FifoAllocation:
    """Take `need` (in `base_unit`) from `lots`, oldest first, converting units per lot.

    A lot is taken whole (its exact remaining quantity) when the need covers it, so repeated
    consumption never leaves rounding crumbs or drives a lot below zero.
    Raises ConversionError if a lot's unit cannot be converted to the base unit.
    """
    return FifoLots(lots, base_unit, density, ingredient).allocate(need)


class FifoLots:
    """One ingredient's lots, oldest first, for any number of FIFO dry runs: what each lot
    holds in the base unit, and the take of a whole lot, are worked out once (when first
    needed, so a lot that is never reached is never converted)."""

    def __init__(
        self,
        lots: Iterable[LotStock],
        base_unit: Unit,
        density: Density | None = None,
        ingredient: str = "this ingredient",
    ) -> None:
        self.lots = fifo_order(lots)
        self.base_unit, self.density, self.ingredient = base_unit, density, ingredient
        self._available: dict[int, Fraction] = {}
        self._whole: dict[int, LotTake] = {}

    def allocate(self, need: Decimal | Fraction) -> FifoAllocation:
        """allocate_fifo over these lots."""
        still = to_fraction(need)
        takes: list[LotTake] = []
        for index, lot in enumerate(self.lots):
            if still <= 0:
                break
            if lot.remaining <= 0:
                continue
            available = self._available_in(index)
            if still >= available:
                take = self._whole_take(index)
                still -= available
            else:
                take = _take(lot, still, available, self.base_unit, self.density, self.ingredient)
                still = Fraction(0)
            if take.quantity > 0:
                takes.append(take)
        return _allocation(takes, still)

    def _available_in(self, index: int) -> Fraction:
        if index not in self._available:
            lot = self.lots[index]
            self._available[index] = convert_exact(
                lot.remaining, lot.unit, self.base_unit, self.density, self.ingredient
            )
        return self._available[index]

    def _whole_take(self, index: int) -> LotTake:
        if index not in self._whole:
            available = self._available_in(index)
            self._whole[index] = _take(
                self.lots[index], available, available, self.base_unit, self.density,
                self.ingredient,
            )  # fmt: skip
        return self._whole[index]


def _allocation(takes: list[LotTake], still: Fraction) -> FifoAllocation:
    known = [t.cost for t in takes if t.cost is not None]
    return FifoAllocation(
        takes=tuple(takes),
        shortfall=to_decimal(max(still, Fraction(0))),
        known_cost=sum(known, Decimal(0)),
        cost_known=len(known) == len(takes),
    )


def _take(
    lot: LotStock,
    taken_base: Fraction,
    available: Fraction,
    base_unit: Unit,
    density: Density | None,
    ingredient: str,
) -> LotTake:
    if taken_base == available:
        exact = to_fraction(lot.remaining)
    else:
        exact = convert_exact(taken_base, base_unit, lot.unit, density, ingredient)
    quantity = min(_ledger_quantity(exact), lot.remaining)
    cost = None if lot.unit_cost is None else to_decimal(exact * to_fraction(lot.unit_cost))
    return LotTake(lot.lot_id, quantity, lot.unit, to_decimal(taken_base), cost)


def _ledger_quantity(exact: Fraction) -> Decimal:
    return Decimal(round(exact * 10**LEDGER_PLACES)).scaleb(-LEDGER_PLACES)
