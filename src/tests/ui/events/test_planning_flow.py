"""A baker plans the worked example on screen: new event, recipes, 20 tins, batches, shopping."""

from __future__ import annotations

from pathlib import Path

import customtkinter as ctk

from src.services.batches import decide_batches
from src.services.event_demand import event_demand
from src.services.events import list_events
from src.services.plan import current_plan
from src.services.plan_state import frozen_plan
from src.services.shopping import shopping_list
from src.tests.ui.conftest import pump, screenshot, type_into
from src.tests.ui.doubles import AnsweringFiles
from src.tests.ui.events.conftest import photo, wait_until
from src.ui.dialogs.confirm import ConfirmDialog
from src.ui.main_window import MainWindow
from src.ui.views.events.batches_panel import BatchesPanel
from src.ui.views.events.demand_panel import DemandPanel
from src.ui.views.events.event_dialogs import MODE_LABELS, EventFormDialog
from src.ui.views.events.ingredients_panel import IngredientsPanel
from src.ui.views.events.recipes_panel import RecipesPanel
from src.ui.views.events.screen import EventsView
from src.ui.views.events.shopping_panel import ShoppingPanel


def click(choice: ctk.CTkSegmentedButton, text: str) -> None:
    """Press one segment, as the baker's click does."""
    choice._buttons_dict[text].invoke()


def _new_event(screen: EventsView) -> EventFormDialog:
    screen.list_page.new_button.invoke()
    dialog = screen.list_page.dialog
    assert isinstance(dialog, EventFormDialog)
    pump(dialog)
    return dialog


def test_the_event_form_checks_attendees_inline_and_creates_the_event(
    screen: EventsView, main: MainWindow
) -> None:
    dialog = _new_event(screen)
    type_into(dialog.form.field("Name").entry, "Christmas 2026")
    type_into(dialog.form.field("Date").entry, "2026-12-20")
    type_into(dialog.form.field("Expected attendees").entry, "0")
    dialog.mode.set(MODE_LABELS["bundled"])
    dialog.save_button.invoke()
    pump(dialog)
    assert dialog.form.field("Expected attendees").error_label.cget("text") == (
        "Expected attendees must be more than 0."
    )
    screenshot(dialog, "events-dialog-new-event-invalid")
    dialog.form.field("Expected attendees").set_text("")
    dialog.save_button.invoke()
    pump(screen)

    [event] = list_events(main.ctx.db)
    assert (event.name, event.expected_attendees, event.output_mode) == (
        "Christmas 2026", None, "bundled",
    )  # fmt: skip
    assert screen.list_page.table.visible_values() == [
        ("Christmas 2026", "Dec 20, 2026", "in 35 days", "Draft", "Finished goods", "—")
    ]
    assert main.status.message == "Christmas 2026 created."


