"""What the first-run welcome can do, each backed by a service.

A choice with `run` does its work off the Tk thread (it gets the database and a Progress and
returns a message for the status bar). A choice with `start` first asks the baker something
(a file, say) and then does its own background work, as the File menu does. "Start empty"
needs neither. When the demo-season loader lands, add its choice (with `run`) here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from src.services.database import Database
from src.ui.tasks import Progress


@dataclass(frozen=True)
class FirstRunChoice:
    key: str
    title: str
    description: str
    run: Callable[[Database, Progress], str] | None = None
    start: Callable[[], None] | None = None


START_EMPTY = FirstRunChoice(
    "start-empty",
    "Start empty",
    "Begin with a blank pantry and add your own ingredients and recipes.",
)


def first_run_choices(import_bake_tracker: Callable[[], None]) -> list[FirstRunChoice]:
    """The welcome's buttons, in order. Only choices whose service exists are offered.

    `import_bake_tracker` opens the bake-tracker import (the File menu's DataActions).
    """
    return [
        FirstRunChoice(
            "bake-tracker",
            "Import from bake-tracker",
            "Move over from bake-tracker 4: your pantry, recipes, recipients and events, "
            "with purchase prices from its price list.",
            start=import_bake_tracker,
        ),
        START_EMPTY,
    ]
