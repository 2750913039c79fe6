"""A baker's whole season on screen: plan an event, shop, bake (with a loss), assemble, deliver.

Everything is done through the widgets of the Events, Production and Delivery screens, as a
baker clicks and types; every step is checked through the services.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import customtkinter as ctk
import pytest
from sqlalchemy import select

from src.models import (
    AssemblyRun,
    FinishedGood,
    Ingredient,
    LossCategory,
    ProductionStatus,
    Unit,
)
from src.services.database import Database
from src.services.delivery import delivery_board
from src.services.events import get_event
from src.services.plan import current_plan
from src.services.plan_state import frozen_plan
from src.services.production_history import production_history
from src.services.shopping import shopping_list
from src.tests import factories as f
from src.tests.production_example import add_priced_lot, build_production_example
from src.tests.ui.conftest import pump, screenshot, type_into
from src.tests.ui.screens import open_main_window
from src.ui.dialogs.confirm import ConfirmDialog
from src.ui.main_window import MainWindow
from src.ui.views.assemble_dialog import AssembleDialog
from src.ui.views.deliver_dialog import DeliverDialog
from src.ui.views.delivery import DeliveryView
from src.ui.views.events.batches_panel import BatchesPanel
from src.ui.views.events.demand_panel import DemandPanel
from src.ui.views.events.event_dialogs import MODE_LABELS, EventFormDialog
from src.ui.views.events.panel import Panel
from src.ui.views.events.recipes_panel import RecipesPanel
from src.ui.views.events.screen import EventsView
from src.ui.views.events.shopping_panel import ShoppingPanel
from src.ui.views.events.workspace import Workspace
from src.ui.views.production import ProductionView
from src.ui.views.production_check import RunCheckDialog
from src.ui.widgets.typeahead import TypeAheadEntry

TODAY = date(2026, 11, 15)
SLUG = "christmas-2026"


@dataclass(frozen=True)
class Season:
    package: str  # slug of the gift package holding one holiday tin
    recipient: str  # slug of Alice


@pytest.fixture
def season(db: Database) -> Season:
    """The worked example, stock for both runs (tins to buy), Alice and a one-tin package."""
    with db.transaction() as s:
        px = build_production_example(s)
        bought = date(2026, 11, 3)
        eggs = s.get_one(Ingredient, px.ex.ingredients["egg"])
        powdered = s.get_one(Ingredient, px.ex.ingredients["powdered-sugar"])
        add_priced_lot(s, eggs, "24", Unit.EACH, "7.49", bought)
        add_priced_lot(s, powdered, "2", Unit.POUND, "2.50", bought)
        for name, price in (("butter", "9.00"), ("sugar", "1.80")):
            add_priced_lot(s, s.get_one(Ingredient, px.ex.ingredients[name]), "1", Unit.KILOGRAM,
                           price, bought)  # fmt: skip
        package = f.package(s, [(s.get_one(FinishedGood, px.ex.holiday_tin), 1)])
        package.name = "Holiday gift"
        alice = f.recipient(s, name="Alice")
        return Season(package.slug, alice.slug)


def show_tab(workspace: Workspace, name: str) -> Panel:
    """Click a tab of the workspace (CTkTabview maps it after 100 ms)."""
    panel = workspace.show_tab(name)
    pump(workspace, 150)
    return panel


def choose(entry: TypeAheadEntry, typed: str) -> None:
    """Replace what the entry holds with part of a name; take the highlighted suggestion."""
    entry.delete(0, "end")
    type_into(entry, typed)
    entry.accept()
    pump(entry)


def test_a_baker_plans_bakes_assembles_and_delivers_a_package(
    window: ctk.CTkToplevel, db: Database, season: Season, settings_file: Path
) -> None:
    window.geometry("1200x780+0+0")
    main, events_view = open_main_window(window, db, "events", settings_file, TODAY)
    assert isinstance(events_view, EventsView)
    workspace = _plan_the_event(events_view, db, season)
    _lock_and_start(workspace, db)
    _bake(main, db)
    _assemble_and_deliver(main, db)


def _plan_the_event(screen: EventsView, db: Database, season: Season) -> Workspace:
    screen.list_page.new_button.invoke()
    dialog = screen.list_page.dialog
    assert isinstance(dialog, EventFormDialog)
    pump(dialog)
    type_into(dialog.form.field("Name").entry, "Christmas 2026")
    type_into(dialog.form.field("Date").entry, "2026-12-20")
    dialog.mode.set(MODE_LABELS["bundled"])
    dialog.save_button.invoke()
    pump(screen)
    assert get_event(db, SLUG).plan_state == "draft"
    screen.list_page.open_button.invoke()
    workspace = screen.workspace
    assert workspace is not None and workspace.slug == SLUG

    recipes = show_tab(workspace, "Recipes")
    assert isinstance(recipes, RecipesPanel)
    recipes.boxes["sugar-cookies"].toggle()
    recipes.boxes["gingerbread"].toggle()
    demand = show_tab(workspace, "Demand")
    assert isinstance(demand, DemandPanel)
    choose(demand.item, "Holi")
    type_into(demand.form.field("Quantity").entry, "19")
    demand.save_button.invoke()
    pump(screen)
    packages = demand.packages
    choose(packages.recipient, "Ali")
    choose(packages.package, "Holiday g")
    type_into(packages.form.field("Qty").entry, "1")
    packages.assign_button.invoke()
    pump(screen)
    assert packages.table.visible_values() == [("Alice", "Holiday gift", "1", "Pending")]
    screenshot(screen, "workflow-demand")

    batches = show_tab(workspace, "Batches")
    assert isinstance(batches, BatchesPanel)
    batches.accept_button.invoke()  # 19 tins + Alice's 1: 240 cookies and 120 men
    pump(screen)
    plan = current_plan(db, SLUG)
    assert plan is not None and not plan.is_stale
    assert [(r["finished_unit"], r["batches"], r["decided"])
            for r in plan.results["requirements"]] == [
        ("gingerbread-man", 5, True), ("sugar-cookie", 7, True),
    ]  # fmt: skip

    shopping = show_tab(workspace, "Shopping")
    assert isinstance(shopping, ShoppingPanel)
    listing = shopping_list(db, SLUG)
    shown = {row[1]: row for row in shopping.table.visible_values()}
    to_buy = {item.name for group in listing.groups for item in group.items if item.to_buy}
    assert to_buy == {"Cookie tin"}  # 20 tins, 10 in the pantry
    tins = shown["Cookie tin"]
    assert (tins[2:5], tins[6]) == (("20 each", "10 each", "10 each"), "$15.00")
    assert shown["Butter"][2:5] == ("2.44 kg", "2.81 kg", "—")
    assert shopping.total_label.cget("text") == "Estimated total: $15.00"
    assert set(shown) == {item.name for group in listing.groups for item in group.items}
    screenshot(screen, "workflow-shopping")
    return workspace


def _lock_and_start(workspace: Workspace, db: Database) -> None:
    workspace.header.buttons["lock"].invoke()
    pump(workspace)
    assert get_event(db, SLUG).plan_state == "locked"
    workspace.header.buttons["start"].invoke()
    assert isinstance(workspace.dialog, ConfirmDialog)
    pump(workspace.dialog)
    workspace.dialog.confirm_button.invoke()
    pump(workspace)
    assert get_event(db, SLUG).plan_state == "in_production"
    frozen = frozen_plan(db, SLUG)
    assert frozen is not None
    assert {unit: line["batches"] for unit, line in frozen.data["batch_decisions"].items()} == {
        "gingerbread-man": 5, "sugar-cookie": 7,
    }  # fmt: skip


def _record_run(view: ProductionView, recipe: str, batches: str, actual: str) -> None:
    """Fill the run form for the event and record it once the stock check says it's covered."""
    choose(view.form.recipe_entry, recipe)
    type_into(view.form.field("Batches").entry, batches)
    view.form.event_menu.choose(str(get_event(view.ctx.db, SLUG).id))
    if actual != view.form.field("Actual yield").text:
        view.form.field("Actual yield").set_text(actual)
        view.form.update_loss_state()
        view.form.loss_menu.choose(LossCategory.BURNT.value)
        view.form.field("Loss notes").set_text("Oven ran hot")
    before = view.dialog
    view.form.record_button.invoke()
    pump(view)
    check = view.dialog
    assert isinstance(check, RunCheckDialog) and check is not before
    assert check.record_button.cget("text") == "Record run"  # not "Record anyway": covered
    check.record_button.invoke()
    pump(view)


