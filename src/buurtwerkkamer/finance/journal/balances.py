"""The trial balance of a period: per ledger account what was debited and
credited. Read with three aggregate queries, whatever the number of records, and
equal to the totals of the journal's lines (the tests hold them side by side)."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce

from buurtwerkkamer.core.money import to_money

from ..constants import TransferStatus
from ..models import Expense, FixedCost, Transfer
from .entries import Entry, lines_of, paid_costs
from .ledger import (
    BANK,
    CHART,
    CREDIT,
    CREDITORS,
    DEBIT,
    FIXED_COSTS,
    PETTY_CASH,
    PETTY_CASH_COSTS,
    Account,
)

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Balance:
    account: Account
    debit: Decimal
    credit: Decimal

    @property
    def balance(self) -> Decimal:
        """Debit minus credit: a credit balance is negative."""
        return self.debit - self.credit


class _Totals:
    def __init__(self) -> None:
        self.sides: dict[tuple[str, str], Decimal] = {}

    def add(self, account: Account, side: str, amount: Any) -> None:
        key = (account.number, side)
        # SQLite adds decimals as floating point: every sum back to cents.
        self.sides[key] = self.sides.get(key, ZERO) + to_money(amount or ZERO)

    def pair(self, debit: Account, credit: Account, amount: Any) -> None:
        self.add(debit, DEBIT, amount)
        self.add(credit, CREDIT, amount)

    def balances(self) -> list[Balance]:
        return [
            Balance(
                account,
                self.sides.get((account.number, DEBIT), ZERO),
                self.sides.get((account.number, CREDIT), ZERO),
            )
            for account in CHART
        ]


def trial_balance(start: date, end: date) -> list[Balance]:
    """Every account of the chart with its debit and credit from `start` to
    `end`, booked as `entries.journal` books them."""
    totals = _Totals()
    sent = Transfer.objects.filter(
        status=TransferStatus.EXPORTED,
        batch__execution_date__gte=start,
        batch__execution_date__lte=end,
    ).aggregate(total=_sum("amount"))
    totals.pair(PETTY_CASH, BANK, sent["total"])
    paid = paid_costs(start, end).aggregate(total=_sum("amount"))
    totals.pair(CREDITORS, BANK, -paid["total"])
    for row in _per_category(
        Expense.objects.filter(spent_on__gte=start, spent_on__lte=end),
        spent=_sum("amount", refund_of__isnull=True),
        back=_sum("amount", refund_of__isnull=False),
    ):
        cost = PETTY_CASH_COSTS[row["category"]]
        totals.pair(cost, PETTY_CASH, row["spent"])
        totals.pair(PETTY_CASH, cost, row["back"])
    for row in _per_category(
        FixedCost.objects.filter(month__gte=start, month__lte=end),
        booked=_sum("amount"),
        reversed=_sum("correction_of__amount"),
    ):
        cost = FIXED_COSTS[row["category"]]
        totals.pair(cost, CREDITORS, row["booked"])
        totals.pair(CREDITORS, cost, row["reversed"])
    return totals.balances()


def _per_category(records: Any, **sums: Any) -> Iterable[dict[str, Any]]:
    return records.order_by().values("category").annotate(**sums)


def _sum(field: str, **conditions: Any) -> Coalesce:
    condition = Q(**conditions) if conditions else None
    return Coalesce(Sum(field, filter=condition), ZERO)


def balances_of(entries: Iterable[Entry]) -> list[Balance]:
    """The same table from the journal's lines."""
    totals = _Totals()
    for _entry, line in lines_of(entries):
        totals.add(line.account, line.side, line.amount)
    return totals.balances()


def totals(balances: Iterable[Balance]) -> tuple[Decimal, Decimal]:
    """Total debit and total credit: equal when the books balance."""
    rows = list(balances)
    return sum((row.debit for row in rows), ZERO), sum(
        (row.credit for row in rows), ZERO
    )
