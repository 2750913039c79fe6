"""What ingredients will cost: a FIFO dry run over current lots, with a price fallback.

Recipe costs, plan cost estimates and "record anyway" production all price ingredient needs
through `StockPricing` (`estimate_costs` reads what it needs), so they agree to the cent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal, Inexact

from sqlalchemy.orm import Session

from src.services.fifo import FifoAllocation, FifoLots, LotStock
from src.services.fraction import Fraction
from src.services.prices import ProductPrice, fallback_unit_price, product_prices
from src.services.recipe_graph import IngredientInfo, SplitBatch
from src.services.stock import lots_by_ingredient
from src.services.units import ratio_to_decimal, to_decimal, to_fraction


@dataclass(frozen=True)
class IngredientCost:
    ingredient_id: int
    ingredient: str
    quantity: Decimal  # base units needed
    unit: str
    from_stock: Decimal  # base units covered by lots
    stock_cost: Decimal | None  # None when a lot's cost is unknown
    uncovered: Decimal  # base units priced at the latest price (or unpriced)
    uncovered_cost: Decimal | None  # None when there is no price at all
    allocation: FifoAllocation

    @property
    def cost(self) -> Decimal | None:
        """Total for the line, or None ("unknown"/"unpriced") if any part has no price."""
        if self.stock_cost is None or self.uncovered_cost is None:
            return None
        return self.stock_cost + self.uncovered_cost

    @property
    def unpriced(self) -> bool:
        return self.cost is None


@dataclass(frozen=True)
class CostEstimate:
    lines: tuple[IngredientCost, ...]

    @property
    def total(self) -> Decimal | None:
        """The total, or None when any line is unpriced (shown as "unknown", never $0)."""
        costs = [line.cost for line in self.lines]
        if any(c is None for c in costs):
            return None
        return sum((c for c in costs if c is not None), Decimal(0))

    @property
    def known_total(self) -> Decimal:
        """The sum of the lines that do have a price (for "at least $x")."""
        return sum((line.cost for line in self.lines if line.cost is not None), Decimal(0))

    @property
    def unpriced(self) -> tuple[IngredientCost, ...]:
        return tuple(line for line in self.lines if line.unpriced)


def estimate_costs(
    session: Session, needs: Mapping[int, Decimal], ingredients: Mapping[int, IngredientInfo]
) -> CostEstimate:
    """Cost of `needs` (base units per ingredient id) without changing stock.

    Lots are taken FIFO; what stock does not cover is priced at the latest purchase price of
    the preferred (else any) product; with no price at all the line is flagged unpriced.
    Queries: a fixed number, whatever the number of ingredients.
    """
    lots = lots_by_ingredient(session, needs)
    return StockPricing(ingredients, lots, product_prices(session, needs)).estimate(needs)


@dataclass(frozen=True)
class CostTotal:
    """What a CostEstimate adds up to, without its lines."""

    total: Decimal | None  # None when any line is unpriced
    known_total: Decimal
    unpriced: tuple[int, ...]  # the ingredient ids of the unpriced lines, as lines are ordered

    @property
    def unpriced_count(self) -> int:
        return len(self.unpriced)


# Adds Decimals exactly (any rounding raises): a recipe's line costs are added without making
# a Fraction of each (3 % of a list of every recipe), then rounded once with the rest.
_EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[Inexact])


class StockPricing:
    """Prices needs over loaded lots and prices, as estimate_costs does. What belongs to an
    ingredient (its lots in FIFO order and base units, its fallback price) is worked out
    once, so that a list of many recipes shares it (pure)."""

    def __init__(
        self,
        ingredients: Mapping[int, IngredientInfo],
        lots: Mapping[int, Sequence[LotStock]],
        prices: Mapping[int, Sequence[ProductPrice]],
    ) -> None:
        self.ingredients, self.lots, self.prices = ingredients, lots, prices
        self._fifo: dict[int, FifoLots] = {}
        self._pricers: dict[int, _LinePricer] = {}
        self._fallback: dict[int, tuple[int, int] | None] = {}

    def estimate(self, needs: Mapping[int, Decimal]) -> CostEstimate:
        """The cost of `needs` (base units per ingredient id); changes nothing."""
        allocations = {i: self._fifo_lots(i).allocate(need) for i, need in needs.items()}
        lines = [self._line(i, need, allocations[i]) for i, need in needs.items()]
        return CostEstimate(tuple(sorted(lines, key=lambda line: line.ingredient.lower())))

    def total(self, needs: Mapping[int, Decimal]) -> CostTotal:
        """estimate(needs)'s total, known total and number of unpriced lines: the same numbers
        (the lines added in the same order), without working out which lots each line takes."""
        costs = [(i, self._line_pricer(i).cost(need)) for i, need in needs.items()]
        costs.sort(key=lambda line: self.ingredients[line[0]].name.lower())
        known_total = sum((cost for _, cost in costs if cost is not None), Decimal(0))
        unpriced = tuple(i for i, cost in costs if cost is None)
        return CostTotal(None if unpriced else known_total, known_total, unpriced)

    def prices_per_unit(self) -> dict[int, Fraction | None]:
        """The exact fallback price per base unit (None: no price) of every ingredient with
        nothing in stock, whose cost is therefore linear in its need (SplitFlattener)."""
        return {
            i: None if (price := self._fallback_price(i)) is None else Fraction(*price)
            for i in self.ingredients
            if not self.lots.get(i)
        }

    def batches_cost(self, batch: SplitBatch, count: Decimal | int = 1) -> CostTotal:
        """What `count` batches of a split recipe cost: its per-unit priced lines and each other
        ingredient's line (FIFO over its lots, as total prices it) added exactly, rounded once.
        A recipe list and a recipe's own estimate both take its total from here."""
        scale = to_fraction(count)
        lines, unpriced = Decimal(0), set(batch.unpriced)
        for i, need in batch.totals.items():
            cost = self._line_pricer(i).cost(to_decimal(need if count == 1 else need * scale))
            if cost is None:
                unpriced.add(i)
            else:
                lines = _EXACT.add(lines, cost)
        known_total = to_decimal(batch.priced * scale + Fraction(*lines.as_integer_ratio()))
        names = sorted(unpriced, key=lambda i: (self.ingredients[i].name.lower(), i))
        return CostTotal(None if names else known_total, known_total, tuple(names))

    def _line(
        self, ingredient_id: int, need: Decimal, allocation: FifoAllocation
    ) -> IngredientCost:
        info = self.ingredients[ingredient_id]
        uncovered = allocation.shortfall
        return IngredientCost(
            ingredient_id=info.id,
            ingredient=info.name,
            quantity=need,
            unit=info.base_unit.value,
            from_stock=need - uncovered,
            stock_cost=allocation.cost,
            uncovered=uncovered,
            uncovered_cost=self._uncovered_cost(ingredient_id, uncovered),
            allocation=allocation,
        )

    def _uncovered_cost(self, ingredient_id: int, uncovered: Decimal) -> Decimal | None:
        """What stock does not cover, at the fallback price; None when there is no price."""
        pricer = self._line_pricer(ingredient_id)  # even when covered: a bad price unit raises
        return Decimal(0) if uncovered == 0 else pricer.at_fallback_price(uncovered)

    def _fifo_lots(self, ingredient_id: int) -> FifoLots:
        if ingredient_id not in self._fifo:
            info = self.ingredients[ingredient_id]
            self._fifo[ingredient_id] = FifoLots(
                self.lots.get(ingredient_id, []), info.base_unit, info.density, info.name
            )
        return self._fifo[ingredient_id]

    def _line_pricer(self, ingredient_id: int) -> _LinePricer:
        pricer = self._pricers.get(ingredient_id)
        if pricer is None:
            fallback = self._fallback_price(ingredient_id)  # a bad price unit raises here
            lots = self._fifo_lots(ingredient_id) if self.lots.get(ingredient_id) else None
            pricer = self._pricers[ingredient_id] = _LinePricer(lots, fallback)
        return pricer

    def _fallback_price(self, ingredient_id: int) -> tuple[int, int] | None:
        """The fallback price per base unit (fallback_unit_price, as a Decimal) as the
        integer ratio it is exactly."""
        if ingredient_id not in self._fallback:
            price = fallback_unit_price(
                self.prices.get(ingredient_id, []), self.ingredients[ingredient_id]
            )
            self._fallback[ingredient_id] = None if price is None else price.as_integer_ratio()
        return self._fallback[ingredient_id]