def _bake(main: MainWindow, db: Database) -> None:
    view = main.show_view("production")
    assert isinstance(view, ProductionView)
    pump(view)
    _record_run(view, "Sugar", "7", "240")
    _record_run(view, "Ginger", "5", "120")
    screenshot(view, "workflow-production")
    gingerbread, cookies = production_history(db)  # newest first
    event_id = get_event(db, SLUG).id
    assert (cookies.status, cookies.actual_yield, cookies.loss_quantity) == (
        ProductionStatus.PARTIAL_LOSS, 240, 12,
    )  # fmt: skip
    assert (cookies.loss_category, cookies.event_id) == (LossCategory.BURNT, event_id)
    assert cookies.total_ingredient_cost is not None and cookies.loss_cost is not None
    assert round(cookies.total_ingredient_cost, 2) == Decimal("37.85")
    assert round(cookies.loss_cost, 2) == round(cookies.cost_per_unit * 12, 2)  # type: ignore[operator]
    assert (gingerbread.status, gingerbread.actual_yield) == (ProductionStatus.COMPLETE, 120)


def _assemble_and_deliver(main: MainWindow, db: Database) -> None:
    production = main.views["production"]
    assert isinstance(production, ProductionView)
    production.assemble_button.invoke()
    dialog = production.dialog
    assert isinstance(dialog, AssembleDialog)
    pump(dialog)
    type_into(dialog.quantity.entry, "1")
    dialog.event_menu.choose(str(get_event(db, SLUG).id))
    dialog.assemble_button.invoke()
    pump(production)
    assert not dialog.winfo_exists()
    with db.transaction() as s:
        [run] = s.scalars(select(AssemblyRun)).all()
        assert (run.quantity, run.event_id) == (1, get_event(db, SLUG).id)

    delivery = main.show_view("delivery")
    assert isinstance(delivery, DeliveryView)
    pump(delivery)
    [card] = delivery.pending.cards
    card.buttons["Assemble"].invoke()
    pump(delivery)
    delivery.assembled.cards[0].buttons["Mark delivered…"].invoke()
    deliver = delivery.dialog
    assert isinstance(deliver, DeliverDialog)
    pump(deliver)
    deliver.form.field("Delivered to").set_text("Alice's neighbour")
    deliver.deliver_button.invoke()
    pump(delivery)
    screenshot(delivery, "workflow-delivered")
    [delivered] = delivery_board(db, get_event(db, SLUG).id).delivered
    assert (delivered.recipient, delivered.status, delivered.delivered_to) == (
        "Alice", "delivered", "Alice's neighbour",
    )  # fmt: skip
