"""The Events screen in a real main window over the worked example (DOMAIN.md)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import customtkinter as ctk
import pytest

from src.models import OutputMode
from src.services.database import Database
from src.services.event_demand import select_recipes, set_demand
from src.services.events import EventFields, create_event
from src.tests.ui.conftest import pump, screenshot
from src.tests.ui.doubles import AnsweringFiles
from src.tests.worked_example import WorkedExample, build_worked_example
from src.ui.main_window import MainWindow
from src.ui.views import default_registry
from src.ui.views.events.screen import EventsView

TODAY = date(2026, 11, 15)


@pytest.fixture
def example(db: Database) -> WorkedExample:
    with db.transaction() as s:
        return build_worked_example(s)


@pytest.fixture
def files() -> AnsweringFiles:
    """The file dialogs: a test adds the paths the baker will choose."""
    return AnsweringFiles()


@pytest.fixture
def main(
    window: ctk.CTkToplevel, db: Database, example: WorkedExample, settings_file: Path,
    files: AnsweringFiles,
) -> MainWindow:  # fmt: skip
    window.geometry("1200x780+0+0")
    main = MainWindow(window, db, default_registry(), settings_file=settings_file,
                      today=lambda: TODAY, files=files)  # fmt: skip
    pump(window)
    return main


@pytest.fixture
def screen(main: MainWindow) -> EventsView:
    view = main.show_view("events")
    assert isinstance(view, EventsView)
    pump(view)
    return view


def wait_until(
    widget: ctk.CTkBaseClass, condition: Callable[[], bool], seconds: float = 10
) -> None:
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        pump(widget, 20)
    assert condition(), "timed out"


@pytest.fixture
def planned(db: Database, example: WorkedExample) -> str:
    """The worked example's event through the services: 20 holiday tins, both recipes."""
    event = create_event(
        db, EventFields("Christmas 2026", date(2026, 12, 20), output_mode=OutputMode.BUNDLED)
    )
    select_recipes(db, event.slug, ["sugar-cookies", "gingerbread"])
    set_demand(db, event.slug, "holiday-tin", 20)
    return event.slug


def photo(widget: ctk.CTkBaseClass, name: str) -> None:
    """A screenshot once a switched tab has hidden the previous one (CTkTabview waits 100 ms)."""
    pump(widget, 150)
    screenshot(widget, name)
