"""Lots, manual adjustments through the ledger, and consuming an ingredient by FIFO."""

from __future__ import annotations

import contextlib
from datetime import date, timedelta
from decimal import Decimal
from itertools import count

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from src.models import MovementKind, Unit
from src.services.database import Database
from src.services.errors import ConversionError, InsufficientStockError, ValidationError
from src.services.ingredients import IngredientInput, create_ingredient
from src.services.inventory import (
    NOTE_REQUIRED_KINDS,
    REMOVAL_ONLY_KINDS,
    LotView,
    adjust_lot,
    consume_ingredient,
    get_lot,
    list_lots,
    lot_history,
    lots_page,
    update_lot_details,
)
from src.services.pages import Page
from src.services.products import ProductInput, create_product
from src.services.purchases import OpeningBalanceInput, record_opening_balance
from src.services.stock import StockShortError
from src.tests import factories
from src.tests.db_probe import counted_statements, every_lot
from src.tests.worked_example import WorkedExample, build_worked_example


@pytest.fixture
def ex(db: Database) -> WorkedExample:
    with db.transaction() as s:
        return build_worked_example(s)


def _remaining(db: Database) -> dict[int, Decimal]:
    return {lot.id: lot.remaining_quantity for lot in every_lot(db)}


def test_flour_for_7_batches_comes_from_the_bag_then_the_sack(
    db: Database, ex: WorkedExample
) -> None:
    used = consume_ingredient(db, ex.ingredients["flour"], Decimal(21), "cup")
    assert (used.base_quantity, used.base_unit) == (Decimal(2625), Unit.GRAM)
    bag, sack = used.takes
    assert (bag.lot_id, bag.quantity, bag.base_quantity, bag.cost) == (
        ex.lots["flour-bag"], Decimal(2), Decimal("907.18474"), Decimal("1.996"),
    )  # fmt: skip
    assert (sack.lot_id, sack.base_quantity) == (ex.lots["flour-sack"], Decimal("1717.81526"))
    assert sack.cost is not None and round(sack.cost, 4) == Decimal("2.2708")
    assert used.cost == bag.cost + sack.cost
    assert get_lot(db, ex.lots["flour-bag"]).remaining_quantity == 0
    assert round(get_lot(db, ex.lots["flour-sack"]).remaining_quantity, 10) == Decimal(
        "21.2128656176"
    )


def test_a_dry_run_reports_the_same_takes_and_changes_nothing(
    db: Database, ex: WorkedExample
) -> None:
    before = _remaining(db)
    dry = consume_ingredient(db, ex.ingredients["flour"], Decimal(21), Unit.CUP, dry_run=True)
    assert dry.dry_run and len(dry.takes) == 2
    assert _remaining(db) == before
    real = consume_ingredient(db, ex.ingredients["flour"], Decimal(21), Unit.CUP)
    assert (real.takes, real.cost) == (dry.takes, dry.cost)


def test_consuming_more_than_stock_is_refused_with_the_shortfall(
    db: Database, ex: WorkedExample
) -> None:
    before = _remaining(db)
    with pytest.raises(StockShortError) as error:
        consume_ingredient(db, ex.ingredients["egg"], Decimal(2), "dozen")
    assert "Using 2 dozen of Eggs needs more than you have on hand" in str(error.value)
    assert "Eggs: need 24 each, have 12 each, short 12 each" in str(error.value)
    assert _remaining(db) == before
    dry = consume_ingredient(db, ex.ingredients["egg"], Decimal(2), "dozen", dry_run=True)
    assert dry.shortfall == 12 and dry.cost == Decimal("3.99")


def test_exactly_all_the_stock_empties_every_lot(db: Database, ex: WorkedExample) -> None:
    consume_ingredient(db, ex.ingredients["flour"], Decimal(27), "lb")
    assert [lot.remaining_quantity for lot in every_lot(db, ex.ingredients["flour"])] == [0, 0]
    assert [lot for lot in list_lots(db) if lot.ingredient_id == ex.ingredients["flour"]] == []


