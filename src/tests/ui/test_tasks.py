import gc
import threading
import time

import customtkinter as ctk
import pytest

from src.services.errors import ValidationError
from src.tests.ui.conftest import pump
from src.ui.tasks import Progress, ProgressUpdate, TaskRunner


def _wait_until(root: ctk.CTk, condition: object, seconds: float = 5) -> None:
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:  # type: ignore[operator]
        pump(root, 20)
    assert condition(), "timed out"  # type: ignore[operator]


def test_the_result_arrives_on_the_tk_thread_while_the_ui_keeps_running(root: ctk.CTk) -> None:
    runner, release = TaskRunner(root, poll_ms=10), threading.Event()
    results: list[tuple[int, bool]] = []
    busy: list[str | None] = []
    runner.on_busy_change = busy.append

    def work(progress: Progress) -> int:
        release.wait(5)
        return 42

    runner.run(
        work,
        lambda value: results.append(
            (value, threading.current_thread() is threading.main_thread())
        ),
        label="Counting",
    )
    ticks: list[int] = []
    root.after(1, lambda: ticks.append(1))
    pump(root, 60)
    assert ticks == [1] and results == [] and runner.busy  # Tk ran while the work waited
    release.set()
    _wait_until(root, lambda: results)
    assert results == [(42, True)]
    assert busy == ["Counting", None]
    runner.shutdown()


def test_progress_reports_arrive_in_order(root: ctk.CTk) -> None:
    runner, seen = TaskRunner(root, poll_ms=10), []
    done: list[str] = []

    def work(progress: Progress) -> str:
        for step in range(3):
            progress.report((step + 1) / 3, f"step {step + 1}")
        return "ok"

    runner.run(work, done.append, on_progress=seen.append)
    _wait_until(root, lambda: done)
    assert [update.message for update in seen] == ["step 1", "step 2", "step 3"]
    assert seen[-1] == ProgressUpdate(1.0, "step 3")
    runner.shutdown()


def test_an_error_goes_to_on_error_on_the_tk_thread(root: ctk.CTk) -> None:
    runner, errors = TaskRunner(root, poll_ms=10), []

    def work(progress: Progress) -> None:
        raise ValidationError("The file is not a bake-tracker export.")

    runner.run(work, lambda _: None, on_error=errors.append)
    _wait_until(root, lambda: errors)
    assert str(errors[0]) == "The file is not a bake-tracker export."
    runner.shutdown()


def test_without_on_error_the_error_is_raised_into_the_tk_error_hook(
    root: ctk.CTk, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner, hooked = TaskRunner(root, poll_ms=10), []
    monkeypatch.setattr(root, "report_callback_exception", lambda *args: hooked.append(args[1]))

    def work(progress: Progress) -> None:
        raise ValidationError("bad")

    runner.run(work, lambda _: None)
    _wait_until(root, lambda: hooked)
    assert isinstance(hooked[0], ValidationError)
    assert not runner.busy
    runner.shutdown()


def test_a_cancelled_task_never_calls_back(root: ctk.CTk) -> None:
    runner, results = TaskRunner(root, poll_ms=10), []
    started, release = threading.Event(), threading.Event()
    saw_cancel: list[bool] = []

    def work(progress: Progress) -> int:
        started.set()
        release.wait(5)
        saw_cancel.append(progress.cancelled)
        return 1

    task = runner.run(work, results.append)
    assert started.wait(5)
    task.cancel()
    assert not runner.busy
    release.set()
    _wait_until(root, lambda: saw_cancel)
    pump(root, 50)
    assert results == [] and saw_cancel == [True]
    runner.shutdown()


def test_garbage_collection_pauses_while_work_runs_so_tk_objects_die_on_the_tk_thread(
    root: ctk.CTk,
) -> None:
    runner, release = TaskRunner(root, poll_ms=10), threading.Event()
    collecting: list[bool] = []
    task = runner.run(lambda _progress: collecting.append(gc.isenabled()) or release.wait(5), print)
    _wait_until(root, lambda: collecting)
    task.cancel()  # the baker no longer waits for it, but the worker still runs
    pump(root, 30)
    assert not gc.isenabled()
    release.set()
    _wait_until(root, gc.isenabled)
    assert collecting == [False]


def test_a_task_cancelled_while_it_waits_behind_other_work_never_starts(root: ctk.CTk) -> None:
    runner, release = TaskRunner(root, poll_ms=10), threading.Event()
    ran: list[str] = []
    runner.run(lambda _progress: release.wait(5) and ran.append("first"), print)
    superseded = runner.run(lambda _progress: ran.append("superseded"), print)
    runner.run(lambda _progress: ran.append("latest"), print)
    superseded.cancel()
    release.set()
    _wait_until(root, lambda: not runner.busy)
    assert ran == ["first", "latest"]
    _wait_until(root, gc.isenabled)  # the skipped work counts as ended
    runner.shutdown()
