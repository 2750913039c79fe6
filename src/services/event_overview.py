"""The Events list: every event with its overall progress, in a fixed number of queries.

The percent is progress.overall_percent over the same inputs event_progress reads (demand
expanded through goods and packages, batch decisions else suggestions, batches produced,
goods assembled, packages delivered), read for all started events at once in two queries:
the events' own rows of every kind stacked in one, and what their packages and goods hold
(nested goods by a recursive query) in the other, whatever the number of events.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import CompoundSelect, func, null, or_, select, union_all
from sqlalchemy.orm import Session

from src.models import (
    AssemblyRun,
    BatchDecision,
    EventFinishedGood,
    EventRecipientPackage,
    FinishedGood,
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
from src.services.stacked_rows import kind, none_like

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
    units: PerEvent = {e: {} for e in started}
    assigned: PerEvent = {e: {} for e in started}  # package id → count
    statuses = {e: _no_packages() for e in started}
    counted: dict[str, PerEvent] = {what: defaultdict(dict) for what in _COUNTED}
    yields: dict[int, Decimal] = {}
    for event_id, what, item_id, amount, status, per_batch in s.execute(_event_rows(started)):
        if what == "unit":
            units[event_id][item_id] = amount
            yields[item_id] = per_batch
        elif what == "package":
            assigned[event_id][item_id] = assigned[event_id].get(item_id, 0) + amount
            statuses[event_id][status.value] += amount
        else:
            counted[what][event_id][item_id] = int(amount)
    goods = counted["good"]
    contents, catalog, inside = _catalog(
        s,
        {p for counts in assigned.values() for p in counts},
        {g for e in started for g in goods[e]},
    )
    return _Inputs(
        demand={e: Demand(units[e], goods[e], assigned[e]) for e in started},
        package_contents=contents,
        catalog=catalog,
        yields=yields | inside,
        decisions=counted["decision"],
        produced=counted["produced"],
        assembled=counted["assembled"],
        packages=statuses,
    )


_COUNTED = ("good", "decision", "produced", "assembled")


def _event_rows(started: list[int]) -> CompoundSelect[Any]:
    """Per started event, stacked (see stacked_rows): the units demanded (with their yield),
    the goods demanded, packages assigned (with status), batch decisions, batches produced
    and goods assembled: (event_id, kind, item_id, amount, status, per_batch)."""
    demand, assigned, decided = EventFinishedGood, EventRecipientPackage, BatchDecision
    run, assembly = ProductionRun, AssemblyRun
    return union_all(
        select(demand.event_id, kind("unit"), demand.finished_unit_id.label("item_id"),
               demand.quantity.label("amount"), none_like(assigned.status).label("status"),
               FinishedUnit.yield_per_batch.label("per_batch"))
        .join(FinishedUnit, FinishedUnit.id == demand.finished_unit_id)
        .where(demand.event_id.in_(started)),
        select(demand.event_id, kind("good"), demand.finished_good_id, demand.quantity, null(),
               null())
        .where(demand.event_id.in_(started), demand.finished_good_id.is_not(None)),
        select(assigned.event_id, kind("package"), assigned.package_id, assigned.quantity,
               assigned.status, null())
        .where(assigned.event_id.in_(started)),
        select(decided.event_id, kind("decision"), decided.finished_unit_id, decided.batches,
               null(), null())
        .where(decided.event_id.in_(started)),
        select(run.event_id, kind("produced"), run.finished_unit_id, func.sum(run.batches),
               null(), null())
        .where(run.event_id.in_(started)).group_by(run.event_id, run.finished_unit_id),
        select(assembly.event_id, kind("assembled"), assembly.finished_good_id,
               func.sum(assembly.quantity), null(), null())
        .where(assembly.event_id.in_(started))
        .group_by(assembly.event_id, assembly.finished_good_id),
    )  # fmt: skip


def _no_packages() -> Counter[str]:
    return Counter({status.value: 0 for status in PackageStatus})


def _catalog(
    s: Session, package_ids: set[int], goods: set[int]
) -> tuple[dict[int, dict[int, int]], dict[int, GoodContents], dict[int, Decimal]]:
    """What each package holds, what each good reached from them or from `goods` holds
    (nested goods by a recursive query), and the yields of the units inside: one query."""
    held = select(PackageFinishedGood.finished_good_id).where(
        PackageFinishedGood.package_id.in_(package_ids)
    )
    top = select(FinishedGood.id.label("id")).where(
        or_(FinishedGood.id.in_(goods), FinishedGood.id.in_(held))
    )
    tree = top.cte("good_tree", recursive=True)
    component = FinishedGoodComponent
    tree = tree.union(select(component.component_good_id).join(
        tree, component.finished_good_id == tree.c.id
    ))  # fmt: skip
    in_tree = component.finished_good_id.in_(select(tree.c.id))
    stacked: CompoundSelect[Any] = union_all(
        select(component.finished_good_id.label("owner_id"), kind("unit"),
               component.finished_unit_id.label("item_id"), component.quantity.label("count"),
               FinishedUnit.yield_per_batch.label("per_batch"))
        .join(FinishedUnit, FinishedUnit.id == component.finished_unit_id).where(in_tree),
        select(component.finished_good_id, kind("good"), component.component_good_id,
               component.quantity, null())
        .where(in_tree, component.component_good_id.is_not(None)),
        select(PackageFinishedGood.package_id, kind("package"),
               PackageFinishedGood.finished_good_id, PackageFinishedGood.quantity, null())
        .where(PackageFinishedGood.package_id.in_(package_ids)),
    )  # fmt: skip
    contents: dict[int, dict[int, int]] = {p: {} for p in package_ids}
    units: dict[int, dict[int, int]] = defaultdict(dict)
    nested: dict[int, dict[int, int]] = defaultdict(dict)
    yields: dict[int, Decimal] = {}
    reached = set(goods)
    for owner_id, what, item_id, count, per_batch in s.execute(stacked):
        if what == "package":
            contents[owner_id][item_id] = count
            reached.add(item_id)
        elif what == "unit":
            units[owner_id][item_id] = count
            yields[item_id] = per_batch
            reached.add(owner_id)
        else:
            nested[owner_id][item_id] = count
            reached.update((owner_id, item_id))
    return contents, {g: GoodContents(units[g], nested[g]) for g in reached}, yields
