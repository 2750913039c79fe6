from datetime import date, datetime
from decimal import Decimal

import pytest

from src.services.errors import ValidationError
from src.ui.validation import (
    optional,
    parse_date,
    parse_datetime,
    parse_decimal,
    parse_money,
    parse_whole_number,
    required_text,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2.5", Decimal("2.5")),
        (" 3 ", Decimal("3")),
        ("1 1/2", Decimal("1.5")),
        ("3/4", Decimal("0.75")),
        ("½", Decimal("0.5")),
        ("1½", Decimal("1.5")),
        ("1,250", Decimal("1250")),
    ],
)
def test_quantities_accept_decimals_and_kitchen_fractions(text: str, value: Decimal) -> None:
    assert parse_decimal("Quantity", text) == value


@pytest.mark.parametrize("text", ["abc", "1,5", "2..5", "1/0", "NaN", "Infinity"])
def test_a_non_number_says_what_to_type(text: str) -> None:
    with pytest.raises(ValidationError, match=r"^Quantity must be a number, e\.g\. 2\.5\.$"):
        parse_decimal("Quantity", text)


def test_blank_required_and_out_of_range_values_are_refused_with_the_field_name() -> None:
    with pytest.raises(ValidationError, match="Quantity is required"):
        parse_decimal("Quantity", "  ")
    with pytest.raises(ValidationError, match="Batches must be more than 0"):
        parse_decimal("Batches", "0", positive=True)
    with pytest.raises(ValidationError, match="Price cannot be negative"):
        parse_money("Price", "-1")
    with pytest.raises(ValidationError, match="Name is required"):
        required_text("Name", "")


def test_whole_numbers_and_money() -> None:
    assert parse_whole_number("Tins", "20") == 20
    with pytest.raises(ValidationError, match=r"Tins must be a whole number, e\.g\. 12"):
        parse_whole_number("Tins", "2.5")
    assert parse_money("Price", "$4.99") == Decimal("4.99")


@pytest.mark.parametrize("text", ["2026-12-20", "12/20/2026", "Dec 20, 2026", "December 20, 2026"])
def test_dates_in_common_spellings(text: str) -> None:
    assert parse_date("Date", text) == date(2026, 12, 20)


def test_a_bad_date_shows_an_example_and_optional_fields_accept_blank() -> None:
    with pytest.raises(ValidationError, match=r"Date must be a date, e\.g\. 2026-12-20\."):
        parse_date("Date", "20.12.")
    assert optional(parse_date)("Expires", " ") is None
    assert optional(parse_date)("Expires", "2026-01-02") == date(2026, 1, 2)


@pytest.mark.parametrize(
    "text",
    ["2026-12-20 14:30", "12/20/2026 2:30 PM", "Dec 20, 2026, 2:30 pm", "Dec 20 2026 2:30PM"],
)
def test_dates_with_times_in_kitchen_formats(text: str) -> None:
    assert parse_datetime("When", text) == datetime(2026, 12, 20, 14, 30)


def test_a_date_alone_means_noon_and_nonsense_says_how_to_write_it() -> None:
    assert parse_datetime("When", "2026-12-20") == datetime(2026, 12, 20, 12, 0)
    with pytest.raises(ValidationError, match=r"e\.g\. 2026-12-20 14:30"):
        parse_datetime("When", "next Tuesday")
