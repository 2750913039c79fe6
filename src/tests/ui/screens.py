"""Opening one screen of the real main window over a test database, for the screen tests."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import customtkinter as ctk

from src.services.database import Database
from src.tests.ui.conftest import pump
from src.tests.ui.doubles import wait_until
from src.ui.editors.removal import DeleteFlow
from src.ui.main_window import MainWindow
from src.ui.tasks import Progress, TaskRunner
from src.ui.view import View
from src.ui.views import default_registry
from src.ui.widgets.data_table import DataTable

TODAY = date(2026, 12, 10)


def open_screen(window: ctk.CTkToplevel, db: Database, settings_file: Path, key: str) -> View:
    return open_main_window(window, db, key, settings_file, TODAY)[1]


def open_main_window(
    window: ctk.CTkToplevel, db: Database, key: str, settings_file: Path, today: date
) -> tuple[MainWindow, View]:
    """The main window showing screen `key`, with `today` as the app's date."""
    main = MainWindow(
        window, db, default_registry(), settings_file=settings_file, today=lambda: today
    )
    view = main.show_view(key)
    pump(window)
    return main, view


def open_held(
    window: ctk.CTkToplevel, db: Database, key: str, settings_file: Path, today: date
) -> tuple[MainWindow, View, HeldWorker]:
    """The main window switched to screen `key` while the background worker is held: the
    screen's background reads wait until the HeldWorker is released."""
    main, _first = open_main_window(window, db, "dashboard", settings_file, today)
    held = HeldWorker(main.tasks)
    view = main.show_view(key)
    pump(window)
    return main, view, held


def shown_error(main: MainWindow) -> str:
    """The message of the one error dialog shown (closed once read)."""
    [dialog] = main.errors.shown
    message = str(dialog.message_label.cget("text"))
    dialog.close()
    return message


def settle(view: View) -> None:
    """Wait until the background reads (a list's costs) have been delivered to the screens."""
    wait_until(view, lambda: not view.ctx.tasks.busy)


def delete_selected(view: View, table: DataTable, key: str, button: ctk.CTkButton) -> DeleteFlow:
    """Select a row, press Delete and confirm; returns the flow (its `offer` when refused)."""
    table.select([key])
    pump(view)
    button.invoke()
    pump(view)
    flow = getattr(view, "delete_flow", None)
    assert isinstance(flow, DeleteFlow) and flow.confirm is not None
    flow.confirm.confirm_button.invoke()
    pump(view)
    return flow


class HeldWorker:
    """Test work that keeps the app's one background worker busy until released: background
    reads started meanwhile wait behind it, and those started before it have finished once
    `started` is set (their results wait for the Tk event loop to be delivered)."""

    def __init__(self, tasks: TaskRunner) -> None:
        self.started, self._release = threading.Event(), threading.Event()
        tasks.run(self._hold, lambda _released: None, label="Held by the test")

    def release(self) -> None:
        self._release.set()

    def _hold(self, _progress: Progress) -> bool:
        self.started.set()
        return self._release.wait(10)
