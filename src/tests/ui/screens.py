"""Opening one screen of the real main window over a test database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import customtkinter as ctk

from src.services.database import Database
from src.tests.ui.conftest import pump
from src.ui.main_window import MainWindow
from src.ui.view import View
from src.ui.views import default_registry

TODAY = date(2026, 12, 10)


def open_screen(window: ctk.CTkToplevel, db: Database, settings_file: Path, key: str) -> View:
    main = MainWindow(
        window, db, default_registry(), settings_file=settings_file, today=lambda: TODAY
    )
    view = main.show_view(key)
    pump(window)
    return view
