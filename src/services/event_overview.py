"""The Events list: every event with its overall progress, in a fixed number of queries.

The percent is progress.overall_percent over the same inputs event_progress reads (demand
expanded through goods and packages, batch decisions else suggestions, batches produced,
goods assembled, packages delivered), read for all started events at once: one query per
kind of input, grouped by event, whatever the number of events.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from src.models import (
    AssemblyRun,
    BatchDecision,
    EventFinishedGood,
    EventRecipientPackage,
    FinishedGoodComponent,
    FinishedUnit,
    PackageFinishedGood,
    PackageStatus,
    PlanState,
    ProductionRun,
)
from src.services.batches import suggested_batches
from src.services.database import Database
from src.services.decomposition import Demand, GoodContents, expand_demand
from src.services.events import EventSummary, ordered_summaries
from src.services.progress import overall_percent

STARTED = (PlanState.IN_PRODUCTION.value, PlanState.COMPLETED.value)
PerEvent = dict[int, dict[int, int]]  # event id → item id → count


@dataclass(frozen=True)
class EventOverview(EventSummary):
    percent: int | None  # overall progress, 0-100; None until production has started


@dataclass
class _Inputs:
    """What the progress of the started events is worked out from, per event id."""

    demand: dict[int, Demand]
    package_contents: dict[int, dict[int, int]]
    catalog: dict[int, GoodContents]
    yields: dict[int, Decimal]  # finished unit id → yield per batch
    decisions: PerEvent
    produced: PerEvent
    assembled: PerEvent
    packages: dict[int, Counter[str]]


def list_events_with_progress(db: Database, today: date) -> list[EventOverview]:
    """Events as list_events orders them, each with its overall progress percent (None for
    events not started), in a fixed number of queries whatever the number of events."""
    with db.transaction() as s:
        summaries = ordered_summaries(s, today)
        percents = progress_of_started(s, [e.id for e in summaries if e.plan_state in STARTED])
        return [EventOverview(**asdict(e), percent=percents.get(e.id)) for e in summaries]


def progress_of_started(s: Session, event_ids: list[int]) -> dict[int, int]:
    """Overall progress percent of the (started) events, in a fixed number of queries."""
    inputs = _load(s, event_ids)
    return {event_id: _percent(inputs, event_id) for event_id in inputs.demand}


def _percent(inputs: _Inputs, event_id: int) -> int:
    expansion = expand_demand(inputs.demand[event_id], inputs.catalog, inputs.package_contents)
    decided = inputs.decisions[event_id]
    produced = inputs.produced[event_id]
    batches = [
        (
            produced.get(unit_id, 0),
            decided[unit_id]
            if unit_id in decided
            else suggested_batches(need, inputs.yields[unit_id]),
        )
        for unit_id, need in expansion.units.items()
    ]
    assembled = inputs.assembled[event_id]
    goods = [(assembled.get(g, 0), needed) for g, needed in expansion.goods.items()]
    return overall_percent(batches, goods, inputs.packages[event_id])


def _load(s: Session, started: list[int]) -> _Inputs:
    units, goods = _demand(s, started)
    package_counts, packages = _assignments(s, started)
    contents = _package_contents(s, {p for counts in package_counts.values() for p in counts})
    catalog = _goods_tree(
        s, {g for d in goods.values() for g in d} | {g for c in contents.values() for g in c}
    )
    unit_ids = {u for d in units.values() for u in d} | {
        u for good in catalog.values() for u in good.units
    }
    return _Inputs(
        demand={e: Demand(units[e], goods[e], package_counts[e]) for e in started},
        package_contents=contents,
        catalog=catalog,
        yields=_yields(s, unit_ids),
        decisions=_by_event(s, started, BatchDecision.finished_unit_id, BatchDecision.batches),
        produced=_by_event(
            s, started, ProductionRun.finished_unit_id, ProductionRun.batches, summed=True
        ),
        assembled=_by_event(
            s, started, AssemblyRun.finished_good_id, AssemblyRun.quantity, summed=True
        ),
        packages=packages,
    )


def _yields(s: Session, unit_ids: set[int]) -> dict[int, Decimal]:
    query = select(FinishedUnit.id, FinishedUnit.yield_per_batch)
    return {u: per_batch for u, per_batch in s.execute(query.where(FinishedUnit.id.in_(unit_ids)))}


def _demand(s: Session, started: list[int]) -> tuple[PerEvent, PerEvent]:
    """Per started event: finished units and finished goods demanded, with quantities."""
    units: PerEvent = {e: {} for e in started}
    goods: PerEvent = {e: {} for e in started}
    rows = s.execute(
        select(EventFinishedGood.event_id, EventFinishedGood.finished_unit_id,
               EventFinishedGood.finished_good_id, EventFinishedGood.quantity)
        .where(EventFinishedGood.event_id.in_(started))
    )  # fmt: skip
    for event_id, unit_id, good_id, quantity in rows:
        if unit_id is not None:
            units[event_id][unit_id] = quantity
        elif good_id is not None:
            goods[event_id][good_id] = quantity
    return units, goods


def _assignments(s: Session, started: list[int]) -> tuple[PerEvent, dict[int, Counter[str]]]:
    """Per started event: packages assigned (package id → count) and packages by status."""
    counts: PerEvent = {e: defaultdict(int) for e in started}
    statuses = {e: _no_packages() for e in started}
    rows = s.execute(
        select(EventRecipientPackage.event_id, EventRecipientPackage.package_id,
               EventRecipientPackage.quantity, EventRecipientPackage.status)
        .where(EventRecipientPackage.event_id.in_(started))
    )  # fmt: skip
    for event_id, package_id, quantity, status in rows:
        counts[event_id][package_id] += quantity
        statuses[event_id][status.value] += quantity
    return counts, statuses


def _no_packages() -> Counter[str]:
    return Counter({status.value: 0 for status in PackageStatus})


def _package_contents(s: Session, ids: set[int]) -> dict[int, dict[int, int]]:
    contents: dict[int, dict[int, int]] = {p: {} for p in ids}
    rows = s.execute(
        select(PackageFinishedGood.package_id, PackageFinishedGood.finished_good_id,
               PackageFinishedGood.quantity)
        .where(PackageFinishedGood.package_id.in_(ids))
    )  # fmt: skip
    for package_id, good_id, quantity in rows:
        contents[package_id][good_id] = quantity
    return contents


def _goods_tree(s: Session, ids: Iterable[int]) -> dict[int, GoodContents]:
    """The goods and every good nested in them, with what each holds (a recursive query)."""
    top = select(FinishedGoodComponent.finished_good_id.label("id")).where(
        FinishedGoodComponent.finished_good_id.in_(set(ids))
    )
    tree = top.cte("good_tree", recursive=True)
    nested = select(FinishedGoodComponent.component_good_id).join(
        tree, FinishedGoodComponent.finished_good_id == tree.c.id
    )
    tree = tree.union(nested)
    rows = s.execute(
        select(FinishedGoodComponent.finished_good_id, FinishedGoodComponent.finished_unit_id,
               FinishedGoodComponent.component_good_id, FinishedGoodComponent.quantity)
        .where(FinishedGoodComponent.finished_good_id.in_(select(tree.c.id)))
    )  # fmt: skip
    units: dict[int, dict[int, int]] = defaultdict(dict)
    goods: dict[int, dict[int, int]] = defaultdict(dict)
    reached = set(ids)
    for good_id, unit_id, child_id, quantity in rows:
        reached.add(good_id)
        if unit_id is not None:
            units[good_id][unit_id] = quantity
        elif child_id is not None:
            goods[good_id][child_id] = quantity
            reached.add(child_id)
    return {g: GoodContents(units[g], goods[g]) for g in reached}


def _by_event(
    s: Session,
    started: list[int],
    key: InstrumentedAttribute[int],
    value: InstrumentedAttribute[int],
    *,
    summed: bool = False,
) -> PerEvent:
    """value (summed when `summed`) per key, per started event (one query)."""
    table = key.class_
    amount = func.sum(value) if summed else value
    query = select(table.event_id, key, amount).where(table.event_id.in_(started))
    rows = s.execute(query.group_by(table.event_id, key) if summed else query)
    result: PerEvent = defaultdict(dict)
    for event_id, k, total in rows:
        result[event_id][k] = int(total)
    return result
