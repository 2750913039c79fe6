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


@pytest.mark.parametrize(
    ("noun", "many"),
    [("cookie", "cookies"), ("gingerbread man", "gingerbread men"), ("loaf", "loaves"),
     ("brownie", "brownies"), ("pastry", "pastries"), ("box", "boxes"), ("tray", "trays")],
)  # fmt: skip
def test_plural_names_read_as_a_baker_writes_them(noun: str, many: str) -> None:
    assert plural(noun) == many


def test_yields_and_counts_read_as_words() -> None:
    assert format_yield(Decimal(36), "Sugar cookie") == "36 sugar cookies per batch"
    assert format_yield(Decimal("0.5"), "Layer cake") == "0.5 layer cake per batch"
    assert format_items(1, "Tin") == "1 tin"
    assert format_items(6, "Gingerbread man") == "6 gingerbread men"


def test_progress_reads_as_a_percent_or_a_dash() -> None:
    from src.services.formatting import format_percent

    assert (format_percent(45), format_percent(0), format_percent(None)) == ("45%", "0%", "—")


def test_names_are_counted_and_pluralised() -> None:
    assert format_items(8, "Gingerbread man") == "8 gingerbread men"
    assert format_items(1, "Sugar cookie") == "1 sugar cookie"
    assert plural("Brownie") == "brownies"
    assert plural("Cherry pie") == "cherry pies"
    assert plural("Tart with cherry") == "tart with cherries"
    assert plural("Peach") == "peaches"
