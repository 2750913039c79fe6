"""The Recipes screen: the list with costs (worked out in the background), the editor, cycles,
cost breakdown, variants."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import customtkinter as ctk
import pytest

from src.services.database import Database
from src.services.quantity_format import format_money
from src.services.recipe_costs import all_recipe_costs
from src.services.recipes import archive_recipe, get_recipe, list_recipes
from src.tests.ui.conftest import pump, screenshot, type_into
from src.tests.ui.screens import (
    HeldWorker,
    delete_selected,
    open_held,
    open_main_window,
    settle,
    shown_error,
)
from src.tests.worked_example import WorkedExample, add_cup_of_eggs, build_worked_example
from src.ui.editors.cost_breakdown import CostBreakdownDialog
from src.ui.editors.recipe_editor import RecipeEditor
from src.ui.editors.variant_dialog import VariantDialog
from src.ui.main_window import MainWindow
from src.ui.views.recipes import RecipesView


@pytest.fixture
def ex(db: Database) -> WorkedExample:
    with db.transaction() as s:
        return build_worked_example(s)


TODAY = date(2026, 11, 15)


def _recipes(window: ctk.CTkToplevel, db: Database, settings_file: Path) -> RecipesView:
    """The Recipes screen with its costs worked out."""
    _main, view = open_main_window(window, db, "recipes", settings_file, TODAY)
    assert isinstance(view, RecipesView)
    settle(view)
    return view


def _rows(view: RecipesView) -> dict[str, tuple[str, ...]]:
    return {row[0]: row for row in view.table.visible_values()}


def _select(view: RecipesView, recipe_id: int) -> None:
    view.table.select([str(recipe_id)])
    pump(view)


def show_tab(editor: RecipeEditor, name: str) -> None:
    """Switch tabs as a click would (customtkinter hides the others 100 ms later)."""
    editor.tabs.set(name)
    pump(editor, 150)


def _cost_breakdown(view: RecipesView, recipe_id: int) -> CostBreakdownDialog:
    _select(view, recipe_id)
    view.toolbar.buttons["Cost breakdown"].invoke()
    pump(view)
    assert isinstance(view.dialog, CostBreakdownDialog)
    return view.dialog


def _editor(view: RecipesView) -> RecipeEditor:
    pump(view)
    assert isinstance(view.dialog, RecipeEditor)
    return view.dialog


def test_the_list_shows_what_each_recipe_makes_and_costs_per_batch_and_per_cookie(
    window: ctk.CTkToplevel, db: Database, ex: WorkedExample, settings_file: Path
) -> None:
    view = _recipes(window, db, settings_file)
    costs = {c.name: c for c in all_recipe_costs(db)}
    cookies = costs["Sugar cookies"]
    rows = {row[0]: row for row in view.table.visible_values()}
    assert rows["Sugar cookies"] == (
        "Sugar cookies", "Cookies", "36 sugar cookies per batch",
        format_money(cookies.batch_cost), format_money(cookies.per_unit[0].cost_per_unit),
    )  # fmt: skip
    assert rows["Sugar cookies"][4] == "$0.16"
    assert rows["Gingerbread"][2:] == ("24 gingerbread men per batch", "unknown", "unknown")
    assert rows["Royal icing"][2:] == ("", "unknown", "")
    screenshot(window, "recipes-list")


def test_the_rows_show_at_once_and_their_costs_follow_from_the_background(
    window: ctk.CTkToplevel, db: Database, ex: WorkedExample, settings_file: Path
) -> None:
    main, view, held = open_held(window, db, "recipes", settings_file, TODAY)
    assert isinstance(view, RecipesView)
    rows = _rows(view)
    assert rows["Sugar cookies"] == (
        "Sugar cookies", "Cookies", "36 sugar cookies per batch", "…", "…",
    )  # fmt: skip
    assert rows["Royal icing"][2:] == ("", "…", "")  # it makes nothing to cost one of
    assert main.status.task_label.cget("text") == "Working out recipe costs"
    screenshot(window, "recipes-list-costs-pending")
    assert view.table.search is not None
    type_into(view.table.search, "sugar")
    _select(view, ex.recipes["sugar-cookies"])
    assert view.toolbar.buttons["Cost breakdown"].cget("state") == "normal"

    held.release()
    settle(view)

    assert view.table.visible_values() == [
        ("Sugar cookies", "Cookies", "36 sugar cookies per batch", "$5.62", "$0.16"),
    ]
    assert view.table.selected_keys() == [str(ex.recipes["sugar-cookies"])]


def test_costs_worked_out_for_an_older_refresh_never_overwrite_a_newer_one(
    window: ctk.CTkToplevel, db: Database, ex: WorkedExample, settings_file: Path
) -> None:
    archive_recipe(db, ex.recipes["royal-icing"])
    view = _recipes(window, db, settings_file)
    view.refresh()  # its costs leave out the archived icing
    held = HeldWorker(view.ctx.tasks)
    assert held.started.wait(5)  # so those costs are worked out, waiting to be delivered
    view.show_archived.toggle()  # a newer refresh, with archived recipes
    pump(window, 150)  # long enough for the older costs to be delivered, were they not dropped
    rows = _rows(view)
    assert rows["Royal icing (archived)"][3:] == ("…", "")
    assert rows["Sugar cookies"][3:] == ("…", "…")

    held.release()
    settle(view)

    rows = _rows(view)
    assert rows["Royal icing (archived)"][3:] == ("unknown", "")
    assert rows["Sugar cookies"][3:] == ("$5.62", "$0.16")


def test_a_cost_that_cannot_be_worked_out_is_shown_as_an_error_and_the_rows_stay(
    window: ctk.CTkToplevel, db: Database, ex: WorkedExample, settings_file: Path
) -> None:
    with db.transaction() as s:
        add_cup_of_eggs(s, ex)
    main, view = open_main_window(window, db, "recipes", settings_file, TODAY)
    settle(view)
    assert shown_error(main) == (
        "Cannot convert Eggs from 'each' to 'ml': a count cannot be turned into a volume."
    )
    assert [row[3:] for row in view.table.visible_values()] == [
        ("unknown", "unknown"), ("unknown", ""), ("unknown", "unknown"),
    ]  # fmt: skip


def test_a_window_closed_while_costs_are_worked_out_gets_none_of_them(
    root: ctk.CTk, window: ctk.CTkToplevel, db: Database, ex: WorkedExample,
    settings_file: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    escaped: list[BaseException] = []
    monkeypatch.setattr(root, "report_callback_exception", lambda *args: escaped.append(args[1]))
    main, _view, held = open_held(window, db, "recipes", settings_file, TODAY)
    window.destroy()
    held.release()
    pump(root, 150)
    assert escaped == [] and not main.tasks.busy


def test_search_and_category_filter_narrow_the_list(
    window: ctk.CTkToplevel, db: Database, ex: WorkedExample, settings_file: Path
) -> None:
    view = _recipes(window, db, settings_file)
    assert view.table.search is not None
    type_into(view.table.search, "ging")
    assert view.table.visible_keys() == [str(ex.recipes["gingerbread"])]
    view.table.search.delete(0, "end")
    view.category.set("Cookies")
    view._render()
    assert len(view.table.visible_keys()) == 3


def test_a_new_recipe_with_two_lines_a_component_and_a_yield_is_saved_from_the_editor(
    window: ctk.CTkToplevel, db: Database, ex: WorkedExample, settings_file: Path
) -> None:
    view = _recipes(window, db, settings_file)
    view.toolbar.buttons["New recipe"].invoke()
    editor = _editor(view)
    editor.details.form.field("Name").set_text("Iced shortbread")
    editor.details.form.field("Category").set_text("Cookies")
    flour, butter = editor.lines.rows[0], editor.lines.add_row()
    flour.set(0, "All-purpose flour", str(ex.ingredients["flour"]))
    flour.entries[1].insert(0, "2 1/4")
    flour.entries[2].insert(0, "cups")
    butter.set(0, "Butter", str(ex.ingredients["butter"]))
    butter.entries[1].insert(0, "¾")
    butter.entries[2].insert(0, "cup")
    show_tab(editor, "Ingredients")
    screenshot(editor, "recipe-editor-ingredients")
    icing = editor.components.add_row()
    icing.set(0, "Royal icing", str(ex.recipes["royal-icing"]))
    icing.entries[1].insert(0, "0.5")
    shortbread = editor.yields.add_row()
    shortbread.entries[0].insert(0, "Shortbread finger")
    shortbread.entries[1].insert(0, "30")
    show_tab(editor, "Components")
    screenshot(editor, "recipe-editor-components")
    show_tab(editor, "Recipe")
    screenshot(editor, "recipe-editor-details")
    editor.save_button.invoke()
    settle(view)

    assert not editor.winfo_exists()
    (summary,) = list_recipes(db, search="Iced shortbread")
    saved = get_recipe(db, summary.id)
    assert [(li.ingredient_name, li.quantity, li.unit.value) for li in saved.lines] == [
        ("All-purpose flour", Decimal("2.25"), "cup"), ("Butter", Decimal("0.75"), "cup"),
    ]  # fmt: skip
    assert [(c.recipe_name, c.batch_multiplier) for c in saved.components] == [
        ("Royal icing", Decimal("0.5"))
    ]
    assert [(u.name, u.yield_per_batch) for u in saved.finished_units] == [
        ("Shortbread finger", Decimal(30))
    ]
    assert str(summary.id) in view.table.visible_keys()  # the list refreshed itself


def test_a_bad_quantity_is_shown_under_the_lines_and_nothing_is_saved(
    window: ctk.CTkToplevel, db: Database, ex: WorkedExample, settings_file: Path
) -> None:
    view = _recipes(window, db, settings_file)
    view.toolbar.buttons["New recipe"].invoke()
    editor = _editor(view)
    editor.details.form.field("Name").set_text("Mystery bars")
    line = editor.lines.rows[0]
    line.set(0, "Butter", str(ex.ingredients["butter"]))
    line.entries[1].insert(0, "a knob")
    line.entries[2].insert(0, "cup")
    editor.save_button.invoke()
    pump(window)
    assert editor.tabs.get() == "Ingredients"
    assert editor.lines.error_label.cget("text") == ("Line 1: Quantity must be a number, e.g. 2.5.")
    screenshot(editor, "recipe-editor-inline-error")
    assert list_recipes(db, search="Mystery") == []


def test_a_cycle_is_refused_with_the_path_and_nothing_is_saved(
    window: ctk.CTkToplevel, db: Database, ex: WorkedExample, settings_file: Path
) -> None:
    view = _recipes(window, db, settings_file)
    _select(view, ex.recipes["royal-icing"])
    view.toolbar.buttons["Edit"].invoke()
    editor = _editor(view)
    row = editor.components.add_row()
    row.set(0, "Gingerbread", str(ex.recipes["gingerbread"]))
    row.entries[1].insert(0, "1")
    editor.save_button.invoke()
    pump(window)
    assert editor.winfo_exists()
    assert editor.banner.cget("text") == (
        "'Royal icing' can't contain itself: Royal icing → Gingerbread → Royal icing."
    )
    show_tab(editor, "Components")
    screenshot(editor, "recipe-editor-cycle-refused")
    assert get_recipe(db, ex.recipes["royal-icing"]).components == ()
    editor.cancel_button.invoke()


def test_the_cost_breakdown_shows_the_flour_lots_and_flags_unpriced_lines(
    window: ctk.CTkToplevel, db: Database, ex: WorkedExample, settings_file: Path
) -> None:
    view = _recipes(window, db, settings_file)
    dialog = _cost_breakdown(view, ex.recipes["sugar-cookies"])
    dialog.batches.delete(0, "end")
    dialog.batches.insert(0, "6")
    dialog.on_batches()
    dialog.step(1)
    rows = {row[0]: row for row in dialog.table.visible_values()}
    assert rows["All-purpose flour"][1:] == (
        "2.63 kg",
        "2 lb Flour 5 lb bag (Oct 1) + 3.79 lb Flour 25 lb sack (Nov 1)",
        "$4.27",
    )
    assert dialog.total.cget("text") == "7 batches: $37.85"
    assert dialog.per_unit.cget("text") == "252 sugar cookies: $0.15 each"
    assert dialog.unpriced_note.cget("text") == ""
    screenshot(dialog, "recipe-cost-breakdown")
    dialog.close()

    dialog = _cost_breakdown(view, ex.recipes["gingerbread"])
    ginger = next(r for r in dialog.table.visible_values() if "Ground ginger" in r[0])
    assert ginger[0] == "⚠ Ground ginger" and ginger[3] == "⚠ no price"
    assert dialog.unpriced_note.cget("text").startswith(
        "⚠ No price yet for 'Ground ginger' and 'Powdered sugar', so the total is unknown"
    )
    assert dialog.per_unit.cget("text") == "24 gingerbread men: unknown each"
    assert dialog.total.cget("text") == "1 batch: unknown"
    screenshot(dialog, "recipe-cost-breakdown-unpriced")
    dialog.close()


def test_save_as_variant_copies_the_recipe_under_a_new_name(
    window: ctk.CTkToplevel, db: Database, ex: WorkedExample, settings_file: Path
) -> None:
    view = _recipes(window, db, settings_file)
    _select(view, ex.recipes["sugar-cookies"])
    view.toolbar.buttons["Save as variant"].invoke()
    pump(window)
    dialog = view.dialog
    assert isinstance(dialog, VariantDialog)
    dialog.form.field("Variant").set_text("Brown butter")
    screenshot(dialog, "recipe-variant")
    dialog.save_button.invoke()
    settle(view)
    (variant,) = list_recipes(db, search="Brown butter")
    assert variant.name == "Sugar cookies (Brown butter)"
    assert variant.base_recipe_id == ex.recipes["sugar-cookies"]
    assert len(get_recipe(db, variant.id).lines) == 5


def test_deleting_a_recipe_in_use_is_refused_naming_the_user_and_offers_archive(
    window: ctk.CTkToplevel, db: Database, ex: WorkedExample, settings_file: Path
) -> None:
    view = _recipes(window, db, settings_file)
    key = str(ex.recipes["royal-icing"])
    offer = delete_selected(view, view.table, key, view.toolbar.buttons["Delete"]).offer
    assert offer is not None
    screenshot(offer, "recipe-delete-refused")
    offer.confirm_button.invoke()
    settle(view)
    icing = get_recipe(db, ex.recipes["royal-icing"])
    assert icing.summary.is_archived and icing.used_in == ("Gingerbread",)
    assert str(icing.id) not in view.table.visible_keys()
    window_main = view.master.master
    assert isinstance(window_main, MainWindow)
    assert window_main.status.message == "Archived 'Royal icing'."
