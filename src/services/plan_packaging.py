"""Packaging a plan needs: per finished good ("1 tin") and per package ("2 ribbons").

Pure functions over PlanInputs; quantities come back exact, in each ingredient's base unit.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from src.models import PackageStatus
from src.services.fraction import Fraction
from src.services.plan_inputs import PackagingLine, PlanInputs
from src.services.recipe_graph import IngredientInfo
from src.services.units import convert_exact, to_fraction


def packaging_needs(
    inputs: PlanInputs,
    goods: Mapping[int, int],
    packages: Mapping[int, int],
    infos: Mapping[int, IngredientInfo],
) -> dict[int, Fraction]:
    """Packaging for `goods` (good id → count) and `packages` (package id → count)."""
    totals: dict[int, Fraction] = defaultdict(Fraction)
    for lines, count in _lines(inputs, goods, packages):
        for line in lines:
            info = infos[line.ingredient_id]
            totals[line.ingredient_id] += convert_exact(
                count * to_fraction(line.quantity),
                line.unit,
                info.base_unit,
                info.density,
                info.name,
            )
    return dict(totals)


def plan_packaging(inputs: PlanInputs, infos: Mapping[int, IngredientInfo]) -> dict[int, Fraction]:
    """All packaging the event's demand needs (goods nested in goods included)."""
    return packaging_needs(inputs, inputs.expansion().goods, inputs.demand.packages, infos)


def packaging_to_buy(
    inputs: PlanInputs, infos: Mapping[int, IngredientInfo]
) -> dict[int, Fraction]:
    """Packaging still to be used: goods not yet assembled, packages still pending."""
    goods = {
        good: max(0, need - inputs.assembled.get(good, 0))
        for good, need in inputs.expansion().goods.items()
    }
    pending: Counter[int] = Counter()
    for a in inputs.assignments:
        if a.status is PackageStatus.PENDING:
            pending[a.package_id] += a.quantity
    return packaging_needs(inputs, goods, pending, infos)


def _lines(
    inputs: PlanInputs, goods: Mapping[int, int], packages: Mapping[int, int]
) -> Iterable[tuple[Iterable[PackagingLine], int]]:
    for good_id, count in goods.items():
        yield inputs.goods[good_id].packaging, count
    for package_id, count in packages.items():
        yield inputs.packages[package_id].packaging, count
