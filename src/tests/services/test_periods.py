"""Report periods: the date bounds each choice covers."""

from __future__ import annotations

from datetime import date

import pytest

from src.services.periods import Period, period_bounds

LAST_12, THIS_YEAR, LAST_YEAR = Period.LAST_12_MONTHS, Period.THIS_YEAR, Period.LAST_YEAR


@pytest.mark.parametrize(
    ("period", "today", "start", "end"),
    [
        (LAST_12, date(2026, 11, 22), date(2025, 12, 1), date(2026, 11, 22)),
        (LAST_12, date(2026, 12, 31), date(2026, 1, 1), date(2026, 12, 31)),
        (LAST_12, date(2027, 1, 1), date(2026, 2, 1), date(2027, 1, 1)),
        (THIS_YEAR, date(2026, 11, 22), date(2026, 1, 1), date(2026, 11, 22)),
        (THIS_YEAR, date(2027, 1, 1), date(2027, 1, 1), date(2027, 1, 1)),
        (LAST_YEAR, date(2026, 11, 22), date(2025, 1, 1), date(2025, 12, 31)),
        (LAST_YEAR, date(2027, 1, 1), date(2026, 1, 1), date(2026, 12, 31)),
        (Period.ALL_TIME, date(2026, 11, 22), None, date(2026, 11, 22)),
    ],
    ids=[
        "last 12 months are whole months ending today",
        "last 12 months in December start in January",
        "last 12 months on New Year's Day start last February",
        "this year runs from January 1 to today",
        "this year on New Year's Day is that one day",
        "last year is the whole previous calendar year",
        "last year on New Year's Day is the year that just ended",
        "all time has no start and ends today",
    ],
)
def test_a_period_covers_these_days(
    period: Period, today: date, start: date | None, end: date
) -> None:
    assert period_bounds(period, today) == (start, end)
