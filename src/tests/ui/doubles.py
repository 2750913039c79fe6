"""What the File-menu tests share: a file chooser that answers with paths, waiting, dialogs."""

from __future__ import annotations

import time
import tkinter
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from src.services.database import PROJECT_ROOT
from src.tests.ui.conftest import pump
from src.ui.files import FileKind

D = TypeVar("D", bound=tkinter.Misc)
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"
V4_SAMPLE = SHARED_DATA / "bake_tracker_v4_sample.json"
V4_PRICES = SHARED_DATA / "bake_tracker_v4_prices.csv"


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