def test_lots_of_different_products_are_taken_oldest_first_in_their_own_units(
    db: Database,
) -> None:
    sugar = create_ingredient(db, IngredientInput("Sugar", density="1 cup = 200 g"))
    kilo = create_product(db, ProductInput(sugar.id, "Sugar 1 kg", Decimal(1), "kg"))
    cups = create_product(db, ProductInput(sugar.id, "Sugar by the cup", Decimal(1), "cup"))
    newer = record_opening_balance(db, OpeningBalanceInput(kilo.id, Decimal(1), date(2026, 11, 2),
                                                           Decimal(2)))  # fmt: skip
    older = record_opening_balance(db, OpeningBalanceInput(cups.id, Decimal(2), date(2026, 11, 1),
                                                           Decimal(1)))  # fmt: skip
    used = consume_ingredient(db, sugar.id, Decimal(500), "g")
    assert [(t.lot_id, t.quantity, t.unit, t.base_quantity) for t in used.takes] == [
        (older.id, Decimal(2), Unit.CUP, Decimal(400)),
        (newer.id, Decimal("0.1"), Unit.KILOGRAM, Decimal(100)),
    ]
    assert used.cost == Decimal("2.2")  # 2 cups at $1 + 0.1 kg at $2/kg


def test_a_lot_of_unknown_cost_makes_the_cost_unknown_not_zero(
    db: Database, ex: WorkedExample
) -> None:
    record_opening_balance(
        db, OpeningBalanceInput(ex.products["sugar"], Decimal(1), date(2026, 1, 1))
    )
    used = consume_ingredient(db, ex.ingredients["sugar"], Decimal(3), "cup", dry_run=True)
    assert used.takes[0].cost is None
    assert used.cost is None


def test_a_unit_the_ingredient_cannot_convert_is_a_conversion_error(
    db: Database, ex: WorkedExample
) -> None:
    with pytest.raises(ConversionError, match="Eggs from 'cup' to 'each'"):
        consume_ingredient(db, ex.ingredients["egg"], Decimal(1), "cup")


def test_using_stock_for_other_without_a_note_is_refused_and_changes_nothing(
    db: Database, ex: WorkedExample
) -> None:
    before = _remaining(db)
    with pytest.raises(ValidationError, match="'other' needs a note"):
        consume_ingredient(db, ex.ingredients["egg"], Decimal(2), "each", kind=MovementKind.OTHER)
    assert _remaining(db) == before


def test_spoilage_removes_stock_through_the_ledger(db: Database, ex: WorkedExample) -> None:
    lot = adjust_lot(db, ex.lots["egg"], MovementKind.SPOILAGE, Decimal(-3), "cracked")
    assert lot.remaining_quantity == 9
    assert lot.remaining_value == Decimal("2.9925")
    assert [(m.kind, m.quantity, m.note) for m in lot_history(db, lot.id)][-1] == (
        MovementKind.SPOILAGE, Decimal(-3), "cracked",
    )  # fmt: skip


def test_a_correction_may_add_back_up_to_what_was_bought(db: Database, ex: WorkedExample) -> None:
    bag = ex.lots["flour-bag"]
    assert adjust_lot(db, bag, MovementKind.CORRECTION, Decimal("0.5")).remaining_quantity == 2.5
    with pytest.raises(ValidationError, match="started with 5 lb; it cannot hold more"):
        adjust_lot(db, bag, MovementKind.CORRECTION, Decimal(3))


def test_adjustments_that_break_the_rules_are_refused(db: Database, ex: WorkedExample) -> None:
    egg = ex.lots["egg"]
    with pytest.raises(ValidationError, match="'other' adjustment needs a note"):
        adjust_lot(db, egg, MovementKind.OTHER, Decimal(-1), "  ")
    with pytest.raises(ValidationError, match="A gift adjustment can only take stock away"):
        adjust_lot(db, egg, MovementKind.GIFT, Decimal(1))
    with pytest.raises(InsufficientStockError, match="Only 12 each is left in the Eggs, dozen"):
        adjust_lot(db, egg, MovementKind.GIFT, Decimal(-13))
    with pytest.raises(ValidationError, match="'production' is not a manual adjustment"):
        adjust_lot(db, egg, MovementKind.PRODUCTION, Decimal(-1))
    assert get_lot(db, egg).remaining_quantity == 12


def test_lot_details_can_change_without_touching_quantity(db: Database, ex: WorkedExample) -> None:
    lot = update_lot_details(
        db, ex.lots["butter"], expiry_date=date(2027, 1, 1), location="Fridge", notes=None
    )
    assert (lot.expiry_date, lot.location, lot.remaining_quantity) == (
        date(2027, 1, 1), "Fridge", Decimal(4),
    )  # fmt: skip


def test_listing_lots_takes_the_same_queries_for_10_or_40_rows(db: Database) -> None:
    def add(n: int) -> int:
        with db.transaction() as s:
            for _ in range(n):
                factories.lot(s)
        with counted_statements(db) as statements:
            assert len(list_lots(db)) >= n
        return len(statements)

    assert add(10) == add(30)


