"""The Goods & packages screen: finished goods and packages, their editors, cycles, delete."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import customtkinter as ctk
import pytest

from src.models import IngredientKind
from src.services.database import Database
from src.services.finished_goods import (
    FinishedGoodInput,
    ItemCount,
    create_finished_good,
    delete_finished_good,
    get_finished_good,
    list_finished_goods,
)
from src.services.ingredients import IngredientInput, create_ingredient
from src.services.packages import list_packages
from src.tests.ui.conftest import pump, screenshot
from src.tests.ui.screens import delete_selected, open_main_window
from src.tests.worked_example import WorkedExample, build_worked_example
from src.ui.editors.goods_editor import GoodEditor, PackageEditor
from src.ui.views.goods import GoodsView


@pytest.fixture
def ex(db: Database) -> WorkedExample:
    with db.transaction() as s:
        example = build_worked_example(s)
    delete_finished_good(db, example.holiday_tin)  # the tests build it through the editor
    return example


@pytest.fixture
def tin_id(db: Database) -> int:
    return create_ingredient(
        db, IngredientInput("Cookie tin", "Packaging", IngredientKind.PACKAGING)
    ).id


def _goods(window: ctk.CTkToplevel, db: Database, settings_file: Path) -> GoodsView:
    _main, view = open_main_window(window, db, "goods", settings_file, date(2026, 11, 15))
    assert isinstance(view, GoodsView)
    return view


def _fill_holiday_tin(editor: GoodEditor, ex: WorkedExample, tin_id: int) -> None:
    editor.form.field("Name").set_text("Holiday tin")
    cookies, men = editor.contents.rows[0], editor.contents.add_row()
    cookies.set(0, "Sugar cookie", f"unit:{ex.units['sugar-cookie']}")
    cookies.entries[1].insert(0, "12")
    men.set(0, "Gingerbread man", f"unit:{ex.units['gingerbread-man']}")
    men.entries[1].insert(0, "6")
    tin = editor.packaging.add_row()
    tin.set(0, "Cookie tin", str(tin_id))
    tin.entries[1].insert(0, "1")


def test_a_holiday_tin_and_a_package_are_made_in_the_editors_and_listed_with_cost(
    window: ctk.CTkToplevel, db: Database, ex: WorkedExample, tin_id: int, settings_file: Path
) -> None:
    view = _goods(window, db, settings_file)
    view.goods_bar.buttons["New good"].invoke()
    pump(window)
    editor = view.dialog
    assert isinstance(editor, GoodEditor)
    _fill_holiday_tin(editor, ex, tin_id)
    screenshot(editor, "good-editor")
    editor.save_button.invoke()
    pump(window)
    (tin,) = list_finished_goods(db)
    assert [(c.name, c.quantity) for c in tin.contents] == [
        ("Sugar cookie", 12), ("Gingerbread man", 6),
    ]  # fmt: skip
    assert [(p.ingredient_name, p.quantity) for p in tin.packaging] == [("Cookie tin", 1)]
    assert view.goods.visible_values() == [
        ("Holiday tin", "12 sugar cookies + 6 gingerbread men + 1 cookie tin", "unknown", "0")
    ]

    view.packages_bar.buttons["New package"].invoke()
    pump(window)
    package_editor = view.dialog
    assert isinstance(package_editor, PackageEditor)
    package_editor.form.field("Name").set_text("Neighbours' gift")
    row = package_editor.contents.rows[0]
    row.set(0, "Holiday tin", f"good:{tin.id}")
    row.entries[1].insert(0, "2")
    screenshot(package_editor, "package-editor")
    package_editor.save_button.invoke()
    pump(window)
    (package,) = list_packages(db)
    assert [(c.name, c.quantity) for c in package.contents] == [("Holiday tin", 2)]
    assert view.packages.visible_values() == [("Neighbours' gift", "2 holiday tins", "unknown")]
    screenshot(window, "goods-list")


def test_a_good_inside_itself_is_refused_with_the_path_and_nothing_saved(
    window: ctk.CTkToplevel, db: Database, ex: WorkedExample, settings_file: Path
) -> None:
    tin = create_finished_good(db, FinishedGoodInput("Holiday tin", units=(
        ItemCount(ex.units["sugar-cookie"], 12),)))  # fmt: skip
    hamper = create_finished_good(db, FinishedGoodInput("Hamper", goods=(ItemCount(tin.id, 2),)))
    view = _goods(window, db, settings_file)
    view.goods.select([str(tin.id)])
    pump(window)
    view.goods_bar.buttons["Edit"].invoke()
    pump(window)
    editor = view.dialog
    assert isinstance(editor, GoodEditor)
    row = editor.contents.add_row()
    row.set(0, "Hamper", f"good:{hamper.id}")
    row.entries[1].insert(0, "1")
    editor.save_button.invoke()
    pump(window)
    assert editor.winfo_exists()
    assert editor.banner.cget("text") == (
        "'Holiday tin' can't contain itself: Holiday tin → Hamper → Holiday tin."
    )
    screenshot(editor, "good-editor-cycle-refused")
    assert [c.name for c in get_finished_good(db, tin.id).contents] == ["Sugar cookie"]
    editor.cancel_button.invoke()


def test_a_good_in_a_package_is_not_deleted_but_can_be_archived(
    window: ctk.CTkToplevel, db: Database, ex: WorkedExample, settings_file: Path
) -> None:
    tin = create_finished_good(db, FinishedGoodInput("Holiday tin", units=(
        ItemCount(ex.units["sugar-cookie"], 12),)))  # fmt: skip
    create_finished_good(db, FinishedGoodInput("Hamper", goods=(ItemCount(tin.id, 2),)))
    view = _goods(window, db, settings_file)
    flow = delete_selected(view, view.goods, str(tin.id), view.goods_bar.buttons["Delete"])
    offer = flow.offer
    assert offer is not None
    assert "finished good 'Hamper'" in offer.winfo_children()[0].winfo_children()[1].cget("text")
    offer.confirm_button.invoke()
    pump(window)
    assert get_finished_good(db, tin.id).is_archived
    assert str(tin.id) not in view.goods.visible_keys()
