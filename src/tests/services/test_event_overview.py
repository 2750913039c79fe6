from __future__ import annotations

from datetime import date

from src.models import (
    AssemblyRun,
    FinishedGoodComponent,
    PlanState,
)
from src.services.database import Database
from src.services.event_overview import list_events_with_progress
from src.services.events import list_events
from src.services.progress import event_progress
from src.tests import factories
from src.tests.db_probe import counted_statements
from src.tests.services.plan_world import (
    add_tin_event,
    planned_example,
    progress_example,
    record_run,
    set_state,
)
from src.tests.worked_example import WorkedExample

TODAY = date(2026, 11, 22)


def test_lists_events_in_list_order_with_their_summary(db: Database) -> None:
    planned_example(db)
    with db.transaction() as s:
        factories.event(s, slug="bake-sale", name="Bake sale", event_date=date(2026, 12, 1))

    overview = list_events_with_progress(db, TODAY)

    assert [o.slug for o in overview] == [e.slug for e in list_events(db, TODAY)]
    assert {o.slug: o.percent for o in overview} == {"xmas": None, "bake-sale": None}


def test_percent_is_event_progress_percent_once_started(db: Database) -> None:
    planned = progress_example(db)
    set_state(db, planned.event_id, PlanState.IN_PRODUCTION)

    (overview,) = list_events_with_progress(db, TODAY)

    assert overview.percent == event_progress(db, "xmas").percent == 38


def test_nested_goods_count_as_event_progress_counts_them(db: Database) -> None:
    planned = planned_example(db)
    with db.transaction() as s:
        crate = factories.finished_good(s)
        crate.components.append(
            FinishedGoodComponent(component_good_id=planned.example.holiday_tin, quantity=2)
        )
        s.flush()
        s.add(AssemblyRun(finished_good_id=crate.id, event_id=planned.event_id, quantity=1))
    record_run(db, planned.event_id, planned.example.units["sugar-cookie"], 3, 108)
    set_state(db, planned.event_id, PlanState.COMPLETED)

    (overview,) = list_events_with_progress(db, TODAY)

    assert overview.percent == event_progress(db, "xmas").percent


def _add_started_events(db: Database, example: WorkedExample, count: int, prefix: str) -> None:
    for n in range(count):
        with db.transaction() as s:
            event_id = add_tin_event(s, example, tins=5 + n, slug=f"{prefix}-{n}")
            factories.event(s, slug=f"{prefix}-draft-{n}")
        set_state(db, event_id, PlanState.IN_PRODUCTION)
        record_run(db, event_id, example.units["gingerbread-man"], 1 + n, 24)


def _statements(db: Database) -> int:
    with counted_statements(db) as statements:
        list_events_with_progress(db, TODAY)
    return len(statements)


def test_statements_do_not_grow_with_the_number_of_events(db: Database) -> None:
    planned = planned_example(db)
    _add_started_events(db, planned.example, 1, "fair")
    few = _statements(db)
    _add_started_events(db, planned.example, 6, "market")

    assert _statements(db) == few <= 12
