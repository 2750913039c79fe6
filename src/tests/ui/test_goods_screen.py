"""The Goods & packages screen: finished goods and packages (their costs worked out in the
background), their editors, cycles, delete."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import customtkinter as ctk
import pytest

from src.models import IngredientKind
from src.services.database import Database
from src.services.finished_goods import (
    FinishedGoodInput,
    ItemCount,
    archive_finished_good,
    create_finished_good,
    delete_finished_good,
    get_finished_good,
    list_finished_goods,
)
from src.services.ingredients import IngredientInput, create_ingredient
from src.services.packages import PackageInput, create_package, list_packages
from src.tests.db_probe import counted_statements
from src.tests.ui.conftest import pump, screenshot
from src.tests.ui.screens import (
    HeldWorker,
    delete_selected,
    open_held,
    open_main_window,
    settle,
    shown_error,
)
from src.tests.worked_example import WorkedExample, add_cup_of_eggs, build_worked_example
from src.ui import events
from src.ui.editors.goods_editor import GoodEditor, PackageEditor
from src.ui.views.goods import GoodsView
from src.ui.widgets.typeahead import Choice


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


TODAY = date(2026, 11, 15)


@pytest.fixture
def bag_id(db: Database, ex: WorkedExample) -> int:
    """A bag of 12 sugar cookies (every cookie priced) in a package of two bags."""
    bag = create_finished_good(
        db, FinishedGoodInput("Cookie bag", units=(ItemCount(ex.units["sugar-cookie"], 12),))
    )
    create_package(db, PackageInput("Neighbours' gift", goods=(ItemCount(bag.id, 2),)))
    return bag.id


def _goods(window: ctk.CTkToplevel, db: Database, settings_file: Path) -> GoodsView:
    """The Goods & packages screen with its costs worked out."""
    _main, view = open_main_window(window, db, "goods", settings_file, TODAY)
    assert isinstance(view, GoodsView)
    settle(view)
    return view


def _labels(choices: Sequence[Choice] | None) -> list[str]:
    return [choice.label for choice in choices or ()]


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
    settle(view)
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
    settle(view)
    (package,) = list_packages(db)
    assert [(c.name, c.quantity) for c in package.contents] == [("Holiday tin", 2)]
    assert view.packages.visible_values() == [("Neighbours' gift", "2 holiday tins", "unknown")]
    screenshot(window, "goods-list")


def test_the_goods_show_at_once_and_their_costs_and_the_packages_follow(
    window: ctk.CTkToplevel, db: Database, ex: WorkedExample, bag_id: int, settings_file: Path
) -> None:
    main, view, held = open_held(window, db, "goods", settings_file, TODAY)
    assert isinstance(view, GoodsView)
    assert view.goods.visible_values() == [("Cookie bag", "12 sugar cookies", "…", "0")]
    assert view.packages.visible_values() == []
    assert view.packages.empty_label.cget("text") == "Loading…"
    assert main.status.task_label.cget("text") == "Working out goods and package costs"
    screenshot(window, "goods-list-costs-pending")
    view.goods.select([str(bag_id)])
    pump(window)
    assert view.goods_bar.buttons["Edit"].cget("state") == "normal"

    held.release()
    settle(view)

    assert view.goods.visible_values() == [("Cookie bag", "12 sugar cookies", "$1.87", "0")]
    assert view.packages.visible_values() == [("Neighbours' gift", "2 cookie bags", "$3.75")]
    assert view.goods.selected_keys() == [str(bag_id)]


def test_costs_read_for_an_older_refresh_never_overwrite_a_newer_one(
    window: ctk.CTkToplevel, db: Database, ex: WorkedExample, bag_id: int, settings_file: Path
) -> None:
    view = _goods(window, db, settings_file)
    view.refresh()  # its read knows only the cookie bag
    held = HeldWorker(view.ctx.tasks)
    assert held.started.wait(5)  # so that read is done, waiting to be delivered
    create_finished_good(db, FinishedGoodInput("Big bag", units=(
        ItemCount(ex.units["sugar-cookie"], 24),)))  # fmt: skip
    view.ctx.publish(events.GOODS_CHANGED)  # a newer refresh
    pump(window, 150)  # long enough for the older read to be delivered, were it not dropped
    assert view.goods.visible_values() == [
        ("Big bag", "24 sugar cookies", "…", "0"), ("Cookie bag", "12 sugar cookies", "…", "0"),
    ]  # fmt: skip
    assert view.packages.visible_values() == [("Neighbours' gift", "2 cookie bags", "…")]

    held.release()
    settle(view)

    assert [row[2] for row in view.goods.visible_values()] == ["$3.75", "$1.87"]
    assert view.packages.visible_values() == [("Neighbours' gift", "2 cookie bags", "$3.75")]


def test_costs_that_cannot_be_worked_out_are_shown_as_one_error_and_the_goods_stay(
    window: ctk.CTkToplevel, db: Database, ex: WorkedExample, bag_id: int, settings_file: Path
) -> None:
    with db.transaction() as s:
        add_cup_of_eggs(s, ex)
    main, view = open_main_window(window, db, "goods", settings_file, TODAY)
    assert isinstance(view, GoodsView)
    settle(view)
    assert shown_error(main) == (
        "Cannot convert Eggs from 'each' to 'ml': a count cannot be turned into a volume."
    )
    assert view.goods.visible_values() == [("Cookie bag", "12 sugar cookies", "unknown", "0")]
    assert view.packages.empty_label.cget("text") == (
        "The packages could not be listed; the message says why."
    )


def test_the_editors_offer_the_goods_not_archived_without_pricing_any(
    window: ctk.CTkToplevel, db: Database, ex: WorkedExample, bag_id: int, settings_file: Path
) -> None:
    create_finished_good(db, FinishedGoodInput("Gift box", goods=(ItemCount(bag_id, 2),)))
    archive_finished_good(db, create_finished_good(db, FinishedGoodInput("Old tin")).id)
    view = _goods(window, db, settings_file)
    bag = get_finished_good(db, bag_id)

    with counted_statements(db) as statements:
        good_editor = GoodEditor(view, view.ctx, bag)
        package_editor = PackageEditor(view, view.ctx, None)

    assert _labels(good_editor.contents.cells[0].choices) == [
        "Gingerbread man", "Sugar cookie", "Gift box (finished good)",
    ]  # fmt: skip
    assert _labels(package_editor.contents.cells[0].choices) == ["Cookie bag", "Gift box"]
    assert [sql for sql in statements if "purchases" in sql] == []  # no price was read
    good_editor.close()
    package_editor.close()


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
    settle(view)
    assert get_finished_good(db, tin.id).is_archived
    assert str(tin.id) not in view.goods.visible_keys()