class _LinePricer:
    """What a line of one ingredient costs (IngredientCost.cost) for any need: FIFO over its
    lots, the rest at its fallback price. The same numbers as pricing the line through an
    allocation, in one call per line: a list of every recipe prices ≈ 13,000 lines."""

    __slots__ = ("_fallback", "_lots")

    def __init__(self, lots: FifoLots | None, fallback: tuple[int, int] | None) -> None:
        self._lots = lots  # None: nothing in stock
        self._fallback = fallback  # price per base unit as an integer ratio; None: no price

    def cost(self, need: Decimal) -> Decimal | None:
        """None when some of the need has no price."""
        if self._lots is None:  # nothing in stock: all of it at the fallback price
            return self.at_fallback_price(need) if need > 0 else Decimal(0)
        stock_cost, uncovered = self._lots.cost_of(need)
        if uncovered == 0 or stock_cost is None:
            return stock_cost
        rest = self.at_fallback_price(uncovered)
        return None if rest is None else stock_cost + rest

    def at_fallback_price(self, quantity: Decimal) -> Decimal | None:
        """What `quantity` (base units) costs at the fallback price; None when there is none."""
        if self._fallback is None:
            return None
        (amount, per), (price, per_price) = quantity.as_integer_ratio(), self._fallback
        return ratio_to_decimal(amount * price, per * per_price)
