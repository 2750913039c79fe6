"""FIFO allocation over lots (pure): oldest first, across products, per-lot unit conversion."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from src.models import Unit
from src.services.fifo import FifoLots, LotStock, allocate_fifo
from src.services.units import Density, convert

FLOUR = Density(Decimal(1), Unit.CUP, Decimal(125), Unit.GRAM)
BAG = LotStock(1, date(2026, 10, 1), Decimal(2), Unit.POUND, Decimal("0.998"))
SACK = LotStock(2, date(2026, 11, 1), Decimal(25), Unit.POUND, Decimal("0.5996"))


def test_flour_example_takes_the_old_bag_then_the_sack() -> None:
    need = convert(Decimal(21), Unit.CUP, Unit.GRAM, FLOUR)  # 7 batches × 3 cup
    assert need == Decimal(2625)
    result = allocate_fifo([SACK, BAG], need, Unit.GRAM, FLOUR, "flour")
    bag, sack = result.takes
    assert (bag.lot_id, bag.quantity, bag.base_quantity) == (1, Decimal(2), Decimal("907.18474"))
    assert bag.cost == Decimal("1.996")
    assert sack.base_quantity == Decimal("1717.81526")
    assert sack.cost is not None and round(sack.cost, 4) == Decimal("2.2708")
    assert result.shortfall == 0 and result.covered
    assert result.cost == bag.cost + sack.cost


def test_same_date_lots_go_by_id() -> None:
    a = LotStock(7, date(2026, 1, 1), Decimal(1), Unit.KILOGRAM, Decimal(1))
    b = LotStock(3, date(2026, 1, 1), Decimal(1), Unit.KILOGRAM, Decimal(2))
    assert [t.lot_id for t in allocate_fifo([a, b], Decimal(1500), Unit.GRAM).takes] == [3, 7]


def test_shortfall_is_reported_in_base_units() -> None:
    result = allocate_fifo([BAG], Decimal(1000), Unit.GRAM, FLOUR)
    assert result.shortfall == Decimal("92.81526")
    assert not result.covered


def test_unknown_lot_cost_makes_the_cost_unknown_not_zero() -> None:
    free = LotStock(1, date(2026, 1, 1), Decimal(1), Unit.POUND, None)
    result = allocate_fifo([free, SACK], Decimal(500), Unit.GRAM)
    assert result.cost is None
    assert result.known_cost > 0
    assert result.takes[0].cost is None


def test_empty_lots_are_skipped() -> None:
    empty = LotStock(1, date(2020, 1, 1), Decimal(0), Unit.POUND, Decimal(1))
    assert [t.lot_id for t in allocate_fifo([empty, SACK], Decimal(1), Unit.GRAM).takes] == [2]


@given(
    st.lists(st.decimals(min_value=Decimal("0.001"), max_value=Decimal(50), places=3),
             min_size=1, max_size=6),
    st.decimals(min_value=Decimal("0.001"), max_value=Decimal(20000), places=3),
)  # fmt: skip
def test_takes_never_exceed_a_lot_and_add_up_to_the_need(
    remaining: list[Decimal], need: Decimal
) -> None:
    lots = [
        LotStock(i, date(2026, 1, 1 + i), q, Unit.POUND, Decimal("1.5"))
        for i, q in enumerate(remaining)
    ]
    result = allocate_fifo(lots, need, Unit.GRAM)
    by_id = {lot.lot_id: lot for lot in lots}
    for take in result.takes:
        assert Decimal(0) < take.quantity <= by_id[take.lot_id].remaining
    taken = sum((t.base_quantity for t in result.takes), Decimal(0))
    assert abs(taken + result.shortfall - need) < Decimal("1e-20")


LOT_UNITS = [Unit.POUND, Unit.KILOGRAM, Unit.CUP, Unit.TEASPOON, Unit.GRAM]
lot_stocks = st.lists(
    st.tuples(
        st.decimals(min_value=Decimal("1e-19"), max_value=Decimal(30), places=19),
        st.sampled_from(LOT_UNITS),
        st.one_of(st.none(), st.decimals(min_value=0, max_value=Decimal(20), places=4)),
    ),
    max_size=5,
)


@given(lot_stocks, st.decimals(min_value=0, max_value=Decimal(30000), places=20))
def test_the_cost_of_a_need_is_what_its_allocation_costs(
    stocks: list[tuple[Decimal, Unit, Decimal | None]], need: Decimal
) -> None:
    lots = FifoLots(
        [LotStock(i, date(2026, 1, 1), q, unit, cost) for i, (q, unit, cost) in enumerate(stocks)],
        Unit.GRAM, FLOUR, "flour",
    )  # fmt: skip
    allocation = lots.allocate(need)
    assert lots.cost_of(need) == (allocation.cost, allocation.shortfall)


@given(lot_stocks, st.decimals(min_value=0, max_value=1, places=20))
def test_a_need_within_the_first_lot_costs_what_its_allocation_costs(
    stocks: list[tuple[Decimal, Unit, Decimal | None]], share: Decimal
) -> None:
    """cost_of works such needs out on integers (the usual case for one batch)."""
    lots = FifoLots(
        [LotStock(i, date(2026, 1, 1), q, unit, cost) for i, (q, unit, cost) in enumerate(stocks)],
        Unit.GRAM, FLOUR, "flour",
    )  # fmt: skip
    first = next((lot for lot in lots.lots if lot.remaining > 0), None)
    need = share * (first.remaining if first else 1)  # up to the first lot, in its own unit
    allocation = lots.allocate(need)
    assert lots.cost_of(need) == (allocation.cost, allocation.shortfall)


def test_a_take_the_ledger_would_record_as_nothing_is_no_take() -> None:
    crumb = LotStock(1, date(2026, 1, 1), Decimal(1), Unit.GRAM, Decimal(1))
    lots = FifoLots([crumb], Unit.GRAM)
    assert lots.allocate(Decimal("5E-19")).takes == ()  # rounds to 0 at 18 places
    assert lots.cost_of(Decimal("5E-19")) == (Decimal(0), Decimal(0))
    (take,) = lots.allocate(Decimal("6E-19")).takes
    assert take.quantity == Decimal("1E-18")
    assert lots.cost_of(Decimal("6E-19")) == (Decimal("6E-19"), Decimal(0))
