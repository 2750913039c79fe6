"""From demand to finished-unit requirements: goods and packages expanded, shared units summed.

Pure functions over plain data; `plan_inputs.py` fills the shapes from the database.
Cycles are refused when goods are saved, so the expansion only guards against them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from src.services.errors import ConflictError

MAX_GOODS_DEPTH = 10


@dataclass(frozen=True)
class GoodContents:
    """What one finished good holds: unit id → count and nested good id → count."""

    units: Mapping[int, int] = field(default_factory=dict)
    goods: Mapping[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Demand:
    """An event's demand: finished units, finished goods and packages, each with a count."""

    units: Mapping[int, int] = field(default_factory=dict)
    goods: Mapping[int, int] = field(default_factory=dict)
    packages: Mapping[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Expansion:
    """Every good to assemble (nested ones included) and every finished unit to bake."""

    goods: dict[int, int]
    units: dict[int, int]


def package_goods(
    packages: Mapping[int, int], contents: Mapping[int, Mapping[int, int]]
) -> Counter[int]:
    """Finished goods needed for `packages` (package id → count) given each package's goods."""
    goods: Counter[int] = Counter()
    for package_id, count in packages.items():
        for good_id, per_package in contents[package_id].items():
            goods[good_id] += count * per_package
    return goods


def expand_goods(goods: Mapping[int, int], catalog: Mapping[int, GoodContents]) -> Expansion:
    """All goods (outer and nested) and units reached from `goods`, counts multiplied through."""
    all_goods: Counter[int] = Counter()
    units: Counter[int] = Counter()
    stack = [(good_id, count, 0) for good_id, count in goods.items()]
    while stack:
        good_id, count, depth = stack.pop()
        if depth > MAX_GOODS_DEPTH:
            raise ConflictError("Finished goods are nested too deeply (is one inside itself?).")
        all_goods[good_id] += count
        contents = catalog[good_id]
        for unit_id, per_good in contents.units.items():
            units[unit_id] += count * per_good
        stack.extend((child, count * per, depth + 1) for child, per in contents.goods.items())
    return Expansion(dict(all_goods), dict(units))


def expand_demand(
    demand: Demand,
    catalog: Mapping[int, GoodContents],
    package_contents: Mapping[int, Mapping[int, int]],
) -> Expansion:
    """Goods to assemble and units to bake for the whole demand (shared units add up)."""
    goods = Counter(demand.goods) + package_goods(demand.packages, package_contents)
    expansion = expand_goods(goods, catalog)
    units = Counter(expansion.units) + Counter(demand.units)
    return Expansion(expansion.goods, dict(units))


def units_of_good(good_id: int, catalog: Mapping[int, GoodContents]) -> dict[int, int]:
    """The finished units inside one of `good_id`, through nested goods."""
    return expand_goods({good_id: 1}, catalog).units


def goods_reached(goods: Iterable[int], catalog: Mapping[int, GoodContents]) -> set[int]:
    """The goods and every good nested in them."""
    return set(expand_goods(dict.fromkeys(goods, 1), catalog).goods)
