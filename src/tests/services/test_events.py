from __future__ import annotations

from datetime import date

import pytest

from src.models import EventRecipientPackage, FinishedGood, OutputMode, PlanState, Recipient
from src.services.database import Database
from src.services.errors import ConflictError, PlanStateError, ValidationError
from src.services.event_demand import event_demand
from src.services.events import (
    EventFields,
    clone_event,
    create_event,
    delete_event,
    edit_event,
    get_event,
    list_events,
)
from src.tests import factories
from src.tests.services.plan_world import planned_example, record_run, set_state


def test_a_new_event_starts_as_a_draft_with_a_slug(db: Database) -> None:
    event = create_event(db, EventFields("Christmas 2026", date(2026, 12, 24), None, 40))

    assert (event.slug, event.plan_state, event.expected_attendees) == (
        "christmas-2026",
        "draft",
        40,
    )


@pytest.mark.parametrize("attendees", [0, -3])
def test_expected_attendees_must_be_positive_or_empty(db: Database, attendees: int) -> None:
    with pytest.raises(ValidationError, match="more than zero"):
        create_event(db, EventFields("Bake sale", date(2026, 5, 1), None, attendees))


def test_a_blank_name_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError, match="needs a name"):
        create_event(db, EventFields("  ", date(2026, 5, 1)))


def test_editing_changes_the_details(db: Database) -> None:
    create_event(db, EventFields("Bake sale", date(2026, 5, 1)))

    edited = edit_event(
        db, "bake-sale", EventFields("Church bake sale", date(2026, 5, 2), "hall", None,
                                     OutputMode.BULK_COUNT)
    )  # fmt: skip

    assert (edited.name, edited.event_date, edited.output_mode) == (
        "Church bake sale",
        date(2026, 5, 2),
        "bulk_count",
    )


def test_output_mode_cannot_change_while_there_is_demand(db: Database) -> None:
    planned_example(db)

    with pytest.raises(ConflictError, match="already has demand"):
        edit_event(db, "xmas", EventFields("Christmas 2026", date(2026, 12, 20), None, None,
                                           OutputMode.BULK_COUNT))  # fmt: skip


def test_a_locked_event_cannot_be_edited(db: Database) -> None:
    planned = planned_example(db)
    set_state(db, planned.event_id, PlanState.LOCKED)

    with pytest.raises(
        PlanStateError, match="is locked, and this can only be done when it is draft"
    ):
        edit_event(db, "xmas", EventFields("X", date(2026, 12, 20), None, None,
                                           OutputMode.BUNDLED))  # fmt: skip


def test_deleting_an_event_removes_it(db: Database) -> None:
    planned_example(db)

    delete_event(db, "xmas")

    assert list_events(db, date(2026, 1, 1)) == []


def test_deleting_an_event_with_production_is_refused(db: Database) -> None:
    planned = planned_example(db)
    record_run(db, planned.event_id, planned.example.units["sugar-cookie"], 1, 36)

    with pytest.raises(ConflictError, match="production recorded"):
        delete_event(db, "xmas")
    assert get_event(db, "xmas").name == "Christmas 2026"


def test_cloning_copies_demand_recipes_and_packages_with_a_new_date(db: Database) -> None:
    planned = planned_example(db)
    with db.transaction() as s:
        tin = s.get_one(FinishedGood, planned.example.holiday_tin)
        package = factories.package(s, [(tin, 1)])
        alice = factories.recipient(s, name="Alice")
        s.add(EventRecipientPackage(event_id=planned.event_id, recipient=alice, package=package,
                                    quantity=2))  # fmt: skip
    set_state(db, planned.event_id, PlanState.COMPLETED)

    clone = clone_event(db, "xmas", "Christmas 2027", date(2027, 12, 20))

    assert (clone.slug, clone.plan_state, clone.event_date) == (
        "christmas-2027",
        "draft",
        date(2027, 12, 20),
    )
    demand = event_demand(db, "christmas-2027")
    assert demand.recipes == ("gingerbread", "sugar-cookies")
    assert [(d.item, d.quantity) for d in demand.items] == [("holiday-tin", 20)]
    assert [(a.recipient, a.quantity, a.status) for a in demand.assignments] == [
        (alice_slug(db), 2, "pending")
    ]


def alice_slug(db: Database) -> str:
    with db.transaction() as s:
        return s.query(Recipient).one().slug


def test_events_list_upcoming_first_then_past(db: Database) -> None:
    for name, when in [("Past", date(2025, 12, 1)), ("Later", date(2026, 12, 1)),
                       ("Soon", date(2026, 6, 1)), ("Older", date(2024, 12, 1))]:  # fmt: skip
        create_event(db, EventFields(name, when))

    events = list_events(db, today=date(2026, 3, 1))

    assert [e.name for e in events] == ["Soon", "Later", "Past", "Older"]
    assert {e.plan_state for e in events} == {"draft"}
