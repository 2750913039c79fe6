import time
from datetime import date, datetime
from decimal import Decimal

import pytest

from src.services.formatting import (
    format_count,
    format_date,
    format_days_until,
    format_items,
    format_timestamp,
    format_yield,
    humanize,
    local_time,
    plural,
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

    (format_items,)
    (format_timestamp,)
    (format_yield,)
    (humanize,)
    (local_time,)
    (plural,)
    (stored_time,)
