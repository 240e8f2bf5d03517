"""Money is Decimal with two places, never float, and reads the Dutch way."""

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def to_money(value: Decimal | int | str) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def format_eur(value: Decimal | int | str | None) -> str:
    """EUR 1.234,56: a dot between thousands, a comma before the cents."""
    if value is None:
        return ""
    amount = to_money(value)
    sign = "-" if amount < 0 else ""
    whole, cents = f"{abs(amount):.2f}".split(".")
    groups: list[str] = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{sign}EUR {'.'.join(groups)},{cents}"
