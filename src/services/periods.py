"""The periods a report can cover, as date bounds: pure date arithmetic, no database."""

from __future__ import annotations

from datetime import date
from enum import Enum


class Period(Enum):
    LAST_12_MONTHS = "Last 12 months"
    THIS_YEAR = "This year"
    LAST_YEAR = "Last year"
    ALL_TIME = "All time"


def period_bounds(period: Period, today: date) -> tuple[date | None, date]:
    """The first and last day (inclusive) `period` covers; the first is None for all time.

    "Last 12 months" is whole calendar months, this one included, so a chart by month shows
    twelve bars rather than two partial months at its ends.
    """
    if period is Period.LAST_12_MONTHS:
        months_back = today.year * 12 + today.month - 1 - 11
        return date(months_back // 12, months_back % 12 + 1, 1), today
    if period is Period.THIS_YEAR:
        return date(today.year, 1, 1), today
    if period is Period.LAST_YEAR:
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    return None, today
