"""Opening one screen of the real main window over a test database, for the screen tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import customtkinter as ctk

from src.services.database import Database
from src.tests.ui.conftest import pump
from src.ui.editors.removal import DeleteFlow
from src.ui.main_window import MainWindow
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
