"""What the first-run welcome can do, each backed by a service.

A choice with `run` does its work off the Tk thread (it gets the database and a Progress and
returns a message for the status bar). A choice with `start` first asks the baker something
(a file, say) and then does its own background work, as the File menu does. "Start empty"
needs neither.
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


def load_demo(db: Database, progress: Progress) -> str:
    """Load the demo season (about a second of work) and say so."""
    # Imported here: the loader pulls in every service, which start-up does not need.
    from src.services.demo_season import load_demo_season

    progress.report(None, "Setting out the demo season…")
    summary = load_demo_season(db)
    return f"Loaded the demo season '{summary.title}'."


DEMO_SEASON = FirstRunChoice(
    "demo",
    "Load the demo season",
    "Explore a real season first: Thanksgiving pies in production, Christmas cookie tins "
    "planned, with a stocked pantry, recipes and recipients.",
    run=load_demo,
)


def first_run_choices(import_bake_tracker: Callable[[], None]) -> list[FirstRunChoice]:
    """The welcome's buttons, in order. Only choices whose service exists are offered.

    `import_bake_tracker` opens the bake-tracker import (the File menu's DataActions).
    """
    return [
        DEMO_SEASON,
        FirstRunChoice(
            "bake-tracker",
            "Import from bake-tracker",
            "Move over from bake-tracker 4: your pantry, recipes, recipients and events, "
            "with purchase prices from its price list.",
            start=import_bake_tracker,
        ),
        START_EMPTY,
    ]
