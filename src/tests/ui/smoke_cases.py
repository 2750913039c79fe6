"""Every dialog of the app and how a baker opens it on the demo season, for the smoke test.

A case names the screen it starts on, the dialog class it must open and the clicks that open
it. test_smoke checks that every dialog class in src/ui has a case, so a new dialog without
one fails there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import customtkinter as ctk

from src.services.bake_tracker_v4 import V4Report
from src.services.errors import ConflictError
from src.tests.ui.conftest import pump, type_into
from src.ui import file_menu
from src.ui.dialogs.backups import BackupsDialog
from src.ui.dialogs.bake_tracker_import import BakeTrackerImportDialog
from src.ui.dialogs.base import ModalDialog
from src.ui.dialogs.confirm import ConfirmDialog
from src.ui.dialogs.import_report import ImportReportDialog
from src.ui.dialogs.message import MessageDialog
from src.ui.editors.cost_breakdown import CostBreakdownDialog
from src.ui.editors.goods_editor import GoodEditor, PackageEditor
from src.ui.editors.recipe_editor import RecipeEditor
from src.ui.editors.recipient_editor import RecipientEditor
from src.ui.editors.variant_dialog import VariantDialog
from src.ui.main_window import MainWindow
from src.ui.view import View
from src.ui.views.assemble_dialog import AssembleDialog
from src.ui.views.deliver_dialog import DeliverDialog
from src.ui.views.delivery import DeliveryView
from src.ui.views.events.amendment_form import CHANGE
from src.ui.views.events.batches_panel import BatchesPanel
from src.ui.views.events.changes_panel import ChangesPanel
from src.ui.views.events.event_dialogs import CloneEventDialog, EventFormDialog
from src.ui.views.events.screen import EventsView
from src.ui.views.events.workspace import Workspace
from src.ui.views.goods import GoodsView
from src.ui.views.pantry.adjust_dialog import AdjustDialog
from src.ui.views.pantry.ingredient_dialog import IngredientDialog
from src.ui.views.pantry.lot_details_dialog import LotDetailsDialog
from src.ui.views.pantry.opening_balance_dialog import OpeningBalanceDialog
from src.ui.views.pantry.product_dialog import ProductDialog
from src.ui.views.pantry.screen import PantryView
from src.ui.views.pantry.supplier_dialog import SupplierDialog
from src.ui.views.pantry.use_ingredient_dialog import UseIngredientDialog
from src.ui.views.production import ProductionView
from src.ui.views.production_check import RunCheckDialog
from src.ui.views.recipes import RecipesView
from src.ui.views.recipients import RecipientsView
from src.ui.widgets.data_table import DataTable

THANKSGIVING = "thanksgiving-2026"
CHRISTMAS = "christmas-cookie-tins-2026"


@dataclass(frozen=True)
class Smoke:
    """What a case works with: the main window and the exceptions Tk reported so far."""

    main: MainWindow
    errors: list[BaseException]
    empty_main: Callable[[], MainWindow]  # a second main window over an empty database


Opener = Callable[[Smoke, View], object]


@dataclass(frozen=True)
class DialogCase:
    name: str  # the screenshot is smoke-dialog-<name>.png
    screen: str
    kind: type[ModalDialog]
    open: Opener


def press(button: ctk.CTkButton) -> None:
    assert button.cget("state") == "normal", f"{button.cget('text')!r} is disabled"
    button.invoke()


def first_row(table: DataTable) -> None:
    keys = table.visible_keys()
    assert keys, "the list is empty on the demo season"
    table.select(keys[:1])
    pump(table)


# -- pantry -------------------------------------------------------------------------------------
def pantry_button(tab: str, text: str, *, select: bool = False) -> Opener:
    def open_(_smoke: Smoke, view: View) -> None:
        assert isinstance(view, PantryView)
        shown = view.show_tab(tab)
        if select:
            first_row(shown.table)
        buttons = [w for w in shown.toolbar.winfo_children() if isinstance(w, ctk.CTkButton)]
        press(next(b for b in buttons if b.cget("text") == text))

    return open_


# -- list screens with a toolbar ----------------------------------------------------------------
def toolbar_button(text: str, *, select: bool = False) -> Opener:
    def open_(_smoke: Smoke, view: View) -> None:
        assert isinstance(view, RecipesView | RecipientsView)
        if select:
            first_row(view.table)
        press(view.toolbar.buttons[text])

    return open_


def goods_button(section: str, text: str, *, select: bool = False) -> Opener:
    def open_(_smoke: Smoke, view: View) -> None:
        assert isinstance(view, GoodsView)
        table, bar = view.goods, view.goods_bar
        if section == "packages":
            table, bar = view.packages, view.packages_bar
        if select:
            first_row(table)
        press(bar.buttons[text])

    return open_


# -- events -------------------------------------------------------------------------------------
def event_list_button(name: str, *, select: bool = False) -> Opener:
    def open_(_smoke: Smoke, view: View) -> None:
        assert isinstance(view, EventsView)
        if select:
            view.list_page.table.select([CHRISTMAS])
            pump(view)
        press(getattr(view.list_page, f"{name}_button"))

    return open_


def workspace(view: View, slug: str) -> Workspace:
    assert isinstance(view, EventsView)
    return view.open_event(slug)


def shortfall_option(_smoke: Smoke, view: View) -> None:
    batches = workspace(view, CHRISTMAS).show_tab("Batches")
    assert isinstance(batches, BatchesPanel)
    for choice in batches.options.values():
        short = [text for text in choice.cget("values") if "short" in text]
        if short:
            choice._buttons_dict[short[0]].invoke()
            return
    raise AssertionError(f"no option falls short in {list(batches.options)}")


def amendment_shortfall(_smoke: Smoke, view: View) -> None:
    changes = workspace(view, THANKSGIVING).show_tab("Changes")
    assert isinstance(changes, ChangesPanel)
    changes.form.choose_kind(CHANGE)
    unit = changes.form.item.choices[0].key
    changes.form.item.choose(unit)
    changes.form.form.field("How many").set_text("1")
    changes.form.form.field("Reason").set_text("Smoke test")
    press(changes.form.record_button)


def state_action(key: str) -> Opener:
    def open_(_smoke: Smoke, view: View) -> None:
        press(workspace(view, THANKSGIVING).header.buttons[key])

    return open_


# -- production and delivery --------------------------------------------------------------------
def check_run(_smoke: Smoke, view: View) -> None:
    assert isinstance(view, ProductionView)
    type_into(view.form.recipe_entry, "Pumpkin")
    view.form.recipe_entry.accept()
    type_into(view.form.field("Batches").entry, "2")
    press(view.form.record_button)


def void_run(_smoke: Smoke, view: View) -> None:
    assert isinstance(view, ProductionView)
    first_row(view.history.table)
    press(view.history.void_button)


def card_button(column: str, text: str) -> Opener:
    def open_(_smoke: Smoke, view: View) -> None:
        assert isinstance(view, DeliveryView)
        if column == "assembled" and not view.assembled.cards:  # none in the demo: pack one
            press(view.pending.cards[0].buttons["Assemble"])
            pump(view)
        press(getattr(view, column).cards[0].buttons[text])

    return open_


# -- File menu ----------------------------------------------------------------------------------
def menu_entry(label: str) -> Opener:
    def open_(smoke: Smoke, _view: View) -> None:
        smoke.main.file_menu.invoke(label)

    return open_


def refused_bake_tracker_import(smoke: Smoke, _view: View) -> None:
    """On a database with data the import is refused: the one error dialog says why."""
    with_data = menu_entry(file_menu.IMPORT_BAKE_TRACKER)
    with_data(smoke, _view)
    assert [type(error) for error in smoke.errors] == [ConflictError]
    smoke.errors.clear()  # expected: the baker's message, not an escaped bug


def bake_tracker_import(smoke: Smoke, _view: View) -> None:
    smoke.empty_main().file_menu.invoke(file_menu.IMPORT_BAKE_TRACKER)


def import_report(smoke: Smoke, _view: View) -> None:
    """What a finished import shows (the import itself is test_bake_tracker_import's)."""
    report = V4Report({"ingredients": 12, "recipes": 4}, (), ("2 prices had no product.",))
    ImportReportDialog(smoke.main, report).show()


CASES: tuple[DialogCase, ...] = (
    DialogCase("ingredient-new", "pantry", IngredientDialog, pantry_button("Ingredients", "New…")),
    DialogCase("ingredient-edit", "pantry", IngredientDialog,
               pantry_button("Ingredients", "Edit…", select=True)),
    DialogCase("ingredient-delete", "pantry", ConfirmDialog,
               pantry_button("Ingredients", "Delete", select=True)),
    DialogCase("product-new", "pantry", ProductDialog, pantry_button("Products", "New…")),
    DialogCase("product-edit", "pantry", ProductDialog,
               pantry_button("Products", "Edit…", select=True)),
    DialogCase("product-delete", "pantry", ConfirmDialog,
               pantry_button("Products", "Delete", select=True)),
    DialogCase("opening-balance", "pantry", OpeningBalanceDialog,
               pantry_button("Purchases", "Opening balance…")),
    DialogCase("lot-adjust", "pantry", AdjustDialog, pantry_button("Lots", "Adjust…", select=True)),
    DialogCase("lot-details", "pantry", LotDetailsDialog,
               pantry_button("Lots", "Edit details…", select=True)),
    DialogCase("ingredient-use", "pantry", UseIngredientDialog,
               pantry_button("Ingredients", "Use…", select=True)),
    DialogCase("supplier-new", "pantry", SupplierDialog, pantry_button("Suppliers", "New…")),
    DialogCase("supplier-edit", "pantry", SupplierDialog,
               pantry_button("Suppliers", "Edit…", select=True)),
    DialogCase("recipe-new", "recipes", RecipeEditor, toolbar_button("New recipe")),
    DialogCase("recipe-edit", "recipes", RecipeEditor, toolbar_button("Edit", select=True)),
    DialogCase("recipe-variant", "recipes", VariantDialog,
               toolbar_button("Save as variant", select=True)),
    DialogCase("recipe-cost", "recipes", CostBreakdownDialog,
               toolbar_button("Cost breakdown", select=True)),
    DialogCase("recipe-delete", "recipes", ConfirmDialog, toolbar_button("Delete", select=True)),
    DialogCase("good-new", "goods", GoodEditor, goods_button("goods", "New good")),
    DialogCase("good-edit", "goods", GoodEditor, goods_button("goods", "Edit", select=True)),
    DialogCase("good-delete", "goods", ConfirmDialog,
               goods_button("goods", "Delete", select=True)),
    DialogCase("package-new", "goods", PackageEditor, goods_button("packages", "New package")),
    DialogCase("package-edit", "goods", PackageEditor,
               goods_button("packages", "Edit", select=True)),
    DialogCase("recipient-new", "recipients", RecipientEditor, toolbar_button("New recipient")),
    DialogCase("recipient-edit", "recipients", RecipientEditor,
               toolbar_button("Edit", select=True)),
    DialogCase("recipient-delete", "recipients", ConfirmDialog,
               toolbar_button("Delete", select=True)),
    DialogCase("event-new", "events", EventFormDialog, event_list_button("new")),
    DialogCase("event-edit", "events", EventFormDialog, event_list_button("edit", select=True)),
    DialogCase("event-clone", "events", CloneEventDialog, event_list_button("clone")),
    DialogCase("event-delete", "events", ConfirmDialog,
               event_list_button("delete", select=True)),
    DialogCase("batches-shortfall", "events", ConfirmDialog, shortfall_option),
    DialogCase("amendment-shortfall", "events", ConfirmDialog, amendment_shortfall),
    DialogCase("event-complete", "events", ConfirmDialog, state_action("complete")),
    DialogCase("production-check", "production", RunCheckDialog, check_run),
    DialogCase("production-void", "production", ConfirmDialog, void_run),
    DialogCase("production-assemble", "production", AssembleDialog,
               lambda _smoke, view: press(view.assemble_button)),  # type: ignore[attr-defined]
    DialogCase("delivery-undo", "delivery", ConfirmDialog,
               card_button("delivered", "Undo delivery…")),
    DialogCase("delivery-deliver", "delivery", DeliverDialog,
               card_button("assembled", "Mark delivered…")),
    DialogCase("delivery-unassemble", "delivery", ConfirmDialog,
               card_button("assembled", "Unassemble…")),
    DialogCase("file-import", "dashboard", ConfirmDialog, menu_entry(file_menu.IMPORT)),
    DialogCase("file-upgrade", "dashboard", ConfirmDialog, menu_entry(file_menu.UPGRADE)),
    DialogCase("file-backups", "dashboard", BackupsDialog, menu_entry(file_menu.BACKUPS)),
    DialogCase("file-bake-tracker-refused", "dashboard", MessageDialog,
               refused_bake_tracker_import),
    DialogCase("file-bake-tracker-import", "dashboard", BakeTrackerImportDialog,
               bake_tracker_import),
    DialogCase("import-report", "dashboard", ImportReportDialog, import_report),
)  # fmt: skip
