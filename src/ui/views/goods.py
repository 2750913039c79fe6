"""Goods & packages: finished goods (what is inside, cost, on hand) and packages for recipients."""

from __future__ import annotations

import tkinter
from collections.abc import Callable

import customtkinter as ctk

from src.services.finished_goods import (
    FinishedGoodView,
    archive_finished_good,
    delete_finished_good,
    get_finished_good,
    list_finished_goods,
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
from src.ui.view import View
from src.ui.views.cells import money_cell
from src.ui.views.toolbar import ListToolbar
from src.ui.widgets.data_table import Column, DataTable, Row

EMPTY_GOODS = "No finished goods yet. A tin of 12 cookies is one: add it with New good."
EMPTY_PACKAGES = "No packages yet. A package is what one recipient receives."


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
        self.packages.set_empty_text(EMPTY_PACKAGES)
        self.dialog: ModalDialog | None = None
        self.delete_flow: DeleteFlow | None = None

    def refresh(self) -> None:
        goods = list_finished_goods(self.ctx.db)
        self.goods.set_rows([_good_row(g) for g in goods])
        self.packages.set_rows([_package_row(p) for p in list_packages(self.ctx.db)])
        self.goods_bar.selection_changed(bool(self.goods.selected_keys()))
        self.packages_bar.selection_changed(bool(self.packages.selected_keys()))

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


def _good_row(good: FinishedGoodView) -> Row:
    contents = contents_text(good.contents, good.packaging)
    return Row(str(good.id), (good.name, contents, good.unit_cost, good.inventory_count))


def _package_row(package: PackageView) -> Row:
    return Row(
        str(package.id),
        (package.name, contents_text(package.contents, package.packaging), package.cost),
    )
