"""Smoke: every screen, tab and dialog opens on the demo season with no exception escaping.

The demo season is loaded once per module; each test works on its own copy of that database.
Screenshots go to test-artifacts/screenshots/smoke-*.png (gitignored).
"""

from __future__ import annotations

import importlib
import pkgutil
import sqlite3
import tkinter
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path
from types import TracebackType

import customtkinter as ctk
import pytest

import src.ui
from src.services.choices import event_options
from src.services.database import Database, open_database
from src.services.demo_season import load_demo_season
from src.tests.ui.conftest import pump, screenshot
from src.tests.ui.smoke_cases import CASES, DialogCase, Smoke
from src.ui.dialogs.base import ModalDialog
from src.ui.errors import ErrorPresenter
from src.ui.files import FileKind
from src.ui.main_window import MainWindow
from src.ui.view import View
from src.ui.views import default_registry
from src.ui.views.events.screen import EventsView
from src.ui.views.pantry.screen import PantryView
from src.ui.views.reports import ReportsView

TODAY = date(2026, 11, 20)  # Thanksgiving is next: the Delivery board opens on it
TAB_SWITCH_MS = 150  # CTkTabview hides the previous tab after 100 ms


class AlwaysFiles:
    """A FileChooser that always answers with the same path; saving is always cancelled."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def open(self, parent: tkinter.Misc, kind: FileKind) -> Path | None:
        return self.path

    def save(self, parent: tkinter.Misc, kind: FileKind, suggested_name: str) -> Path | None:
        return None


class Escaped:
    """Tk's hook for exceptions escaping a callback: records each, then shows it as the app
    does (so a case that expects the error dialog sees it)."""

    def __init__(self) -> None:
        self.caught: list[BaseException] = []
        self.presenter: ErrorPresenter | None = None

    def __call__(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        self.caught.append(error.with_traceback(tb))
        if self.presenter is not None:
            self.presenter.show(error)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo season, loaded once for the module."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    db = open_database(path)
    load_demo_season(db)
    db.dispose()
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    """A copy of the demo season for one test (tests may change it)."""
    copy = tmp_path / "demo.db"
    with closing(sqlite3.connect(demo_file)) as source, closing(sqlite3.connect(copy)) as target:
        source.backup(target)
    db = open_database(copy)
    yield db
    db.dispose()


@pytest.fixture
def escaped(root: ctk.CTk) -> Iterator[Escaped]:
    hook = Escaped()
    previous = root.report_callback_exception
    root.report_callback_exception = hook  # type: ignore[method-assign]
    yield hook
    root.report_callback_exception = previous  # type: ignore[method-assign]


def _main(window: ctk.CTkToplevel, db: Database, settings_file: Path) -> MainWindow:
    window.geometry("1200x780+0+0")
    main = MainWindow(
        window, db, default_registry(), settings_file=settings_file, today=lambda: TODAY,
        files=AlwaysFiles(settings_file.with_name("export.json")),
    )  # fmt: skip
    pump(window)
    return main


def _photo(widget: tkinter.Misc, name: str) -> None:
    pump(widget, TAB_SWITCH_MS)
    screenshot(widget, f"smoke-{name}")


def _tabs(main: MainWindow, key: str, view: View) -> None:
    """Every tab of the screens that have them, each photographed."""
    if isinstance(view, PantryView):
        for name in view.tabs:
            view.show_tab(name)
            _photo(view, f"{key}-{name.lower()}")
    elif isinstance(view, ReportsView):
        for event in [None, *(str(e.id) for e in event_options(main.ctx.db))]:
            view.event_menu.choose(event)
            for name in view.panels:
                view.tabs.set(name)
                _photo(view, f"{key}-{event or 'all'}-{name.lower().replace(' ', '-')}")
    elif isinstance(view, EventsView):
        for slug in view.list_page.table.visible_keys():
            workspace = view.open_event(slug)
            for name in workspace.panels:
                workspace.show_tab(name)
                _photo(view, f"{key}-{slug}-{name.lower()}")
            workspace.header.back_button.invoke()
            pump(view)


def test_every_screen_and_tab_opens_on_the_demo_season(
    window: ctk.CTkToplevel, demo_db: Database, settings_file: Path, escaped: Escaped
) -> None:
    main = _main(window, demo_db, settings_file)
    for spec in main.registry:
        view = main.show_view(spec.key)
        _photo(view, f"screen-{spec.key}")
        _tabs(main, spec.key, view)
    assert set(main.views) == set(main.registry.keys())
    assert escaped.caught == []
    assert main.errors.shown == []


def _open_dialogs(window: ctk.CTkToplevel) -> list[ModalDialog]:
    found: list[ModalDialog] = []
    pending: list[tkinter.Misc] = [window]
    while pending:
        widget = pending.pop()
        pending += widget.winfo_children()
        if isinstance(widget, ModalDialog) and widget.winfo_exists():
            found.append(widget)
    return found


@pytest.mark.parametrize("screen", sorted({case.screen for case in CASES}))
def test_every_dialog_opens_and_cancels_on_the_demo_season(
    window: ctk.CTkToplevel, demo_db: Database, settings_file: Path, escaped: Escaped,
    screen: str, tmp_path: Path, root: ctk.CTk,
) -> None:  # fmt: skip
    main = _main(window, demo_db, settings_file)
    escaped.presenter = main.errors
    extra: list[ctk.CTkToplevel] = []
    smoke = Smoke(main, escaped.caught, lambda: _empty_main(root, tmp_path, extra))
    for case in (case for case in CASES if case.screen == screen):
        _open_and_cancel(smoke, case, window, extra)
    assert escaped.caught == []
    for top in extra:
        top.destroy()


def _open_and_cancel(
    smoke: Smoke, case: DialogCase, window: ctk.CTkToplevel, extra: list[ctk.CTkToplevel]
) -> None:
    view = smoke.main.show_view(case.screen)
    pump(view)
    case.open(smoke, view)
    pump(view, 50)  # a dialog takes its grab after idle
    dialogs = [d for top in [window, *extra] for d in _open_dialogs(top)]
    assert [type(d) for d in dialogs] == [case.kind], f"{case.name}: {dialogs}"
    screenshot(dialogs[0], f"smoke-dialog-{case.name}")
    dialogs[0].cancel()
    pump(view)
    assert not dialogs[0].winfo_exists(), f"{case.name}: still open after Cancel"
    assert smoke.errors == [], f"{case.name}: {smoke.errors!r}"


def _empty_main(root: ctk.CTk, tmp_path: Path, extra: list[ctk.CTkToplevel]) -> MainWindow:
    top = ctk.CTkToplevel(root)
    extra.append(top)
    db = open_database(tmp_path / "empty.db")
    main = MainWindow(top, db, default_registry(), settings_file=tmp_path / "empty.json",
                      today=lambda: TODAY)  # fmt: skip
    pump(top)
    return main


def _leaf_dialogs(kind: type[ModalDialog]) -> set[type[ModalDialog]]:
    subclasses = kind.__subclasses__()
    if not subclasses:
        return {kind}
    return set().union(*(_leaf_dialogs(sub) for sub in subclasses))


def test_the_smoke_cases_cover_every_dialog_in_the_app() -> None:
    for module in pkgutil.walk_packages(src.ui.__path__, "src.ui."):
        importlib.import_module(module.name)
    assert _leaf_dialogs(ModalDialog) - {case.kind for case in CASES} == set()
