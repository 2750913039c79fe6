"""A read too slow for the Tk thread (the costs of a long list), run in the background; each
read a view starts supersedes the one before, whose result is dropped (or which never runs,
when it still waits for the worker).

    self.costs = LatestRead(ctx.tasks)
    ...
    self.costs.start("Working out recipe costs", lambda: all_recipe_costs(db), self._costed,
                     self._not_costed)  # in refresh(), after showing the quick rows
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from src.ui.tasks import Task, TaskRunner

T = TypeVar("T")


class LatestRead:
    def __init__(self, tasks: TaskRunner) -> None:
        self._tasks = tasks
        self._task: Task[Any] | None = None

    def start(
        self,
        label: str,
        read: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run `read` on the worker (`label` in the status bar meanwhile); its result or error
        comes back to `on_done` or `on_error` on the Tk thread unless a newer read started."""
        if self._task is not None:
            self._task.cancel()  # what it finds is out of date
        self._task = self._tasks.run(
            lambda _progress: read(), on_done, label=label, on_error=on_error
        )
