"""Garbage collection tuned for a long-running desktop process.

Start-up leaves about 100,000 long-lived objects behind (SQLAlchemy's mappers and compiled
statements, the models, the widgets). CPython's full collection walks every one of them,
≈ 50–70 ms on a 2-core machine, and runs whenever enough new objects have survived, which a
plan calculation at scale caused every other run; its young collections, every 700 new
objects, added ≈ 20 ms more to each calculation. Freezing what start-up built keeps it out
of every later collection, and a larger young generation lets a calculation's short-lived
numbers die before anything has to be walked.

Bulk calculations (every recipe's cost, a plan) still make hundreds of thousands of
short-lived numbers after reading tens of thousands of rows that survive until they end; the
collections those numbers trigger walk the rows again and again and free nothing (refcounts
free the numbers; none of it forms cycles): 15–40 ms of a 300 ms list at scale. So such work
pauses collection, as the app's task runner does for all of its background work.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_GENERATION_SIZE = 10_000  # CPython's default is 700


def settle_after_start_up() -> None:
    """Call once start-up has built what lives as long as the process."""
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION_SIZE, middle, old)


_lock = threading.Lock()
_pauses = 0  # pause_collection calls not yet resumed
_enabled_before = True  # whether collection ran when the first of them came


def pause_collection() -> None:
    """No automatic collection until every pause is resumed (any thread may pause)."""
    global _pauses, _enabled_before
    with _lock:
        if _pauses == 0:
            _enabled_before = gc.isenabled()
            gc.disable()
        _pauses += 1


def resume_collection() -> None:
    """End one pause; the last one restores collection as it was before the first."""
    global _pauses
    with _lock:
        _pauses -= 1
        if _pauses == 0 and _enabled_before:
            gc.enable()


@contextmanager
def collection_paused() -> Iterator[None]:
    """pause_collection for the duration of a block (however it ends)."""
    pause_collection()
    try:
        yield
    finally:
        resume_collection()