def _lots(db: Database, brand: str, name: str, ingredient: str, years: dict[int, bool]) -> None:
    """A product and a 5 lb lot of it on Jan 1 of each year; True: in stock, False: emptied."""
    made = create_ingredient(db, IngredientInput(ingredient))
    product = create_product(db, ProductInput(made.id, name, Decimal(5), "lb", brand=brand))
    for year, in_stock in years.items():
        lot = record_opening_balance(
            db, OpeningBalanceInput(product.id, Decimal(5), date(year, 1, 1))
        )
        if not in_stock:
            adjust_lot(db, lot.id, MovementKind.SPOILAGE, Decimal(-5))


def _shown(page: Page[LotView]) -> list[tuple[int, Decimal]]:
    return [(lot.purchase_date.year, lot.remaining_quantity) for lot in page.rows]


def test_with_empty_lots_every_lot_in_stock_shows_and_the_newest_empty_fill_the_page(
    db: Database,
) -> None:
    years = {2019: True, 2020: False, 2021: False, 2022: False, 2023: False, 2024: True,
             2025: False, 2026: False}  # fmt: skip
    _lots(db, "King Arthur", "All-purpose flour", "Flour", years)

    page = lots_page(db, limit=4)
    crowded = lots_page(db, limit=1)  # more lots in stock than the page holds

    assert _shown(page) == [(2019, 5), (2024, 5), (2025, 0), (2026, 0)]  # oldest first
    assert (page.total, page.left_out) == (8, 4)
    assert (_shown(crowded), crowded.total) == ([(2019, 5), (2024, 5)], 8)
    assert len(lots_page(db).rows) == 8


def test_a_search_of_all_lots_needs_each_word_in_the_product_or_ingredient_in_any_case(
    db: Database,
) -> None:
    _lots(db, "King Arthur", "All-purpose flour", "Flour", {2018: False, 2026: True})
    _lots(db, "Domino", "Granulated", "White sugar", {2017: False, 2019: False, 2025: True})

    sugar = lots_page(db, search="domino SUGAR")
    newest_sugar = lots_page(db, search="granulated", limit=2)

    assert (_shown(sugar), sugar.total) == ([(2017, 0), (2019, 0), (2025, 5)], 3)
    assert (_shown(newest_sugar), newest_sugar.total) == ([(2019, 0), (2025, 5)], 3)
    assert _shown(lots_page(db, search="arthur")) == [(2018, 0), (2026, 5)]
    assert lots_page(db, search="flour sugar") == Page((), 0)
    with pytest.raises(ValidationError, match=r"number of lots to list must be a whole number"):
        lots_page(db, limit=-1)


_units = st.sampled_from([Unit.GRAM, Unit.KILOGRAM, Unit.OUNCE, Unit.POUND, Unit.CUP])
_amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(40), places=2)
_lot_specs = st.lists(st.tuples(_amounts, _units, st.integers(1, 60)), min_size=1, max_size=4)
_uses = st.lists(st.tuples(_amounts, _units), min_size=1, max_size=8)
_names = count(1)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lot_specs=_lot_specs, uses=_uses)
def test_consuming_random_amounts_keeps_every_lot_whole_and_its_ledger_balanced(
    db: Database, lot_specs: list[tuple[Decimal, Unit, int]], uses: list[tuple[Decimal, Unit]]
) -> None:
    n = next(_names)
    flour = create_ingredient(db, IngredientInput(f"Flour {n}", density="1 cup = 125 g"))
    for i, (quantity, unit, day) in enumerate(lot_specs):
        product = create_product(db, ProductInput(flour.id, f"Flour {n}.{i}", quantity, unit))
        when = date(2026, 1, 1) + timedelta(days=day)
        record_opening_balance(db, OpeningBalanceInput(product.id, quantity, when, Decimal(1)))

    for quantity, unit in uses:
        with contextlib.suppress(StockShortError):
            consume_ingredient(db, flour.id, quantity, unit)

    for lot in every_lot(db, flour.id):
        movements = [m.quantity for m in lot_history(db, lot.id)]
        consumed = -sum(q for q in movements if q < 0)
        assert lot.remaining_quantity >= 0
        assert consumed + lot.remaining_quantity == lot.initial_quantity
        assert sum(movements) == lot.remaining_quantity


def test_the_adjustment_rules_are_published_for_forms() -> None:
    assert REMOVAL_ONLY_KINDS == (MovementKind.SPOILAGE, MovementKind.GIFT)
    assert NOTE_REQUIRED_KINDS == (MovementKind.OTHER,)
