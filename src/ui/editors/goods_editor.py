"""Editors for finished goods ("Holiday tin = 12 sugar cookies + 6 gingerbread men + 1 tin")
and packages (what a recipient receives)."""

from __future__ import annotations

import tkinter
from collections.abc import Sequence

from src.services.choices import good_options, ingredient_options
from src.services.finished_goods import (
    FinishedGoodInput,
    FinishedGoodView,
    ItemCount,
    create_finished_good,
    update_finished_good,
)
from src.services.finished_units import list_finished_units
from src.services.packages import PackageInput, PackageView, create_package, update_package
from src.services.packaging import PackagingInput
from src.ui import events, theme
from src.ui.context import AppContext
from src.ui.editors.base import EditorDialog
from src.ui.editors.goods_panels import ContentsPanel, Item, PackagingPanel, name_form, section
from src.ui.widgets.typeahead import Choice


class _AssemblyEditor(EditorDialog):
    """Name and details, what goes inside, and the packaging around it."""

    event = events.GOODS_CHANGED

    def __init__(
        self, parent: tkinter.Misc, ctx: AppContext, title: str, example: str, what: str,
        choices: Sequence[Choice],
    ) -> None:  # fmt: skip
        super().__init__(parent, ctx, title, width=640)
        self.form = name_form(self.body, example)
        section(self.body, "What goes inside")
        self.contents = ContentsPanel(self.body, choices, what)
        self.contents.pack(fill="x")
        section(self.body, "Packaging")
        self.packaging = PackagingPanel(self.body, ingredient_options(ctx.db, packaging_only=True))
        self.packaging.pack(fill="x", pady=(0, theme.GAP))

    def _parts(self) -> tuple[dict[str, str | None], list[Item], list[PackagingInput]] | None:
        values = self.form.values()
        items = self.contents.items()
        packaging = self.packaging.lines()
        if values is None or items is None or packaging is None:
            return None
        return values, items, packaging

    def _load(self, name: str, description: str | None, notes: str | None) -> None:
        for label, text in (("Name", name), ("Description", description), ("Notes", notes)):
            self.form.field(label).set_text(text or "")


class GoodEditor(_AssemblyEditor):
    """New finished good (good None) or edit one. Open with .show()."""

    def __init__(
        self, parent: tkinter.Misc, ctx: AppContext, good: FinishedGoodView | None
    ) -> None:
        self.good_id = good.id if good else None
        units = [Choice(f"unit:{u.id}", u.name) for u in list_finished_units(ctx.db)]
        goods = [Choice(f"good:{g.id}", f"{g.name} (finished good)")
                 for g in good_options(ctx.db) if g.id != self.good_id]  # fmt: skip
        title = f"Edit {good.name}" if good else "New finished good"
        super().__init__(parent, ctx, title, "Holiday tin", "Cookie or finished good",
                         units + goods)  # fmt: skip
        if good is None:
            self.contents.add_row()
            return
        self._load(good.name, good.description, good.notes)
        self.contents.load(good.contents)
        self.packaging.load(good.packaging)

    def save(self) -> str | None:
        parts = self._parts()
        if parts is None:
            return None
        values, items, packaging = parts
        data = FinishedGoodInput(
            name=str(values["Name"]),
            units=tuple(ItemCount(i, n) for kind, i, n in items if kind == "unit"),
            goods=tuple(ItemCount(i, n) for kind, i, n in items if kind == "good"),
            packaging=tuple(packaging), description=values["Description"], notes=values["Notes"],
        )  # fmt: skip
        if self.good_id is None:
            saved = create_finished_good(self.ctx.db, data)
        else:
            saved = update_finished_good(self.ctx.db, self.good_id, data)
        return f"Saved finished good '{saved.name}'."


class PackageEditor(_AssemblyEditor):
    """New package (package None) or edit one. Open with .show()."""

    def __init__(self, parent: tkinter.Misc, ctx: AppContext, package: PackageView | None) -> None:
        self.package_id = package.id if package else None
        goods = [Choice(f"good:{g.id}", g.name) for g in good_options(ctx.db)]
        title = f"Edit {package.name}" if package else "New package"
        super().__init__(parent, ctx, title, "Gift box for the neighbours", "Finished good",
                         goods)  # fmt: skip
        if package is None:
            self.contents.add_row()
            return
        self._load(package.name, package.description, package.notes)
        self.contents.load(package.contents)
        self.packaging.load(package.packaging)

    def save(self) -> str | None:
        parts = self._parts()
        if parts is None:
            return None
        values, items, packaging = parts
        data = PackageInput(
            name=str(values["Name"]), goods=tuple(ItemCount(i, n) for _kind, i, n in items),
            packaging=tuple(packaging), description=values["Description"], notes=values["Notes"],
        )  # fmt: skip
        if self.package_id is None:
            saved = create_package(self.ctx.db, data)
        else:
            saved = update_package(self.ctx.db, self.package_id, data)
        return f"Saved package '{saved.name}'."
