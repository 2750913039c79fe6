from __future__ import annotations

from datetime import date

import pytest

from src.models import FinishedGood, OutputMode, PlanState
from src.services.batches import decide_batches
from src.services.database import Database
from src.services.errors import NotFoundError, PlanStateError, ValidationError
from src.services.event_demand import (
    assign_package,
    deselect_recipe,
    event_demand,
    remove_demand,
    select_recipes,
    set_demand,
    unassign_package,
)
from src.services.events import EventFields, create_event
from src.services.plan import calculate_plan
from src.tests import factories
from src.tests.services.plan_world import planned_example, set_state
from src.tests.worked_example import build_worked_example


def _bundled_event(db: Database) -> None:
    with db.transaction() as s:
        build_worked_example(s, with_stock=False)
    create_event(db, EventFields("Tins", date(2026, 12, 20), output_mode=OutputMode.BUNDLED))


def test_demand_needs_the_items_recipes_selected(db: Database) -> None:
    _bundled_event(db)
    select_recipes(db, "tins", ["sugar-cookies"])

    with pytest.raises(ValidationError, match="not selected for Tins: Gingerbread"):
        set_demand(db, "tins", "holiday-tin", 20)


def test_demand_is_set_and_updated_once_recipes_are_selected(db: Database) -> None:
    _bundled_event(db)
    assert select_recipes(db, "tins", ["sugar-cookies", "gingerbread"]) == (
        "gingerbread",
        "sugar-cookies",
    )

    set_demand(db, "tins", "holiday-tin", 20)
    line = set_demand(db, "tins", "holiday-tin", 25)

    assert (line.name, line.quantity) == ("Holiday tin", 25)
    assert [(d.item, d.quantity) for d in event_demand(db, "tins").items] == [("holiday-tin", 25)]


def test_demand_needs_an_output_mode(db: Database) -> None:
    with db.transaction() as s:
        build_worked_example(s, with_stock=False)
    create_event(db, EventFields("Tins", date(2026, 12, 20)))

    with pytest.raises(ValidationError, match="output mode"):
        set_demand(db, "tins", "holiday-tin", 20)


def test_bulk_count_demand_names_finished_units(db: Database) -> None:
    with db.transaction() as s:
        build_worked_example(s, with_stock=False)
    create_event(db, EventFields("Sale", date(2026, 5, 1), output_mode=OutputMode.BULK_COUNT))
    select_recipes(db, "sale", ["sugar-cookies"])

    set_demand(db, "sale", "sugar-cookie", 100)

    plan = calculate_plan(db, "sale")
    assert [(r["finished_unit"], r["batches"]) for r in plan.results["requirements"]] == [
        ("sugar-cookie", 3)
    ]
    with pytest.raises(NotFoundError, match="no finished unit 'holiday-tin'"):
        set_demand(db, "sale", "holiday-tin", 1)


def test_quantity_must_be_positive(db: Database) -> None:
    planned_example(db)

    with pytest.raises(ValidationError, match="above zero"):
        set_demand(db, "xmas", "holiday-tin", 0)


def test_removing_demand(db: Database) -> None:
    planned_example(db)

    remove_demand(db, "xmas", "holiday-tin")

    assert event_demand(db, "xmas").items == ()
    with pytest.raises(NotFoundError, match="not in the demand"):
        remove_demand(db, "xmas", "holiday-tin")


def test_deselecting_a_recipe_removes_dependent_demand_and_says_what(db: Database) -> None:
    planned = planned_example(db)
    with db.transaction() as s:
        tin = s.get_one(FinishedGood, planned.example.holiday_tin)
        box = factories.package(s, [(tin, 1)])
        box.slug, box.name = "tin-box", "Tin box"
        factories.recipient(s, name="Alice").slug = "alice"
    assign_package(db, "xmas", "alice", "tin-box")
    decide_batches(db, "xmas", "gingerbread-man", 6)

    removed = deselect_recipe(db, "xmas", "gingerbread")

    assert removed.items == ("Holiday tin",)
    assert removed.assignments == ("Tin box for Alice",)
    assert removed.decisions == ("Gingerbread man",)
    demand = event_demand(db, "xmas")
    assert (demand.recipes, demand.items, demand.assignments) == (("sugar-cookies",), (), ())


def test_deselecting_a_recipe_keeps_demand_that_does_not_need_it(db: Database) -> None:
    planned_example(db)
    with db.transaction() as s:
        factories.recipe(s, slug="brownies", name="Brownies")

    select_recipes(db, "xmas", ["brownies"])
    removed = deselect_recipe(db, "xmas", "brownies")

    assert (removed.items, removed.assignments, removed.decisions) == ((), (), ())
    assert [d.item for d in event_demand(db, "xmas").items] == ["holiday-tin"]


def test_packages_assigned_to_recipients_count_as_demand(db: Database) -> None:
    planned = planned_example(db)
    with db.transaction() as s:
        tin = s.get_one(FinishedGood, planned.example.holiday_tin)
        factories.package(s, [(tin, 2)]).slug = "two-tins"
        factories.recipient(s, name="Bob").slug = "bob"

    assign_package(db, "xmas", "bob", "two-tins", quantity=3)

    plan = calculate_plan(db, "xmas")
    needed = {r["finished_unit"]: r["needed"] for r in plan.results["requirements"]}
    assert needed == {"sugar-cookie": str((20 + 6) * 12), "gingerbread-man": str((20 + 6) * 6)}
    unassign_package(db, "xmas", "bob", "two-tins")
    assert event_demand(db, "xmas").assignments == ()


def test_demand_cannot_change_unless_draft(db: Database) -> None:
    planned = planned_example(db)
    set_state(db, planned.event_id, PlanState.LOCKED)

    with pytest.raises(PlanStateError, match="change the demand"):
        set_demand(db, "xmas", "holiday-tin", 30)
    with pytest.raises(PlanStateError, match="change the recipe selection"):
        deselect_recipe(db, "xmas", "gingerbread")
