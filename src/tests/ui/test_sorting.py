from datetime import date, datetime
from decimal import Decimal

from src.ui.widgets.sorting import sort_key


def test_numbers_sort_by_value_across_int_and_decimal() -> None:
    values = [Decimal("10.5"), 9, Decimal("100"), Decimal("-1")]
    assert sorted(values, key=sort_key) == [Decimal("-1"), 9, Decimal("10.5"), Decimal("100")]


def test_text_sorts_naturally_and_ignores_case() -> None:
    values = ["event 10", "Event 2", "apple"]
    assert sorted(values, key=sort_key) == ["apple", "Event 2", "event 10"]


def test_blanks_sort_last_and_dates_by_day() -> None:
    values = [None, date(2026, 12, 20), "", date(2026, 1, 1)]
    assert sorted(values, key=sort_key)[:2] == [date(2026, 1, 1), date(2026, 12, 20)]


def test_date_times_sort_by_day_and_time_of_day() -> None:
    values = [datetime(2026, 11, 2, 9, 30), datetime(2026, 11, 1, 23, 0), datetime(2026, 11, 2, 8)]
    assert sorted(values, key=sort_key) == [values[1], values[2], values[0]]
