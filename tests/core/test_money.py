from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from buurtwerkkamer.core.money import format_eur


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (Decimal("0"), "EUR 0,00"),
        (Decimal("250"), "EUR 250,00"),
        (Decimal("1234.56"), "EUR 1.234,56"),
        (Decimal("-1234567.8"), "-EUR 1.234.567,80"),
        (Decimal("0.005"), "EUR 0,01"),
    ],
)
def test_amounts_read_the_dutch_way(amount: Decimal, shown: str) -> None:
    assert format_eur(amount) == shown


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2))
def test_the_shown_amount_reads_back_to_the_same_cents(amount: Decimal) -> None:
    shown = format_eur(amount)
    digits = shown.replace("EUR ", "").replace(".", "").replace(",", ".")
    assert Decimal(digits) == amount
