"""Goods & packages: finished goods (what is inside, cost, on hand) and packages for recipients.

The goods' rows come from a quick read. Their costs, and the packages (a package is listed
with its cost), take long for many goods: they are read off the Tk thread and filled in when
they arrive.
"""

from __future__ import annotations

import tkinter
from collections.abc import Callable
from decimal import Decimal

import customtkinter as ctk

from src.services.finished_goods import (
    FinishedGoodView,
    GoodContents,
    archive_finished_good,
    delete_finished_good,
    get_finished_good,
    list_finished_goods,
    list_good_contents,
)
from src.services.packages import (
    PackageView,
    archive_package,
    delete_package,
    get_package,
    list_packages,
)
from src.ui import events, theme
from src.ui.context import AppContext
from src.ui.dialogs.base import ModalDialog
from src.ui.editors.goods_editor import GoodEditor, PackageEditor
from src.ui.editors.goods_panels import contents_text
from src.ui.editors.removal import DeleteFlow
from src.ui.latest_read import LatestRead
from src.ui.view import View
from src.ui.views.cells import PENDING, money_cell
from src.ui.views.toolbar import ListToolbar
from src.ui.widgets.data_table import Column, DataTable, Row

EMPTY_GOODS = "No finished goods yet. A tin of 12 cookies is one: add it with New good."
EMPTY_PACKAGES = "No packages yet. A package is what one recipient receives."
LOADING = "Loading…"
NOT_LISTED = "The packages could not be listed; the message says why."
COSTING = "Working out goods and package costs"