def test_plans_twenty_holiday_tins_and_starts_production(
    screen: EventsView, main: MainWindow, tmp_path: Path, files: AnsweringFiles
) -> None:
    db = main.ctx.db
    dialog = _new_event(screen)
    type_into(dialog.form.field("Name").entry, "Christmas 2026")
    type_into(dialog.form.field("Date").entry, "Dec 20, 2026")
    type_into(dialog.form.field("Expected attendees").entry, "20")
    dialog.mode.set(MODE_LABELS["bundled"])
    screenshot(dialog, "events-dialog-new-event")
    dialog.save_button.invoke()
    pump(screen)
    photo(screen, "events-list")
    screen.list_page.open_button.invoke()
    workspace = screen.workspace
    assert workspace is not None
    slug = workspace.slug

    recipes = workspace.show_tab("Recipes")
    assert isinstance(recipes, RecipesPanel)
    recipes.boxes["sugar-cookies"].toggle()
    recipes.boxes["gingerbread"].toggle()
    pump(screen)
    assert event_demand(db, slug).recipes == ("gingerbread", "sugar-cookies")
    photo(screen, "events-workspace-recipes")

    demand = workspace.show_tab("Demand")
    assert isinstance(demand, DemandPanel)
    demand.item.choose("holiday-tin")
    type_into(demand.form.field("Quantity").entry, "20")
    demand.save_button.invoke()
    pump(screen)
    assert [(d.item, d.quantity) for d in event_demand(db, slug).items] == [("holiday-tin", 20)]
    assert demand.table.visible_values() == [("Holiday tin", "20")]
    photo(screen, "events-workspace-demand")

    batches = workspace.show_tab("Batches")
    assert isinstance(batches, BatchesPanel)
    texts = {unit: option.cget("values") for unit, option in batches.options.items()}
    assert texts == {
        "gingerbread-man": ["5 batches → 120 (exact)"],
        "sugar-cookie": ["6 batches → 216 (24 short)", "7 batches → 252 (+12)"],
    }
    assert batches.chosen("sugar-cookie") == 7
    assert batches.chosen("gingerbread-man") == 5
    photo(screen, "events-workspace-batches")
    batches.accept_button.invoke()
    pump(screen)
    plan = current_plan(db, slug)
    assert plan is not None and not plan.is_stale
    assert [(r["batches"], r["decided"]) for r in plan.results["requirements"]] == [
        (5, True), (7, True),
    ]  # fmt: skip

    ingredients = workspace.show_tab("Ingredients")
    assert isinstance(ingredients, IngredientsPanel)
    shown = dict(ingredients.table.visible_values())
    assert shown["All-purpose flour"] == "4.81 kg"
    assert shown["Granulated sugar"] == "2.15 kg"
    assert shown["Powdered sugar"] == "1.2 kg"
    assert shown["Eggs"] == "19.5 each"
    photo(screen, "events-workspace-ingredients")

    shopping = workspace.show_tab("Shopping")
    assert isinstance(shopping, ShoppingPanel)
    listing = shopping_list(db, slug)
    assert len(shopping.table.visible_keys()) == sum(len(g.items) for g in listing.groups)
    butter = dict(zip(shopping.table.visible_keys(), shopping.table.visible_values(), strict=True))
    assert butter["butter"][1:] == (
        "Butter", "2.44 kg", "1.81 kg", "626 g", "2 × Butter 1 lb", "$11.98", "281 g",
    )  # fmt: skip
    photo(screen, "events-workspace-shopping")
    files.answers += [tmp_path / "list.csv", tmp_path / "list.pdf"]
    shopping.csv_button.invoke()
    wait_until(screen, lambda: (tmp_path / "list.csv").exists() and not main.tasks.busy)
    assert "Butter" in (tmp_path / "list.csv").read_text(encoding="utf-8")
    shopping.pdf_button.invoke()
    wait_until(screen, lambda: (tmp_path / "list.pdf").exists() and not main.tasks.busy)
    shopping.done_switch.toggle()
    pump(screen)
    assert shopping_list(db, slug).shopping_complete
    assert files.asked == [f"save shopping-{slug}.csv", f"save shopping-{slug}.pdf"]

    for name in ("Assembly", "Changes", "Progress"):
        workspace.show_tab(name)
        photo(screen, f"events-workspace-{name.lower()}")

    workspace.header.buttons["lock"].invoke()
    pump(screen)
    assert list_events(db)[0].plan_state == "locked"
    assert workspace.header.reasons["lock"].cget("text") == "Already locked"
    assert workspace.header.buttons["lock"].cget("state") == "disabled"
    workspace.header.buttons["start"].invoke()
    assert isinstance(workspace.dialog, ConfirmDialog)
    pump(workspace.dialog)
    screenshot(workspace.dialog, "events-dialog-start-production")
    workspace.dialog.confirm_button.invoke()
    pump(screen)
    assert list_events(db)[0].plan_state == "in_production"
    assert frozen_plan(db, slug) is not None
    photo(screen, "events-workspace-in-production")


def test_a_shortfall_option_asks_first_and_is_kept_only_when_confirmed(
    screen: EventsView, main: MainWindow, planned: str
) -> None:
    workspace = screen.open_event(planned)
    batches = workspace.show_tab("Batches")
    assert isinstance(batches, BatchesPanel)
    click(batches.options["sugar-cookie"], "6 batches → 216 (24 short)")
    dialog = batches.dialog
    assert isinstance(dialog, ConfirmDialog)
    pump(dialog)
    screenshot(dialog, "events-dialog-shortfall")
    assert batches.chosen("sugar-cookie") == 7  # nothing decided yet
    dialog.confirm_button.invoke()
    pump(screen)
    plan = current_plan(main.ctx.db, planned)
    assert plan is not None
    cookies = plan.results["requirements"][1]
    assert (cookies["batches"], cookies["shortfall"], cookies["decided"]) == (6, "24", True)
    batches = workspace.show_tab("Batches")
    assert isinstance(batches, BatchesPanel)
    assert batches.chosen("sugar-cookie") == 6
    decide_batches(main.ctx.db, planned, "sugar-cookie", 7)
