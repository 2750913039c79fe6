"""Timing and SQL statement counting for benchmark operations."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, event


@dataclass(frozen=True)
class Measurement:
    name: str
    median_ms: float
    statements: int | None  # SQL statements of one run (None: not applicable)
    rows: int | None = None  # rows handled by one run, for rows-per-second figures
    target: str = ""

    @property
    def rows_per_second(self) -> float | None:
        if not self.rows or not self.median_ms:
            return None
        return self.rows / (self.median_ms / 1000)

    def as_json(self) -> dict[str, Any]:
        return {
            "operation": self.name,
            "median_ms": round(self.median_ms, 2),
            "statements": self.statements,
            "rows": self.rows,
            "rows_per_second": None
            if self.rows_per_second is None
            else round(self.rows_per_second),
            "target": self.target,
        }


@contextmanager
def counting(engine: Engine) -> Iterator[list[str]]:
    """Every SQL statement the engine sends while the block runs."""
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def measure(
    name: str,
    action: Callable[[], object],
    engine: Engine | None,
    repeat: int,
    *,
    rows: int | None = None,
    target: str = "",
) -> Measurement:
    """Median wall time of `repeat` runs of `action`, and the statements of its first run."""
    times, statements = [], None
    for attempt in range(repeat):
        if engine is not None and attempt == 0:
            with counting(engine) as seen:
                times.append(_timed(action))
            statements = len(seen)
        else:
            times.append(_timed(action))
    return Measurement(name, statistics.median(times) * 1000, statements, rows, target)


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start
