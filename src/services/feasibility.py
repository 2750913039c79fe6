"""Can the decided batches fill the demand? Units are netted across goods, never counted twice."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from src.services.database import Database
from src.services.decomposition import units_of_good
from src.services.event_guards import find_event
from src.services.plan_calc import plan_requirements
from src.services.plan_inputs import PlanInputs, load_plan_inputs


@dataclass(frozen=True)
class UnitSupply:
    finished_unit: str
    name: str
    needed: int
    planned: int  # whole items the batches make
    short: int


@dataclass(frozen=True)
class GoodFeasibility:
    finished_good: str
    name: str
    needed: int
    short_units: tuple[str, ...]  # names of the finished units it lacks


@dataclass(frozen=True)
class Feasibility:
    feasible: bool
    units: tuple[UnitSupply, ...]
    goods: tuple[GoodFeasibility, ...]


def short_units(needs: Mapping[int, int], supply: Mapping[int, int]) -> dict[int, int]:
    """Per unit, how many the supply lacks against the total need (shared units summed)."""
    return {u: need - supply.get(u, 0) for u, need in needs.items() if supply.get(u, 0) < need}


def assembly_feasibility(db: Database, event_slug: str) -> Feasibility:
    """Whether the decided (else suggested) batches make every unit the demand needs.

    Raises NotFoundError.
    """
    with db.transaction() as s:
        return assess(load_plan_inputs(s, find_event(s, event_slug)))


def assess(inputs: PlanInputs) -> Feasibility:
    requirements = plan_requirements(inputs)
    supply = {r.unit.id: math.floor(r.outcome.yield_) for r in requirements}
    needs = {r.unit.id: r.needed for r in requirements}
    short = short_units(needs, supply)
    units = tuple(
        UnitSupply(r.unit.slug, r.unit.name, r.needed, supply[r.unit.id], short.get(r.unit.id, 0))
        for r in requirements
    )
    catalog = inputs.catalog()
    goods = tuple(
        GoodFeasibility(
            inputs.goods[g].slug,
            inputs.goods[g].name,
            count,
            tuple(sorted(inputs.units[u].name for u in units_of_good(g, catalog) if u in short)),
        )
        for g, count in sorted(inputs.expansion().goods.items())
    )
    return Feasibility(not short, units, goods)
