"""The plan on screen as it ages: stale after a recipe edit, state changes, amendments."""

from __future__ import annotations

from decimal import Decimal

import customtkinter as ctk
import pytest
from sqlalchemy import select

from src.models import Ingredient, Recipe, RecipeIngredient
from src.services.amendments import list_amendments
from src.services.batches import decide_batches
from src.services.database import Database
from src.services.plan import current_plan
from src.services.plan_state import lock_plan, start_production
from src.tests.ui.conftest import pump
from src.tests.ui.events.conftest import photo, wait_until
from src.ui import events, theme
from src.ui.main_window import MainWindow
from src.ui.views.events.amendment_form import CHANGE
from src.ui.views.events.changes_panel import ChangesPanel
from src.ui.views.events.screen import EventsView


def edit_recipe_line(db: Database, recipe: str, ingredient: str, quantity: str) -> None:
    """What the recipe editor will do: change one ingredient line of a recipe."""
    with db.transaction() as s:
        line = s.scalars(
            select(RecipeIngredient)
            .join(Recipe, RecipeIngredient.recipe_id == Recipe.id)
            .join(Ingredient, RecipeIngredient.ingredient_id == Ingredient.id)
            .where(Recipe.slug == recipe, Ingredient.slug == ingredient)
        ).one()
        line.quantity = Decimal(quantity)


def test_a_recipe_edit_elsewhere_shows_the_stale_banner_until_recalculated(
    screen: EventsView, main: MainWindow, planned: str
) -> None:
    workspace = screen.open_event(planned)
    workspace.show_tab("Ingredients")
    assert not workspace.banner.winfo_ismapped()

    edit_recipe_line(main.ctx.db, "sugar-cookies", "flour", "3.5")
    main.ctx.publish(events.RECIPES_CHANGED, "Sugar cookies saved.")
    pump(screen)

    assert workspace.banner.winfo_ismapped()
    assert "Sugar cookies" in workspace.banner.reasons_label.cget("text")
    photo(screen, "events-workspace-stale-banner")
    workspace.banner.recalculate_button.invoke()
    wait_until(screen, lambda: not workspace.banner.winfo_ismapped())
    plan = current_plan(main.ctx.db, planned)
    assert plan is not None and not plan.is_stale
    flour = next(i for i in plan.results["ingredients"] if i["ingredient"] == "flour")
    assert flour["display"] == "5.25 kg"  # 7 × 3.5 cup + 5 × 3.5 cup, at 125 g a cup


def test_f5_recalculates_the_open_plan(
    screen: EventsView, main: MainWindow, planned: str, window: ctk.CTkToplevel
) -> None:
    workspace = screen.open_event(planned)
    edit_recipe_line(main.ctx.db, "gingerbread", "ginger", "2")
    main.ctx.publish(events.RECIPES_CHANGED)
    pump(screen)
    assert workspace.banner.winfo_ismapped()
    window.focus_force()
    window.event_generate("<F5>")
    wait_until(screen, lambda: not workspace.banner.winfo_ismapped())


def test_disabled_state_buttons_say_why_and_a_refused_transition_is_explained(
    screen: EventsView,
    main: MainWindow,
    planned: str,
    root: ctk.CTk,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(root, "report_callback_exception", root.report_callback_exception)
    main.errors.install(root)
    header = screen.open_event(planned).header
    reasons = {key: label.cget("text") for key, label in header.reasons.items()}
    assert reasons == {
        "lock": "",
        "unlock": "Unlock needs the plan to be locked",
        "start": "Lock the plan first",
        "complete": "Start production first",
    }
    assert header.buttons["unlock"].cget("state") == "disabled"
    assert header.buttons["unlock"].cget("fg_color") == theme.DISABLED_FILL  # looks it, too
    assert header.buttons["lock"].cget("fg_color") == theme.ACCENT

    lock_plan(main.ctx.db, planned)  # somewhere else, unannounced: the screen still says draft
    root.after(1, header.buttons["lock"].invoke)
    pump(root, 50)

    dialog = main.errors.shown[-1]
    assert dialog.title() == "Not possible in this plan state"
    assert "only be done when it is draft" in dialog.message_label.cget("text")
    photo(dialog, "events-dialog-refused-transition")
    dialog.close()


def test_an_amendment_with_its_reason_shows_in_the_comparison(
    screen: EventsView, main: MainWindow, planned: str
) -> None:
    db = main.ctx.db
    decide_batches(db, planned, "sugar-cookie", 7)
    lock_plan(db, planned)
    start_production(db, planned)
    workspace = screen.open_event(planned)
    changes = workspace.show_tab("Changes")
    assert isinstance(changes, ChangesPanel)
    form = changes.form
    form.choose_kind(CHANGE)
    form.item.choose("sugar-cookie")
    form.form.field("How many").set_text("8")
    form.form.field("Reason").set_text("The church asked for a plate more")
    form.record_button.invoke()
    pump(screen)

    [amendment] = list_amendments(db, planned)
    assert (amendment.kind, amendment.reason) == (
        "change_batches", "The church asked for a plate more",
    )  # fmt: skip
    changes = workspace.show_tab("Changes")
    assert isinstance(changes, ChangesPanel)
    assert changes.amendments.visible_values()[0][1:] == (
        "Sugar cookie: 7 → 8 batches", "The church asked for a plate more",
    )  # fmt: skip
    assert ("Sugar cookie batches", "7", "8", "Modified") in changes.comparison.visible_values()
    assert ("Holiday tin", "20", "20", "Unchanged") in changes.comparison.visible_values()
    photo(screen, "events-workspace-amendment")


def test_a_blank_reason_is_refused_inline(
    screen: EventsView, main: MainWindow, planned: str
) -> None:
    lock_plan(main.ctx.db, planned)
    start_production(main.ctx.db, planned)
    changes = screen.open_event(planned).show_tab("Changes")
    assert isinstance(changes, ChangesPanel)
    changes.form.item.choose("holiday-tin")
    changes.form.record_button.invoke()
    assert changes.form.form.field("Reason").error_label.cget("text") == "Reason is required."
    assert list_amendments(main.ctx.db, planned) == ()
