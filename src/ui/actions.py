"""What the first-run welcome can do, each backed by a service.

A choice with `run` does its work off the Tk thread (it gets the database and a Progress and
returns a message for the status bar). "Start empty" needs no service. When the demo-season
loader and the bake-tracker importer services land, add their choices in `first_run_choices`.
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


START_EMPTY = FirstRunChoice(
    "start-empty",
    "Start empty",
    "Begin with a blank pantry and add your own ingredients and recipes.",
)


def first_run_choices() -> list[FirstRunChoice]:
    """The welcome's buttons, in order. Only choices whose service exists are offered."""
    return [START_EMPTY]
