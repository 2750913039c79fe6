"""How far an event has come: batches produced, goods assembled, packages delivered."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from src.models import AssemblyRun, PackageStatus, ProductionRun
from src.services.database import Database
from src.services.event_guards import find_event, totals_by
from src.services.plan_calc import plan_requirements
from src.services.plan_inputs import load_plan_inputs


@dataclass(frozen=True)
class UnitProgress:
    finished_unit: str
    name: str
    needed: int
    decided_batches: int
    produced_batches: int
    remaining_batches: int
    overage_batches: int
    produced_items: int  # good items from the runs


@dataclass(frozen=True)
class GoodProgress:
    finished_good: str
    name: str
    needed: int
    assembled: int


@dataclass(frozen=True)
class EventProgress:
    event: str
    units: tuple[UnitProgress, ...]
    goods: tuple[GoodProgress, ...]
    packages: dict[str, int]  # package status → packages
    percent: int  # overall, 0-100


def event_progress(db: Database, event_slug: str) -> EventProgress:
    """Produced vs decided, assembled vs needed, packages by status. Raises NotFoundError."""
    with db.transaction() as s:
        event = find_event(s, event_slug)
        inputs = load_plan_inputs(s, event)
        items = totals_by(s, ProductionRun.finished_unit_id, ProductionRun.actual_yield, event.id)
        units = tuple(
            _unit(r.unit.slug, r.unit.name, r.needed, r.batches, inputs.produced.get(r.unit.id, 0),
                  items.get(r.unit.id, 0))
            for r in plan_requirements(inputs)
        )  # fmt: skip
        assembled = totals_by(s, AssemblyRun.finished_good_id, AssemblyRun.quantity, event.id)
        goods = tuple(
            GoodProgress(inputs.goods[g].slug, inputs.goods[g].name, n, assembled.get(g, 0))
            for g, n in sorted(inputs.expansion().goods.items())
        )
        packages: Counter[str] = Counter({status.value: 0 for status in PackageStatus})
        for a in inputs.assignments:
            packages[a.status.value] += a.quantity
        return EventProgress(
            event.slug, units, goods, dict(packages), overall(units, goods, packages)
        )


def overall(
    units: tuple[UnitProgress, ...], goods: tuple[GoodProgress, ...], packages: Counter[str]
) -> int:
    """The mean of the production, assembly and delivery parts that apply, as a percent."""
    return overall_percent(
        [(u.produced_batches, u.decided_batches) for u in units],
        [(g.assembled, g.needed) for g in goods],
        packages,
    )


def overall_percent(
    batches: Iterable[tuple[int, int]],
    goods: Iterable[tuple[int, int]],
    packages: Mapping[str, int],
) -> int:
    """overall() over plain numbers: (produced, decided) batches per finished unit,
    (assembled, needed) per finished good, and packages per status."""
    batches, goods = list(batches), list(goods)
    parts = [
        _fraction(sum(min(made, decided) for made, decided in batches),
                  sum(decided for _, decided in batches)),
        _fraction(sum(min(done, needed) for done, needed in goods),
                  sum(needed for _, needed in goods)),
        _fraction(packages[PackageStatus.DELIVERED.value], sum(packages.values())),
    ]  # fmt: skip
    present = [part for part in parts if part is not None]
    if not present:
        return 0
    mean = sum(present, Decimal(0)) / len(present) * 100
    return int(mean.to_integral_value(rounding=ROUND_FLOOR))


def _fraction(done: int, total: int) -> Decimal | None:
    return None if total == 0 else Decimal(done) / Decimal(total)


def _unit(
    slug: str, name: str, needed: int, decided: int, produced: int, items: int
) -> UnitProgress:
    return UnitProgress(
        slug, name, needed, decided, produced, max(0, decided - produced),
        max(0, produced - decided), items,
    )  # fmt: skip
