"""What the File-menu tests share: a file chooser that answers with paths, waiting, dialogs."""

from __future__ import annotations

import time
import tkinter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

import customtkinter as ctk

from src.services.database import PROJECT_ROOT, Database
from src.tests.ui.conftest import pump
from src.ui.files import FileKind
from src.ui.main_window import MainWindow
from src.ui.views import default_registry
from src.ui.views.dashboard import DashboardView

D = TypeVar("D", bound=tkinter.Misc)
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"
V4_SAMPLE = SHARED_DATA / "bake_tracker_v4_sample.json"
V4_PRICES = SHARED_DATA / "bake_tracker_v4_prices.csv"
TODAY = date(2026, 11, 15)


class AnsweringFiles:
    """A FileChooser for tests: each question takes the next answer (None: the baker cancels)."""

    def __init__(self, *answers: Path | None) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []

    def open(self, parent: tkinter.Misc, kind: FileKind) -> Path | None:
        self.asked.append(f"open {kind.title}")
        return self.answers.pop(0)

    def save(self, parent: tkinter.Misc, kind: FileKind, suggested_name: str) -> Path | None:
        self.asked.append(f"save {suggested_name}")
        return self.answers.pop(0)


def wait_until(widget: tkinter.Misc, condition: Callable[[], bool], seconds: float = 30) -> None:
    """Run the Tk event loop until `condition` holds (background work delivers through it)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for the background work"
        pump(widget, 20)


def open_dialog(owner: tkinter.Misc, kind: type[D]) -> D:
    """The one open dialog of `kind` whose parent is `owner`."""
    pump(owner)
    found = [w for w in owner.winfo_children() if isinstance(w, kind) and w.winfo_exists()]
    assert len(found) == 1, f"expected one open {kind.__name__}, found {len(found)}"
    return found[0]


def open_main(
    window: ctk.CTkToplevel, db: Database, settings_file: Path, files: AnsweringFiles
) -> MainWindow:
    """The main window on `db`, its file dialogs answered by `files`."""
    main = MainWindow(
        window,
        db,
        default_registry(),
        settings_file=settings_file,
        today=lambda: TODAY,
        files=files,
    )
    pump(window)
    return main


def dashboard_counts(main: MainWindow) -> list[str]:
    """The dashboard's cards as the baker reads them: ingredients, recipes, events."""
    view = main.views["dashboard"]
    assert isinstance(view, DashboardView)
    return [label.cget("text") for label in view.counts.values()]


def finish(main: MainWindow) -> None:
    """Wait for the background work to be delivered."""
    wait_until(main, lambda: not main.tasks.busy)
