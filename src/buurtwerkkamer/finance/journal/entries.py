"""The journal of a period, built from the finance records: every booking a
balanced entry of debit and credit lines, amounts exact to the cent.

- A transfer sent to a room (its payment batch exported): petty cash debit, the
  cooperative's bank credit, on the batch's execution date.
- A petty-cash expense: its category's cost account debit, petty cash credit; a
  refund the reverse.
- A fixed cost: its category's cost account debit, creditors credit. A
  correction replaces the amount of what it corrects, so its entry reverses that
  booking and books the corrected amount, dated in the correction's month.
- A fixed cost paid: the bank debit matched to it on the cooperative's
  statement, creditors debit and bank credit, on the booking date.

Each kind is read with one query, whatever the number of records."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from itertools import count
from typing import Any

from django.db.models import F
from django.utils.translation import gettext as _

from buurtwerkkamer.core.money import to_money

from ..constants import TransferStatus
from ..models import BankTransaction, Expense, FixedCost, Transfer
from .ledger import (
    BANK,
    BANK_JOURNAL,
    CASH_JOURNAL,
    CREDIT,
    CREDITORS,
    DEBIT,
    FIXED_COSTS,
    JOURNALS,
    PETTY_CASH,
    PETTY_CASH_COSTS,
    PURCHASE_JOURNAL,
    Account,
    Journal,
)

ZERO = Decimal("0.00")
Row = Mapping[str, Any]


@dataclass(frozen=True)
class Line:
    account: Account
    side: str
    amount: Decimal
    description: str
    document: str
    room_code: str = ""
    room_name: str = ""
    supplier: str = ""
    invoice: str = ""


@dataclass(frozen=True)
class Entry:
    """One transaction of the journal: its lines debit and credit the same."""

    journal: Journal
    day: date
    description: str
    lines: tuple[Line, ...]
    number: str = ""

    def total(self, side: str) -> Decimal:
        return sum((line.amount for line in self.lines if line.side == side), ZERO)

    @property
    def balanced(self) -> bool:
        return self.total(DEBIT) == self.total(CREDIT)


def year_range(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def journal(start: date, end: date) -> list[Entry]:
    """Every entry dated from `start` to `end`, numbered per journal in date
    order. Four queries."""
    entries = [
        *(transfer_entry(row) for row in _transfers(start, end)),
        *(payment_entry(row) for row in _payments(start, end)),
        *(expense_entry(row) for row in _expenses(start, end)),
        *(fixed_cost_entry(row) for row in _fixed_costs(start, end)),
    ]
    return numbered(entries)


def numbered(entries: Iterable[Entry]) -> list[Entry]:
    """The entries in journal and date order, numbered from 1 in each journal.
    The sort is stable: entries of one day keep the order they came in."""
    order = {journal.code: position for position, journal in enumerate(JOURNALS)}
    ordered = sorted(entries, key=lambda entry: (order[entry.journal.code], entry.day))
    counters = {journal.code: count(1) for journal in JOURNALS}
    return [
        replace(entry, number=f"{next(counters[entry.journal.code]):06d}")
        for entry in ordered
    ]


def lines_of(entries: Iterable[Entry]) -> Iterable[tuple[Entry, Line]]:
    for entry in entries:
        for line in entry.lines:
            yield entry, line


# The records, one query each; ordered so that the numbering is the same every
# time for the same records.


def _transfers(start: date, end: date) -> Iterable[Row]:
    return (
        Transfer.objects.filter(
            status=TransferStatus.EXPORTED,
            batch__execution_date__gte=start,
            batch__execution_date__lte=end,
        )
        .order_by("batch__execution_date", "pk")
        .values(
            "amount",
            "month",
            "end_to_end_id",
            day=F("batch__execution_date"),
            room_code=F("room__slug"),
            room_name=F("room__name"),
        )
    )


def paid_costs(start: date, end: date) -> Any:
    """The cooperative's bank debits matched to a fixed cost in the period."""
    return BankTransaction.objects.filter(
        room__isnull=True,
        fixed_cost__isnull=False,
        booking_date__gte=start,
        booking_date__lte=end,
    )


def _payments(start: date, end: date) -> Iterable[Row]:
    return (
        paid_costs(start, end)
        .order_by("booking_date", "pk")
        .values(
            "booking_date",
            "amount",
            "bank_reference",
            supplier=F("fixed_cost__supplier"),
            invoice=F("fixed_cost__invoice_reference"),
            room_code=F("fixed_cost__room__slug"),
            room_name=F("fixed_cost__room__name"),
        )
    )


