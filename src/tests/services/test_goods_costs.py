"""The cost roll-up of finished goods over plain data (no database)."""

from __future__ import annotations

from decimal import Decimal

from src.models import Unit
from src.services.goods_costs import roll_up
from src.services.goods_tree import GoodNode
from src.services.recipe_graph import Line

TIN = Line(ingredient_id=9, quantity=Decimal(1), unit=Unit.EACH)


def test_a_good_costs_its_units_times_counts_plus_packaging() -> None:
    tin = GoodNode(1, "Holiday tin", units=((10, 12), (11, 6)), goods=(), packaging=(TIN,))
    costs = roll_up({1: tin}, {10: Decimal("0.15"), 11: Decimal("0.40")}, {TIN: Decimal("2.5")})
    assert costs == {1: Decimal("6.7")}  # 1.80 + 2.40 + 2.50


def test_nested_goods_multiply_through_and_unknown_stays_unknown() -> None:
    tin = GoodNode(1, "Holiday tin", units=((10, 12),), goods=(), packaging=())
    box = GoodNode(2, "Gift box", units=(), goods=((1, 3),), packaging=())
    assert roll_up({2: box, 1: tin}, {10: Decimal("0.5")}, {}) == {1: Decimal(6), 2: Decimal(18)}
    assert roll_up({2: box, 1: tin}, {10: None}, {}) == {1: None, 2: None}
