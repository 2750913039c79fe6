"""First in, first out: which lots a quantity of an ingredient comes from, and what it costs.

Pure functions over plain data; `src/services/stock.py` applies an allocation to the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import NamedTuple

from src.models.enums import Unit
from src.services.fraction import Fraction
from src.services.units import (
    Density,
    conversion_ratio,
    ratio_to_decimal,
    to_decimal,
    to_fraction,
)

# A partial take is kept to this many decimals of the lot's unit, so that lot quantities
# (user-entered amounts minus such takes) add and subtract exactly within Decimal's 28 digits
# and a lot's ledger always sums to its remaining quantity.
LEDGER_PLACES = 18
# Half of the ledger's last place: a take of this much (in the lot's unit) or less rounds to 0.
_HALF_LAST_PLACE = Fraction(1, 2 * 10**LEDGER_PLACES)


class LotStock(NamedTuple):
    """A lot as FIFO sees it: remaining quantity and unit cost in the lot's (product's) unit.
    A NamedTuple, as recipe_graph's shapes are: lists read thousands."""

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
        self._reached: dict[int, _ReachedLot] = {}
        self._first: list[_ReachedLot | None] = []  # the first lot in stock, once looked for

    def allocate(self, need: Decimal | Fraction) -> FifoAllocation:
        """allocate_fifo over these lots."""
        reached, still = self._walk(to_fraction(need))
        takes = [
            lot.whole if taken is None else self._partial_take(lot, taken) for lot, taken in reached
        ]
        return _allocation(takes, still)

    def cost_of(self, need: Decimal | Fraction) -> tuple[Decimal | None, Decimal]:
        """allocate(need)'s cost and shortfall, without building the takes: the same numbers
        for a fraction of the work, when only the cost of many needs is wanted."""
        if not self.lots:
            return Decimal(0), _shortfall_of(need)
        if isinstance(need, Decimal) and (quick := self._within_first_lot(need)) is not None:
            return quick
        reached, still = self._walk(to_fraction(need))
        known, cost_known = Decimal(0), True
        for lot, taken in reached:
            cost = lot.whole.cost if taken is None else lot.partial_cost(taken)
            if cost is None:
                cost_known = False
            else:
                known += cost
        return (known if cost_known else None), _shortfall(still)

    def _within_first_lot(self, need: Decimal) -> tuple[Decimal | None, Decimal] | None:
        """cost_of(need) when `need` is less than the first lot in stock holds (the usual case
        for one batch: nothing is short), worked out on the integers of the ratios rather than
        through Fractions: the same numbers, a few times faster. None when it is not."""
        first = self._first_in_stock()
        if first is None:
            return None
        numerator, denominator = need.as_integer_ratio()
        available, crumb = first.available, first.crumb
        if numerator <= 0 or numerator * available.denominator >= available.numerator * denominator:
            return None
        if numerator * crumb.denominator <= crumb.numerator * denominator:
            return Decimal(0), Decimal(0)  # a take the ledger would record as nothing
        per_base = first.cost_per_base_unit
        if per_base is None:
            return None, Decimal(0)
        cost = ratio_to_decimal(numerator * per_base.numerator, denominator * per_base.denominator)
        return cost, Decimal(0)

    def _first_in_stock(self) -> _ReachedLot | None:
        if not self._first:
            index = next((i for i, lot in enumerate(self.lots) if lot.remaining > 0), None)
            self._first = [None if index is None else self._reach(index)]
        return self._first[0]

    def _walk(self, still: Fraction) -> tuple[list[tuple[_ReachedLot, Fraction | None]], Fraction]:
        """The lots `still` reaches, oldest first, each with the base quantity taken from it
        (None: the whole lot), and what is left uncovered. A take the ledger would record as
        nothing (under half of its last place) is no take."""
        reached: list[tuple[_ReachedLot, Fraction | None]] = []
        for index, stock in enumerate(self.lots):
            if still <= 0:
                break
            if stock.remaining <= 0:
                continue
            lot = self._reach(index)
            if still >= lot.available:
                if lot.whole.quantity > 0:
                    reached.append((lot, None))
                still -= lot.available
            else:
                if still > lot.crumb:
                    reached.append((lot, still))
                still = Fraction(0)
        return reached, still

    def _reach(self, index: int) -> _ReachedLot:
        if index not in self._reached:
            self._reached[index] = _ReachedLot.of(
                self.lots[index], self.base_unit, self.density, self.ingredient
            )
        return self._reached[index]

    def _partial_take(self, lot: _ReachedLot, taken_base: Fraction) -> LotTake:
        exact = taken_base * lot.to_lot_unit
        quantity = min(_ledger_quantity(exact), lot.stock.remaining)
        cost = lot.partial_cost(taken_base)
        return LotTake(lot.stock.lot_id, quantity, lot.stock.unit, to_decimal(taken_base), cost)


@dataclass(frozen=True)
class _ReachedLot:
    """A lot that a dry run has reached, worked out once: what it holds in the base unit, what
    a part of it costs per base unit, and (when first asked for) the take of all of it."""

    stock: LotStock
    available: Fraction  # the remaining quantity in the base unit
    to_lot_unit: Fraction  # lot units per base unit
    cost_per_base_unit: Fraction | None
    crumb: Fraction  # the largest base quantity the ledger would record as zero

    @classmethod
    def of(
        cls, lot: LotStock, base_unit: Unit, density: Density | None, ingredient: str
    ) -> _ReachedLot:
        to_base = conversion_ratio(lot.unit, base_unit, density, ingredient)
        to_lot_unit = 1 / to_base
        per_base = None if lot.unit_cost is None else to_lot_unit * to_fraction(lot.unit_cost)
        available = to_fraction(lot.remaining) * to_base
        return cls(lot, available, to_lot_unit, per_base, _HALF_LAST_PLACE / to_lot_unit)

    @cached_property
    def whole(self) -> LotTake:
        """The take of all of the lot (most dry runs end within a lot and never ask)."""
        lot = self.stock
        remaining = to_fraction(lot.remaining)
        unit_cost = None if lot.unit_cost is None else to_fraction(lot.unit_cost)
        return LotTake(
            lot.lot_id, min(_ledger_quantity(remaining), lot.remaining), lot.unit,
            to_decimal(self.available),
            None if unit_cost is None else to_decimal(remaining * unit_cost),
        )  # fmt: skip

    def partial_cost(self, taken_base: Fraction) -> Decimal | None:
        """What `taken_base` (less than the whole lot) costs; None when its cost is unknown."""
        if self.cost_per_base_unit is None:
            return None
        return to_decimal(taken_base * self.cost_per_base_unit)


def _allocation(takes: list[LotTake], still: Fraction) -> FifoAllocation:
    known = [t.cost for t in takes if t.cost is not None]
    return FifoAllocation(
        takes=tuple(takes),
        shortfall=_shortfall(still),
        known_cost=sum(known, Decimal(0)),
        cost_known=len(known) == len(takes),
    )


def _shortfall(still: Fraction) -> Decimal:
    return to_decimal(still) if still > 0 else Decimal(0)


def _shortfall_of(need: Decimal | Fraction) -> Decimal:
    """_shortfall(to_fraction(need)), without making the Fraction (no lots to take from)."""
    return ratio_to_decimal(*need.as_integer_ratio()) if need > 0 else Decimal(0)


def _ledger_quantity(exact: Fraction) -> Decimal:
    return Decimal(round(exact * 10**LEDGER_PLACES)).scaleb(-LEDGER_PLACES)
