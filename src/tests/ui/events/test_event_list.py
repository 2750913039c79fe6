"""The list of events: edit, delete with confirmation, clone from last year, open and back."""

from __future__ import annotations

from datetime import date

from src.models import PlanState
from src.services.event_demand import event_demand
from src.services.events import EventFields, create_event, list_events
from src.tests.ui.conftest import pump, screenshot
from src.ui import events
from src.ui.dialogs.confirm import ConfirmDialog
from src.ui.main_window import MainWindow
from src.ui.views.events.event_dialogs import CloneEventDialog, EventFormDialog, next_years_name
from src.ui.views.events.plan_actions import state_actions
from src.ui.views.events.screen import EventsView


def test_clone_from_last_year_copies_the_plan_under_a_new_name_and_date(
    screen: EventsView, main: MainWindow, planned: str
) -> None:
    db = main.ctx.db
    create_event(db, EventFields("Christmas 2025", date(2025, 12, 20)))
    main.ctx.publish(events.EVENTS_CHANGED)
    screen.list_page.table.select([planned])
    pump(screen)
    screen.list_page.clone_button.invoke()
    dialog = screen.list_page.dialog
    assert isinstance(dialog, CloneEventDialog)
    pump(dialog)
    assert dialog.form.field("New name").text == "Christmas 2027"
    assert dialog.form.field("Date").text == "Dec 20, 2027"
    screenshot(dialog, "events-dialog-clone")
    dialog.clone_button.invoke()
    pump(screen)

    clone = next(e for e in list_events(db) if e.name == "Christmas 2027")
    assert clone.event_date == date(2027, 12, 20) and clone.plan_state == "draft"
    assert [d.quantity for d in event_demand(db, clone.slug).items] == [20]
    assert screen.list_page.table.selected_keys() == [clone.slug]


def test_edit_changes_the_details_and_delete_asks_first(
    planned: str, screen: EventsView, main: MainWindow
) -> None:
    page = screen.list_page
    page.table.select([planned])
    pump(screen)
    page.edit_button.invoke()
    dialog = page.dialog
    assert isinstance(dialog, EventFormDialog)
    assert dialog.form.field("Name").text == "Christmas 2026"
    dialog.form.field("Notes").set_text("Tins for the neighbours")
    dialog.save_button.invoke()
    pump(screen)
    assert list_events(main.ctx.db)[0].notes == "Tins for the neighbours"

    page.table.select([planned])
    pump(screen)

    pump(screen)
    page.delete_button.invoke()
    confirm = page.dialog
    assert isinstance(confirm, ConfirmDialog)
    pump(confirm)
    screenshot(confirm, "events-dialog-delete")
    confirm.confirm_button.invoke()
    pump(screen)
    assert list_events(main.ctx.db) == []
    assert page.table.empty_label.winfo_ismapped()


def test_opening_an_event_and_going_back_shows_the_list_again(
    planned: str, screen: EventsView
) -> None:
    screen.list_page.table.select([planned])
    pump(screen)
    screen.list_page.open_button.invoke()
    assert screen.workspace is not None and not screen.list_page.winfo_ismapped()
    screen.workspace.header.back_button.invoke()
    pump(screen)
    assert screen.workspace is None and screen.list_page.winfo_ismapped()


def test_each_state_allows_exactly_the_transitions_the_services_allow() -> None:
    allowed = {
        state: [a.key for a in state_actions(state.value, produced=False) if a.blocked is None]
        for state in PlanState
    }
    assert allowed == {
        PlanState.DRAFT: ["lock"],
        PlanState.LOCKED: ["unlock", "start"],
        PlanState.IN_PRODUCTION: ["complete"],
        PlanState.COMPLETED: [],
    }
    locked = {a.key: a.blocked for a in state_actions("locked", produced=True)}
    assert locked["unlock"] == "Production is recorded, so it stays locked"


def test_next_years_name_moves_the_year_on() -> None:
    assert next_years_name("Christmas 2025") == "Christmas 2026"
    assert next_years_name("Bake sale") == "Bake sale (copy)"