class GoodsView(View):
    title = "Goods & packages"
    watches = (
        events.GOODS_CHANGED,
        events.RECIPES_CHANGED,
        events.INVENTORY_CHANGED,
        events.CATALOG_CHANGED,
        events.DATABASE_REPLACED,
    )

    def __init__(self, master: tkinter.Misc, ctx: AppContext) -> None:
        super().__init__(master, ctx)
        self.header("Goods & packages", "What you assemble, and what each recipient receives")
        self.goods_bar, self.goods = self._section(
            "Finished goods", "New good", self.on_new_good, self.on_edit_good,
            self.on_delete_good, [Column("on_hand", "On hand", width=80, numeric=True)],
        )  # fmt: skip
        self.packages_bar, self.packages = self._section(
            "Packages", "New package", self.on_new_package, self.on_edit_package,
            self.on_delete_package, [],
        )  # fmt: skip
        self.goods.set_empty_text(EMPTY_GOODS)
        self.packages.set_empty_text(LOADING)
        self.listed_goods: list[GoodContents] = []
        self.listed_packages: list[PackageView] = []  # as last read; shown while costs are read
        self.costs = LatestRead(ctx.tasks)
        self.dialog: ModalDialog | None = None
        self.delete_flow: DeleteFlow | None = None

    def refresh(self) -> None:
        db = self.ctx.db
        self.listed_goods = list_good_contents(db)
        self.goods.set_rows([_contents_row(g, PENDING) for g in self.listed_goods])
        self.packages.set_rows([_package_row(p, PENDING) for p in self.listed_packages])
        self._selection_changed()
        self.costs.start(COSTING, lambda: (list_finished_goods(db), list_packages(db)),
                         self._costed, self._not_costed)  # fmt: skip

    def focus_search(self) -> bool:
        return self.goods.focus_search()

    # -- actions ----------------------------------------------------------------------------
    def on_new_good(self) -> None:
        self._open(GoodEditor(self, self.ctx, None))

    def on_edit_good(self) -> None:
        if good_id := _selected(self.goods):
            self._open(GoodEditor(self, self.ctx, get_finished_good(self.ctx.db, good_id)))

    def on_delete_good(self) -> None:
        if good_id := _selected(self.goods):
            self._delete(self.goods, good_id, delete_finished_good, archive_finished_good)

    def on_new_package(self) -> None:
        self._open(PackageEditor(self, self.ctx, None))

    def on_edit_package(self) -> None:
        if package_id := _selected(self.packages):
            self._open(PackageEditor(self, self.ctx, get_package(self.ctx.db, package_id)))

    def on_delete_package(self) -> None:
        if package_id := _selected(self.packages):
            self._delete(self.packages, package_id, delete_package, archive_package)

    # -- helpers ----------------------------------------------------------------------------
    def _costed(self, read: tuple[list[FinishedGoodView], list[PackageView]]) -> None:
        goods, self.listed_packages = read
        self.goods.set_rows([_good_row(g) for g in goods])
        self.packages.set_empty_text(EMPTY_PACKAGES)
        self.packages.set_rows([_package_row(p, p.cost) for p in self.listed_packages])
        self._selection_changed()

    def _not_costed(self, error: BaseException) -> None:
        self.goods.set_rows([_contents_row(g, None) for g in self.listed_goods])
        self.packages.set_empty_text(NOT_LISTED)
        self.packages.set_rows([_package_row(p, None) for p in self.listed_packages])
        self.ctx.errors.show(error)

    def _selection_changed(self) -> None:
        self.goods_bar.selection_changed(bool(self.goods.selected_keys()))
        self.packages_bar.selection_changed(bool(self.packages.selected_keys()))

    def _delete(
        self, table: DataTable, item_id: int, delete: Callable[..., object],
        archive: Callable[..., object],
    ) -> None:  # fmt: skip
        db = self.ctx.db
        name = table.visible_values()[table.visible_keys().index(str(item_id))][0]
        self.delete_flow = DeleteFlow(
            self, self.ctx, name, lambda: delete(db, item_id), lambda: archive(db, item_id),
            events.GOODS_CHANGED,
        )  # fmt: skip
        self.delete_flow.start()

    def _open(self, dialog: ModalDialog) -> None:
        self.dialog = dialog
        dialog.show()

    def _section(
        self, title: str, new_text: str, on_new: Callable[[], None], on_edit: Callable[[], None],
        on_delete: Callable[[], None], extra: list[Column],
    ) -> tuple[ListToolbar, DataTable]:  # fmt: skip
        row = ctk.CTkFrame(self, fg_color="transparent")
        row.pack(fill="x", padx=theme.PAD, pady=(theme.GAP, 4))
        ctk.CTkLabel(row, text=title, font=theme.heading_font(), anchor="w").pack(side="left")
        toolbar = ListToolbar(row)
        toolbar.add(new_text, on_new, primary=True)
        toolbar.add("Edit", on_edit, needs_selection=True)
        toolbar.add("Delete", on_delete, needs_selection=True)
        table = DataTable(
            self,
            columns=[Column("name", "Name", width=200), Column("contents", "Contents", width=470),
                     Column("cost", "Cost", width=90, numeric=True, format=money_cell), *extra],
            searchable=False, height=7,
            on_select=lambda keys: toolbar.selection_changed(bool(keys)),
            on_activate=lambda _key: on_edit(),
        )  # fmt: skip
        table.pack(fill="both", expand=True, padx=theme.PAD, pady=(0, theme.GAP))
        return toolbar, table


def _selected(table: DataTable) -> int | None:
    keys = table.selected_keys()
    return int(keys[0]) if keys else None


def _contents_row(good: GoodContents, cost: str | None) -> Row:
    """The good before its cost is known: PENDING while worked out, None when it could not be."""
    contents = contents_text(good.contents, good.packaging)
    return Row(str(good.id), (good.name, contents, cost, good.inventory_count))


def _good_row(good: FinishedGoodView) -> Row:
    contents = contents_text(good.contents, good.packaging)
    return Row(str(good.id), (good.name, contents, good.unit_cost, good.inventory_count))


def _package_row(package: PackageView, cost: Decimal | str | None) -> Row:
    """The package with its cost, PENDING while worked out, None when unknown."""
    contents = contents_text(package.contents, package.packaging)
    return Row(str(package.id), (package.name, contents, cost))
