from __future__ import annotations

import pytest

from src.models import PlanAmendment
from src.services.amendments import (
    ComparisonLine,
    add_item,
    change_batches,
    compare_to_original,
    drop_item,
    list_amendments,
)
from src.services.database import Database
from src.services.errors import ConflictError, PlanStateError, ValidationError
from src.services.event_demand import event_demand
from src.services.plan_state import lock_plan, start_production
from src.tests import factories
from src.tests.services.plan_world import PlannedExample, planned_example, record_run


def _in_production(db: Database) -> PlannedExample:
    planned = planned_example(db)
    with db.transaction() as s:
        brownies = factories.recipe(s, slug="brownies", name="Brownies")
        brownie = factories.finished_unit(s, brownies, slug="brownie", name="Brownie",
                                          yield_per_batch=16)  # fmt: skip
        factories.finished_good(s, [(brownie, 4)], slug="brownie-box", name="Brownie box")
    lock_plan(db, "xmas")
    start_production(db, "xmas")
    return planned


def test_changing_batches_is_recorded_with_its_reason(db: Database) -> None:
    _in_production(db)

    info = change_batches(db, "xmas", "sugar-cookie", 8, "Cookies for the neighbours")

    assert (info.kind, info.reason) == ("change_batches", "Cookies for the neighbours")
    assert info.data == {
        "finished_unit": "sugar-cookie",
        "name": "Sugar cookie",
        "old_batches": 7,
        "new_batches": 8,
    }


def test_adding_an_item_selects_its_recipes(db: Database) -> None:
    _in_production(db)

    info = add_item(db, "xmas", "brownie-box", 5, "Aunt May is coming")

    assert info.data["recipes_added"] == ["brownies"]
    demand = event_demand(db, "xmas")
    assert "brownies" in demand.recipes
    assert [(d.item, d.quantity) for d in demand.items] == [
        ("brownie-box", 5),
        ("holiday-tin", 20),
    ]


def test_adding_an_item_already_demanded_is_refused(db: Database) -> None:
    _in_production(db)

    with pytest.raises(ConflictError, match="already in the plan"):
        add_item(db, "xmas", "holiday-tin", 5, "more")


def test_dropping_an_item_removes_it_and_its_decisions(db: Database) -> None:
    _in_production(db)
    add_item(db, "xmas", "brownie-box", 5, "Aunt May is coming")
    change_batches(db, "xmas", "brownie", 2, "round up")

    info = drop_item(db, "xmas", "brownie-box", "Aunt May cancelled")

    assert info.data == {
        "item": "brownie-box",
        "name": "Brownie box",
        "quantity": 5,
        "removed_decisions": ["brownie"],
    }
    assert [a.kind for a in list_amendments(db, "xmas")] == [
        "add_item",
        "change_batches",
        "drop_item",
    ]


def test_a_blank_reason_is_refused_and_nothing_changes(db: Database) -> None:
    _in_production(db)

    with pytest.raises(ValidationError, match="reason is required"):
        drop_item(db, "xmas", "holiday-tin", "   ")

    assert [d.item for d in event_demand(db, "xmas").items] == ["holiday-tin"]
    with db.transaction() as s:
        assert s.query(PlanAmendment).count() == 0


def test_amendments_need_production_to_have_started(db: Database) -> None:
    planned_example(db)

    with pytest.raises(PlanStateError, match="only be done when it is in production"):
        change_batches(db, "xmas", "sugar-cookie", 8, "more")


def test_dropping_or_changing_produced_units_is_refused_naming_them(db: Database) -> None:
    planned = _in_production(db)
    record_run(db, planned.event_id, planned.example.units["gingerbread-man"], 1, 24)

    with pytest.raises(ConflictError, match="already recorded for Gingerbread man"):
        drop_item(db, "xmas", "holiday-tin", "nobody wants tins")
    with pytest.raises(ConflictError, match="already recorded for Gingerbread man"):
        change_batches(db, "xmas", "gingerbread-man", 6, "more")
    change_batches(db, "xmas", "sugar-cookie", 8, "cookies are fine")


def test_comparison_lists_each_item_and_batch_decision(db: Database) -> None:
    _in_production(db)
    change_batches(db, "xmas", "sugar-cookie", 8, "extra")
    add_item(db, "xmas", "brownie-box", 2, "late guest")

    comparison = compare_to_original(db, "xmas")

    assert comparison.items == (
        ComparisonLine("brownie-box", "Brownie box", None, 2, "added"),
        ComparisonLine("holiday-tin", "Holiday tin", 20, 20, "unchanged"),
    )
    assert comparison.batches == (
        ComparisonLine("brownie", "Brownie", None, 1, "added"),
        ComparisonLine("gingerbread-man", "Gingerbread man", 5, 5, "unchanged"),
        ComparisonLine("sugar-cookie", "Sugar cookie", 7, 8, "modified"),
    )
    drop_item(db, "xmas", "holiday-tin", "tins sold out")
    after = compare_to_original(db, "xmas")
    assert [line.status for line in after.items] == ["added", "dropped"]
    assert [line.status for line in after.batches] == ["added", "dropped", "dropped"]


def test_comparison_needs_a_frozen_plan(db: Database) -> None:
    planned_example(db)

    with pytest.raises(PlanStateError, match="no original plan"):
        compare_to_original(db, "xmas")
