"""Money arithmetic holds for any amount: two places, half up, nothing lost."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from buurtwerkkamer.core.money import CENT, format_eur, to_money

exact = st.decimals(min_value=-(10**9), max_value=10**9, places=2)
ragged = st.decimals(
    min_value=-(10**9), max_value=10**9, allow_nan=False, allow_infinity=False
)


@given(ragged)
def test_an_amount_rounds_to_two_places_at_most_half_a_cent_away(
    value: Decimal,
) -> None:
    money = to_money(value)

    assert money == money.quantize(CENT)
    assert abs(money - value) <= Decimal("0.005")


@given(ragged)
def test_rounding_twice_changes_nothing(value: Decimal) -> None:
    assert to_money(to_money(value)) == to_money(value)


@given(ragged)
def test_a_half_cent_rounds_away_from_zero_on_both_sides(value: Decimal) -> None:
    assert to_money(-value) == -to_money(value)


@given(st.lists(exact, max_size=50))
def test_a_sum_of_amounts_in_cents_is_exact(values: list[Decimal]) -> None:
    total = sum(values, Decimal("0.00"))

    assert to_money(total) == total
    assert int(total * 100) == sum(int(value * 100) for value in values)


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_a_float_sum_from_sqlite_comes_back_to_the_nearest_cent(value: float) -> None:
    # SQLite sums decimals as floats; to_money of their text gives the cents back.
    money = to_money(str(value))

    assert abs(money - Decimal(str(value))) <= Decimal("0.005")


@given(exact)
def test_the_shown_amount_has_its_sign_only_for_amounts_below_zero(
    value: Decimal,
) -> None:
    shown = format_eur(value)

    assert shown.startswith("-") == (value < 0)
    assert format_eur(-value).lstrip("-") == shown.lstrip("-")
    assert shown.endswith(f",{abs(value) % 1 * 100:02.0f}")
