"""The Production screen: record runs through the form, the stock check, void, assemble."""

from __future__ import annotations

import tkinter
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import customtkinter as ctk
import pytest
from sqlalchemy import select

from src.models import FinishedUnit, LossCategory, ProductionLoss, ProductionStatus
from src.services.choices import good_options
from src.services.database import Database
from src.services.production import record_production
from src.services.production_history import production_history
from src.tests import factories as f
from src.tests.production_example import ProductionExample, build_production_example
from src.tests.ui.conftest import pump, screenshot, type_into
from src.tests.ui.screens import open_screen
from src.ui.dialogs.confirm import ConfirmDialog
from src.ui.views.assemble_dialog import AssembleDialog
from src.ui.views.production import ProductionView
from src.ui.views.production_check import RunCheckDialog

T = TypeVar("T", bound=tkinter.Misc)


@pytest.fixture
def px(db: Database) -> ProductionExample:
    with db.transaction() as s:
        px = build_production_example(s)
        f.event(s, name="Christmas 2026")
        return px


def _screen(window: ctk.CTkToplevel, db: Database, settings_file: Path) -> ProductionView:
    view = open_screen(window, db, settings_file, "production")
    assert isinstance(view, ProductionView)
    return view


def _fill(view: ProductionView, recipe: str, batches: str, actual: str | None = None) -> None:
    type_into(view.form.recipe_entry, recipe)
    view.form.recipe_entry.accept()
    type_into(view.form.field("Batches").entry, batches)
    if actual is not None:
        view.form.field("Actual yield").set_text(actual)
        view.form.update_loss_state()


def test_a_run_with_a_loss_is_checked_recorded_and_listed(
    window: ctk.CTkToplevel, db: Database, px: ProductionExample, settings_file: Path
) -> None:
    view = _screen(window, db, settings_file)
    _fill(view, "sugar", "7")
    assert view.form.field("Actual yield").text == "252"  # follows the expected yield
    assert "252 × Sugar cookie" in view.form.expected_label.cget("text")
    assert view.form.loss_menu.menu.cget("state") == "disabled"
    view.form.field("Actual yield").set_text("240")
    view.form.update_loss_state()
    view.form.loss_menu.choose("burnt")
    view.form.field("Loss notes").set_text("Oven ran hot")
    screenshot(window, "production-form-filled")
    view.form.record_button.invoke()
    pump(window)
    dialog = view.dialog
    assert dialog is not None
    assert "$37.85" in dialog.cost_label.cget("text")
    screenshot(dialog, "production-check-covered")
    dialog.record_button.invoke()
    pump(window)
    (run,) = production_history(db)
    assert (run.actual_yield, run.status, run.loss_category) == (
        240, ProductionStatus.PARTIAL_LOSS, LossCategory.BURNT,
    )  # fmt: skip
    assert run.total_ingredient_cost is not None
    assert round(run.total_ingredient_cost, 2) == Decimal("37.85")
    assert "$37.85" in view.form.result_label.cget("text")
    assert view.history.table.visible_values()[0][6:] == ("Partial loss", "$37.85", "$0.15")
    screenshot(window, "production-recorded")


def test_short_stock_offers_cancel_or_record_anyway(
    window: ctk.CTkToplevel, db: Database, px: ProductionExample, settings_file: Path
) -> None:
    view = _screen(window, db, settings_file)
    _fill(view, "Gingerbread", "5")  # with 2.5 batches of icing: 1200 g powdered sugar, 12.5 eggs
    view.form.record_button.invoke()
    pump(window)
    dialog = view.dialog
    assert isinstance(dialog, RunCheckDialog)
    assert dialog.record_button.cget("text") == "Record anyway"
    shortfalls = dialog.shortfall_table.visible_values()
    assert [(row[0], row[3]) for row in shortfalls] == [
        ("Eggs", "0.5 each"),
        ("Powdered sugar", "293 g"),
    ]
    screenshot(dialog, "production-check-short")
    dialog.cancel_button.invoke()
    pump(window)
    assert production_history(db) == []
    view.form.record_button.invoke()
    pump(window)
    assert isinstance(view.dialog, RunCheckDialog)
    view.dialog.record_button.invoke()
    pump(window)
    (run,) = production_history(db)
    assert run.recorded_with_shortfall and run.actual_yield == 120
    assert (
        "Recorded short of Eggs (0.5 each), Powdered sugar (293 g)"
        in view.form.result_label.cget("text")
    )
    assert view.history.table.visible_values()[0][6] == "Complete · short stock"


def test_voiding_a_run_from_the_history_says_what_it_does(
    window: ctk.CTkToplevel, db: Database, px: ProductionExample, settings_file: Path
) -> None:
    ex = px.ex
    record_production(db, ex.recipes["sugar-cookies"], ex.units["sugar-cookie"], 7, 240)
    view = _screen(window, db, settings_file)
    assert view.history.void_button.cget("state") == "disabled"
    view.history.table.select(view.history.table.visible_keys())
    pump(window)
    view.history.void_button.invoke()
    pump(window)
    dialog = _open_dialog(window, ConfirmDialog)
    text = _texts(dialog)
    assert "back into the lots they came from" in text
    assert "240 × Sugar cookie back off the count" in text
    assert "loss (12 × Sugar cookie) is kept for the record" in text
    screenshot(dialog, "production-void-confirm")
    dialog.confirm_button.invoke()
    pump(window)
    assert production_history(db) == []
    assert view.history.table.visible_keys() == []
    with db.transaction() as s:  # the loss row stays for the audit trail
        assert [loss.loss_quantity for loss in s.scalars(select(ProductionLoss))] == [12]


def test_assembling_goods_uses_units_on_hand_and_refusals_say_what_is_missing(
    window: ctk.CTkToplevel, db: Database, px: ProductionExample, settings_file: Path
) -> None:
    with db.transaction() as s:
        s.get_one(FinishedUnit, px.ex.units["sugar-cookie"]).inventory_count = 24
        s.get_one(FinishedUnit, px.ex.units["gingerbread-man"]).inventory_count = 12
    view = _screen(window, db, settings_file)
    view.assemble_button.invoke()
    pump(window)
    dialog = view.dialog
    assert isinstance(dialog, AssembleDialog)
    assert dialog.good_menu.labels == ["Holiday tin (0 on hand)"]
    type_into(dialog.quantity.entry, "3")
    dialog.assemble_button.invoke()
    pump(window)
    refusal = dialog.refusal_label.cget("text")
    assert "Sugar cookie: need 36, have 24, short 12" in refusal
    screenshot(dialog, "production-assemble-refused")
    dialog.quantity.set_text("2")
    dialog.assemble_button.invoke()
    pump(window)
    assert not dialog.winfo_exists()
    assert [(g.name, g.on_hand) for g in good_options(db)] == [("Holiday tin", 2)]


def _open_dialog(window: ctk.CTkToplevel, kind: type[T]) -> T:
    dialogs = [w for w in _descendants(window) if isinstance(w, kind) and w.winfo_exists()]
    assert dialogs, f"no {kind.__name__} open"
    return dialogs[-1]


def _texts(widget: tkinter.Misc) -> str:
    texts = [str(w.cget("text")) for w in _descendants(widget) if isinstance(w, ctk.CTkLabel)]
    return "\n".join(texts)


def _descendants(widget: tkinter.Misc) -> list[tkinter.Misc]:
    found = []
    for child in widget.winfo_children():
        found += [child, *_descendants(child)]
    return found
