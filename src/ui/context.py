"""What every view is given: the database, events, background work, status bar, file dialogs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol, TypeVar

from src.services.database import Database
from src.ui.errors import ErrorPresenter
from src.ui.events import EventBus
from src.ui.files import FileChooser, SystemFileChooser
from src.ui.tasks import Progress, ProgressUpdate, Task, TaskRunner

T = TypeVar("T")


class StatusSink(Protocol):
    def show_message(self, text: str) -> None: ...

    def show_progress(self, update: ProgressUpdate) -> None: ...


@dataclass(frozen=True)
class AppContext:
    db: Database
    bus: EventBus
    tasks: TaskRunner
    errors: ErrorPresenter
    status: StatusSink
    today: Callable[[], date] = field(default=date.today)  # tests pin the date
    files: FileChooser = field(default_factory=SystemFileChooser)  # tests answer with paths

    def publish(self, event_name: str, message: str = "") -> None:
        """After a change: tell the views, and the baker (status bar) what happened."""
        self.bus.publish(event_name)
        if message:
            self.status.show_message(message)

    def run_in_background(
        self, label: str, work: Callable[[Progress], T], on_done: Callable[[T], None]
    ) -> Task[T]:
        """Long work off the Tk thread, its progress in the status bar, errors shown as usual."""
        return self.tasks.run(
            work,
            on_done,
            label=label,
            on_error=self.errors.show,
            on_progress=self.status.show_progress,
        )
