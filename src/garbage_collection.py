"""Garbage collection tuned for a long-running desktop process.

Start-up leaves about 100,000 long-lived objects behind (SQLAlchemy's mappers and compiled
statements, the models, the widgets). CPython's full collection walks every one of them,
≈ 50–70 ms on a 2-core machine, and runs whenever enough new objects have survived, which a
plan calculation at scale caused every other run; its young collections, every 700 new
objects, added ≈ 20 ms more to each calculation. Freezing what start-up built keeps it out
of every later collection, and a larger young generation lets a calculation's short-lived
numbers die before anything has to be walked.
"""

from __future__ import annotations

import gc

YOUNG_GENERATION_SIZE = 10_000  # CPython's default is 700


def settle_after_start_up() -> None:
    """Call once start-up has built what lives as long as the process."""
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION_SIZE, middle, old)
