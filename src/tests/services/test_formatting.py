import time
from datetime import date, datetime

import pytest

from src.services.formatting import (
    format_count,
    format_date,
    format_days_until,
    format_timestamp,
    humanize,
    local_time,
    stored_time,
)


def test_counts_dates_and_enum_values_read_as_words() -> None:
    assert format_count(1250) == "1,250"
    assert format_date(date(2026, 12, 20)) == "Dec 20, 2026"
    assert humanize("in_production") == "In production"


@pytest.mark.parametrize(
    ("day", "text"),
    [(20, "today"), (21, "tomorrow"), (19, "yesterday"), (30, "in 10 days"), (17, "3 days ago")],
)
def test_days_until_says_how_far_away_a_date_is(day: int, text: str) -> None:
    assert format_days_until(date(2026, 12, day), date(2026, 12, 20)) == text


def test_stored_times_read_in_local_time_and_round_trip(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        stored = datetime(2026, 12, 20, 19, 5)  # UTC
        assert local_time(stored) == datetime(2026, 12, 20, 14, 5)
        assert format_timestamp(stored) == "Dec 20, 2026, 2:05 PM"
        assert stored_time(local_time(stored)) == stored
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
