"""Long work off the Tk thread: a worker thread, a queue polled with after(), results on Tk.

    runner.run(lambda progress: export_all(db, path, progress), on_done=show_saved)

The work gets a Progress it may report to (and check for cancellation); on_done receives the
result on the Tk thread. An error goes to on_error, or, without one, is re-raised on the Tk
thread so the application's error hook shows it like any other.

While work runs, automatic garbage collection is paused: a collection the worker happened to
start would finalize unreachable Tk objects (a closed dialog's fonts) on the worker thread,
and tkinter's finalizers call Tcl, which hangs off the Tk thread.
"""

from __future__ import annotations

import queue
import threading
import tkinter
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from src.garbage_collection import pause_collection, resume_collection

T = TypeVar("T")
POLL_MS = 40


@dataclass(frozen=True)
class ProgressUpdate:
    fraction: float | None  # None: indeterminate
    message: str


class Progress:
    """Handed to the work function: report how far it got; check whether it should stop."""

    def __init__(self, updates: queue.Queue[tuple[Task[Any], object]], task: Task[Any]) -> None:
        self._updates = updates
        self._task = task

    def report(self, fraction: float | None, message: str = "") -> None:
        self._updates.put((self._task, ProgressUpdate(fraction, message)))

    @property
    def cancelled(self) -> bool:
        return self._task.cancelled


@dataclass(eq=False)
class Task(Generic[T]):
    """One piece of background work. cancel() stops its callbacks from ever running (and its
    work from starting, when it still waits behind other work)."""

    label: str
    on_done: Callable[[T], None]
    on_error: Callable[[BaseException], object] | None
    on_progress: Callable[[ProgressUpdate], None] | None
    _cancel: threading.Event = field(default_factory=threading.Event)
    _on_cancel: Callable[[], None] | None = None

    def cancel(self) -> None:
        """Stop delivering this task's results (call on the Tk thread); the work may check it."""
        self._cancel.set()
        if self._on_cancel is not None:
            self._on_cancel()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class TaskRunner:
    """Runs work on one worker thread and delivers its outcome through after() polling."""

    def __init__(self, widget: tkinter.Misc, poll_ms: int = POLL_MS) -> None:
        self._widget = widget
        self._poll_ms = poll_ms
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bake-tracker-task")
        self._updates: queue.Queue[tuple[Task[Any], object]] = queue.Queue()
        self._active: list[Task[Any]] = []
        self._poll_id: str | None = None
        self._running = 0  # work submitted and not yet ended
        # Told the label of the latest running task, or None when all work is done.
        self.on_busy_change: Callable[[str | None], None] | None = None

    @property
    def busy(self) -> bool:
        return bool(self._active)

    def run(
        self,
        work: Callable[[Progress], T],
        on_done: Callable[[T], None],
        *,
        label: str = "Working",
        on_error: Callable[[BaseException], object] | None = None,
        on_progress: Callable[[ProgressUpdate], None] | None = None,
    ) -> Task[T]:
        task: Task[T] = Task(label, on_done, on_error, on_progress)
        self._work_started()
        future = self._executor.submit(work, Progress(self._updates, task))
        task._on_cancel = lambda: self._cancelled(task, future)
        future.add_done_callback(lambda finished: self._updates.put((task, finished)))
        self._active.append(task)
        self._notify_busy()
        self._schedule_poll()
        return task

    def shutdown(self) -> None:
        """Cancel everything and stop polling (the window is closing)."""
        for task in list(self._active):
            task.cancel()
        if self._poll_id is not None:
            self._widget.after_cancel(self._poll_id)
            self._poll_id = None
        self._executor.shutdown(wait=False, cancel_futures=True)
        if self._running:
            self._running = 0
            resume_collection()

    def _schedule_poll(self) -> None:
        if self._poll_id is None:
            self._poll_id = self._widget.after(self._poll_ms, self._poll)

    def _poll(self) -> None:
        self._poll_id = None
        try:
            while True:
                try:
                    task, message = self._updates.get_nowait()
                except queue.Empty:
                    return
                if isinstance(message, Future):  # the work ended (cancelled or not)
                    self._work_ended()
                self._deliver(task, message)
        finally:
            # Also after a re-raised error: the other tasks' messages still get delivered.
            if self._active or self._running or not self._updates.empty():
                self._schedule_poll()

    def _deliver(self, task: Task[Any], message: object) -> None:
        if task.cancelled:
            self._finish(task)
        elif isinstance(message, ProgressUpdate):
            if task.on_progress is not None:
                task.on_progress(message)
        elif isinstance(message, Future):
            self._finish(task)
            self._complete(task, message)

    def _complete(self, task: Task[Any], future: Future[Any]) -> None:
        error = future.exception()
        if error is None:
            task.on_done(future.result())
        elif task.on_error is not None:
            task.on_error(error)
        else:
            raise error

    def _cancelled(self, task: Task[Any], future: Future[Any]) -> None:
        future.cancel()  # only work that has not started yet: it never starts (superseded)
        self._finish(task)

    def _finish(self, task: Task[Any]) -> None:
        if task in self._active:
            self._active.remove(task)
            self._notify_busy()

    def _work_started(self) -> None:
        if self._running == 0:
            pause_collection()
        self._running += 1

    def _work_ended(self) -> None:
        self._running -= 1
        if self._running == 0:
            resume_collection()  # the next collection runs here, on the Tk thread

    def _notify_busy(self) -> None:
        if self.on_busy_change is not None:
            self.on_busy_change(self._active[-1].label if self._active else None)
