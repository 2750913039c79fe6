"""Finished goods: contents, packaging, cost roll-up, nesting without cycles, deletes refused."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from src.models import FinishedGood, IngredientKind, Unit
from src.services.database import Database
from src.services.errors import ConflictError, ValidationError
from src.services.finished_goods import (
    FinishedGoodInput,
    HeldItem,
    HeldPackaging,
    ItemCount,
    archive_finished_good,
    create_finished_good,
    delete_finished_good,
    get_finished_good,
    list_finished_goods,
    list_good_contents,
    update_finished_good,
)
from src.services.ingredients import IngredientInput, create_ingredient
from src.services.packages import PackageInput, create_package
from src.services.packaging import PackagingInput
from src.services.products import ProductInput, create_product
from src.services.purchases import PurchaseInput, record_purchase
from src.services.recipe_costs import estimate_recipe_cost
from src.tests.db_probe import counted_statements
from src.tests.services.test_recipe_costs import buy_icing_and_ginger
from src.tests.worked_example import WorkedExample, build_worked_example


@pytest.fixture
def ex(db: Database) -> WorkedExample:
    with db.transaction() as s:
        return build_worked_example(s)


def _bought(db: Database, name: str, unit: str, price: str, kind: IngredientKind) -> int:
    ingredient = create_ingredient(db, IngredientInput(name, kind=kind))
    product = create_product(db, ProductInput(ingredient.id, name, Decimal(1), unit))
    record_purchase(db, PurchaseInput(product.id, date(2026, 11, 2), Decimal(10), Decimal(price)))
    return ingredient.id


@pytest.fixture
def priced(db: Database, ex: WorkedExample) -> WorkedExample:
    """Prices for everything gingerbread needs, so every cost is known."""
    buy_icing_and_ginger(db, ex)
    return ex


def _tin(ex: WorkedExample, tin_id: int) -> FinishedGoodInput:
    return FinishedGoodInput(
        "Holiday tin",
        units=(ItemCount(ex.units["sugar-cookie"], 12), ItemCount(ex.units["gingerbread-man"], 6)),
        packaging=(PackagingInput(tin_id, Decimal(1), "each"),),
    )


def test_the_holiday_tin_costs_its_cookies_men_and_tin(db: Database, priced: WorkedExample) -> None:
    tin = _bought(db, "Cookie tin", "each", "2.50", IngredientKind.PACKAGING)
    good = update_finished_good(db, priced.holiday_tin, _tin(priced, tin))
    cookies = estimate_recipe_cost(db, priced.recipes["sugar-cookies"]).total
    men = estimate_recipe_cost(db, priced.recipes["gingerbread"]).total
    assert cookies is not None and men is not None
    cookie, man = good.contents
    assert (cookie.name, cookie.quantity, cookie.unit_cost) == ("Sugar cookie", 12, cookies / 36)
    assert (man.name, man.quantity, man.cost) == ("Gingerbread man", 6, 6 * (men / 24))
    assert [(p.ingredient_name, p.quantity, p.cost) for p in good.packaging] == [
        ("Cookie tin", Decimal(1), Decimal("2.5"))
    ]
    assert good.unit_cost == 12 * (cookies / 36) + 6 * (men / 24) + Decimal("2.5")


def test_an_unpriced_part_makes_the_good_cost_unknown(db: Database, ex: WorkedExample) -> None:
    good = get_finished_good(db, ex.holiday_tin)
    assert good.contents[1].unit_cost is None  # gingerbread: ginger and icing never bought
    assert good.unit_cost is None


def test_nested_goods_multiply_through(db: Database, priced: WorkedExample) -> None:
    ribbon = _bought(db, "Ribbon", "each", "1", IngredientKind.PACKAGING)
    box = create_finished_good(
        db,
        FinishedGoodInput("Gift box", goods=(ItemCount(priced.holiday_tin, 2),),
                          packaging=(PackagingInput(ribbon, Decimal(3)),)),
    )  # fmt: skip
    tin = get_finished_good(db, priced.holiday_tin)
    assert tin.unit_cost is not None
    assert box.unit_cost == 2 * tin.unit_cost + 3  # three $1 ribbons
    assert tin.used_in == ("Gift box",)


def test_a_good_lists_every_good_and_package_holding_it(db: Database, ex: WorkedExample) -> None:
    box = create_finished_good(
        db, FinishedGoodInput("Gift box", goods=(ItemCount(ex.holiday_tin, 2),))
    )
    archive_finished_good(db, box.id)
    create_package(db, PackageInput("Aunt May's basket", goods=(ItemCount(ex.holiday_tin, 1),)))

    (tin,) = list_finished_goods(db)

    assert tin.used_in == ("Aunt May's basket", "Gift box")  # archived holders count too
    assert [(c.kind, c.name, c.quantity) for c in tin.contents] == [
        ("unit", "Sugar cookie", 12), ("unit", "Gingerbread man", 6),
    ]  # fmt: skip


def test_a_good_cannot_contain_itself_through_another(db: Database, ex: WorkedExample) -> None:
    box = create_finished_good(
        db, FinishedGoodInput("Gift box", goods=(ItemCount(ex.holiday_tin, 2),))
    )
    with pytest.raises(ConflictError) as error:
        update_finished_good(
            db, ex.holiday_tin, FinishedGoodInput("Holiday tin", goods=(ItemCount(box.id, 1),))
        )
    assert (
        str(error.value)
        == "'Holiday tin' can't contain itself: Holiday tin → Gift box → Holiday tin."
    )
    assert len(get_finished_good(db, ex.holiday_tin).contents) == 2  # unchanged


def test_deleting_a_good_inside_another_is_refused_naming_it(
    db: Database, ex: WorkedExample
) -> None:
    box = create_finished_good(
        db, FinishedGoodInput("Gift box", goods=(ItemCount(ex.holiday_tin, 2),))
    )
    with pytest.raises(ConflictError) as error:
        delete_finished_good(db, ex.holiday_tin)
    assert str(error.value) == (
        "Can't delete 'Holiday tin': it is used by finished good 'Gift box'. "
        "Remove it there first, or archive it."
    )
    delete_finished_good(db, box.id)
    delete_finished_good(db, ex.holiday_tin)
    assert list_finished_goods(db) == []


def test_counts_must_be_whole_and_packaging_must_be_packaging(
    db: Database, ex: WorkedExample
) -> None:
    cookie = ex.units["sugar-cookie"]
    with pytest.raises(ValidationError, match="Number of Sugar cookie must be a whole number"):
        create_finished_good(db, FinishedGoodInput("Bag", units=(ItemCount(cookie, 0),)))
    with pytest.raises(ValidationError, match="'Butter' is a food ingredient"):
        create_finished_good(
            db, FinishedGoodInput("Bag", packaging=(PackagingInput(ex.ingredients["butter"], 1),))
        )
    with pytest.raises(ValidationError, match="listed twice"):
        create_finished_good(
            db, FinishedGoodInput("Bag", units=(ItemCount(cookie, 1), ItemCount(cookie, 2)))
        )
    assert [g.name for g in list_finished_goods(db)] == ["Holiday tin"]


def test_archived_goods_leave_the_list(db: Database, ex: WorkedExample) -> None:
    archive_finished_good(db, ex.holiday_tin)
    assert list_finished_goods(db) == []
    assert [g.name for g in list_finished_goods(db, include_archived=True)] == ["Holiday tin"]


def test_listing_goods_takes_the_same_queries_for_5_or_20_goods(
    db: Database, ex: WorkedExample
) -> None:
    def add(n: int) -> int:
        for i in range(n):
            units = (ItemCount(ex.units["sugar-cookie"], i + 1),)
            create_finished_good(db, FinishedGoodInput(f"Bag {n}-{i}", units=units))
        with counted_statements(db) as statements:
            list_finished_goods(db)
        return len(statements)

    assert add(5) == add(15)


def test_good_contents_list_what_each_good_holds_and_has_on_hand_by_name(
    db: Database, ex: WorkedExample
) -> None:
    ribbon = _bought(db, "Ribbon", "each", "1", IngredientKind.PACKAGING)
    box = create_finished_good(
        db,
        FinishedGoodInput("Gift box", goods=(ItemCount(ex.holiday_tin, 2),),
                          packaging=(PackagingInput(ribbon, Decimal("0.5"), "dozen"),)),
    )  # fmt: skip
    create_finished_good(db, FinishedGoodInput("Bag"))
    archive_finished_good(db, create_finished_good(db, FinishedGoodInput("Old bag")).id)
    with db.transaction() as s:
        s.get_one(FinishedGood, ex.holiday_tin).inventory_count = 4

    listed = list_good_contents(db)

    assert [(g.name, g.inventory_count) for g in listed] == [
        ("Bag", 0), ("Gift box", 0), ("Holiday tin", 4),
    ]  # fmt: skip
    gift = listed[1]
    assert (gift.id, gift.contents) == (box.id, (HeldItem("Holiday tin", 2),))
    assert gift.packaging == (HeldPackaging("Ribbon", Decimal("0.5"), Unit.DOZEN),)
    assert listed[2].contents == (HeldItem("Sugar cookie", 12), HeldItem("Gingerbread man", 6))
