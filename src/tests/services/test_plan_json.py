from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from src.services.plan_json import dec_str


def _normalized(value: Decimal | int) -> str:
    """What dec_str promises, the long way: normalized (28 digits), written without exponent."""
    text = format(Decimal(value).normalize(), "f")
    return "0" if text in ("-0", "0") else text


def test_plain_numbers_lose_their_trailing_zeros_and_never_show_an_exponent() -> None:
    assert dec_str(Decimal("4812.500")) == "4812.5"
    assert dec_str(Decimal("2.4E+2")) == "240"
    assert dec_str(Decimal("1E-7")) == "0.0000001"
    assert dec_str(Decimal("-0.000")) == "0"
    assert dec_str(Decimal("100")) == "100"
    assert dec_str(12) == "12"
    # More than 28 digits: rounded to 28, as normalize does.
    assert dec_str(Decimal("12345678901234567890123456789")) == "12345678901234567890123456790"


@given(st.one_of(st.decimals(allow_nan=False, allow_infinity=False), st.integers()))
def test_every_number_reads_as_its_normalized_form(value: Decimal | int) -> None:
    assert dec_str(value) == _normalized(value)