def _expenses(start: date, end: date) -> Iterable[Row]:
    return (
        Expense.objects.filter(spent_on__gte=start, spent_on__lte=end)
        .order_by("spent_on", "pk")
        .values(
            "uuid",
            "spent_on",
            "amount",
            "description",
            "category",
            "reason",
            "refund_of_id",
            expense=F("refund_of__description"),
            room_code=F("room__slug"),
            room_name=F("room__name"),
        )
    )


def _fixed_costs(start: date, end: date) -> Iterable[Row]:
    return (
        FixedCost.objects.filter(month__gte=start, month__lte=end)
        .order_by("month", "pk")
        .values(
            "uuid",
            "month",
            "category",
            "supplier",
            "invoice_reference",
            "description",
            "amount",
            "reason",
            "correction_of_id",
            previous_uuid=F("correction_of__uuid"),
            previous_month=F("correction_of__month"),
            previous_amount=F("correction_of__amount"),
            room_code=F("room__slug"),
            room_name=F("room__name"),
        )
    )


# One entry per record. These take plain rows, so that they can be checked
# without a database.


def _pair(debit: Account, credit: Account, amount: Decimal, **common: Any) -> tuple:
    """A debit and a credit line of the same amount; none for a zero amount."""
    amount = to_money(amount)
    if amount == ZERO:
        return ()
    return (
        Line(debit, DEBIT, amount, **common),
        Line(credit, CREDIT, amount, **common),
    )


def _room(row: Row) -> dict[str, str]:
    return {"room_code": row["room_code"], "room_name": row["room_name"]}


def transfer_entry(row: Row) -> Entry:
    description = _("Petty cash %(month)s for %(room)s") % {
        "month": f"{row['month']:%m-%Y}",
        "room": row["room_name"],
    }
    lines = _pair(
        PETTY_CASH,
        BANK,
        row["amount"],
        description=description,
        document=row["end_to_end_id"],
        **_room(row),
    )
    return Entry(BANK_JOURNAL, row["day"], description, lines)


def payment_entry(row: Row) -> Entry:
    description = _("Payment of %(supplier)s %(invoice)s") % {
        "supplier": row["supplier"],
        "invoice": row["invoice"],
    }
    lines = _pair(
        CREDITORS,
        BANK,
        -row["amount"],
        description=description,
        document=row["bank_reference"],
        supplier=row["supplier"],
        invoice=row["invoice"],
        **_room(row),
    )
    return Entry(BANK_JOURNAL, row["booking_date"], description, lines)


def expense_entry(row: Row) -> Entry:
    cost = PETTY_CASH_COSTS[row["category"]]
    common = {"document": str(row["uuid"]), **_room(row)}
    if row["refund_of_id"] is None:
        description = row["description"]
        lines = _pair(
            cost, PETTY_CASH, row["amount"], description=description, **common
        )
    else:
        description = _refund_description(row)
        lines = _pair(
            PETTY_CASH, cost, row["amount"], description=description, **common
        )
    return Entry(CASH_JOURNAL, row["spent_on"], description, lines)


def _refund_description(row: Row) -> str:
    values = {"expense": row["expense"] or row["description"], "reason": row["reason"]}
    if row["reason"]:
        return _("Refund of %(expense)s: %(reason)s") % values
    return _("Refund of %(expense)s") % values


def fixed_cost_entry(row: Row) -> Entry:
    cost = FIXED_COSTS[row["category"]]
    booking = " ".join(
        part for part in (row["supplier"], row["invoice_reference"]) if part
    )
    common = {
        "supplier": row["supplier"],
        "invoice": row["invoice_reference"],
        **_room(row),
    }
    if row["correction_of_id"] is None:
        description = (
            f"{booking}: {row['description']}" if row["description"] else booking
        )
        lines = _pair(
            cost,
            CREDITORS,
            row["amount"],
            description=description,
            document=row["invoice_reference"] or str(row["uuid"]),
            **common,
        )
        return Entry(PURCHASE_JOURNAL, row["month"], description, lines)
    return _correction_entry(row, cost, booking, common)


def _correction_entry(
    row: Row, cost: Account, booking: str, common: dict[str, str]
) -> Entry:
    description = _("Correction of %(booking)s of %(month)s: %(reason)s") % {
        "booking": booking,
        "month": f"{row['previous_month']:%m-%Y}",
        "reason": row["reason"],
    }
    reversal = _pair(
        CREDITORS,
        cost,
        row["previous_amount"],
        description=_("Reversal: %(description)s") % {"description": description},
        document=row["invoice_reference"] or str(row["previous_uuid"]),
        **common,
    )
    corrected = _pair(
        cost,
        CREDITORS,
        row["amount"],
        description=description,
        document=row["invoice_reference"] or str(row["uuid"]),
        **common,
    )
    return Entry(PURCHASE_JOURNAL, row["month"], description, (*reversal, *corrected))
