from __future__ import annotations

from src.services.decomposition import Demand, GoodContents, expand_demand, units_of_good

COOKIE, MAN, BROWNIE = 1, 2, 3
TIN, HAMPER, BOX = 10, 11, 12
CATALOG = {
    TIN: GoodContents(units={COOKIE: 12, MAN: 6}),
    BOX: GoodContents(units={COOKIE: 4, BROWNIE: 2}),
    HAMPER: GoodContents(units={BROWNIE: 1}, goods={TIN: 2}),
}


def test_worked_example_tins_expand_to_cookies_and_men() -> None:
    expansion = expand_demand(Demand(goods={TIN: 20}), CATALOG, {})

    assert expansion.units == {COOKIE: 240, MAN: 120}
    assert expansion.goods == {TIN: 20}


def test_nested_goods_multiply_through() -> None:
    expansion = expand_demand(Demand(goods={HAMPER: 3}), CATALOG, {})

    assert expansion.units == {COOKIE: 72, MAN: 36, BROWNIE: 3}
    assert expansion.goods == {HAMPER: 3, TIN: 6}


def test_a_unit_shared_by_two_goods_adds_up() -> None:
    expansion = expand_demand(Demand(goods={TIN: 2, BOX: 5}), CATALOG, {})

    assert expansion.units[COOKIE] == 2 * 12 + 5 * 4


def test_packages_for_recipients_expand_to_goods_and_units() -> None:
    packages = {100: {TIN: 1, BOX: 2}}

    expansion = expand_demand(Demand(goods={TIN: 1}, packages={100: 3}), CATALOG, packages)

    assert expansion.goods == {TIN: 4, BOX: 6}
    assert expansion.units == {COOKIE: 4 * 12 + 6 * 4, MAN: 24, BROWNIE: 12}


def test_units_demanded_directly_add_to_those_from_goods() -> None:
    expansion = expand_demand(Demand(units={COOKIE: 10}, goods={TIN: 1}), CATALOG, {})

    assert expansion.units[COOKIE] == 22


def test_units_of_good_reaches_through_nesting() -> None:
    assert units_of_good(HAMPER, CATALOG) == {COOKIE: 24, MAN: 12, BROWNIE: 1}
