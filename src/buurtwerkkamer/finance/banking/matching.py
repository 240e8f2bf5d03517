"""Matching bank transactions to what they pay: petty-cash transfers (by our own
end-to-end id), a room's expenses, and the fixed costs the cooperative pays from
its own account. What is clear is matched on import; the rest by hand."""

import logging
import re
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import BankTransaction, Expense, FixedCost, Transfer

logger = logging.getLogger(__name__)

# Card payments and cash withdrawals are booked a day or two after the receipt's
# date, and over a weekend three.
EXPENSE_DAYS = timedelta(days=3)
# Invoices for a month are paid in the month before it (rent in advance) up to
# two months after it (utilities, salaries run late).
COST_MONTHS_BEFORE = timedelta(days=62)
COST_MONTHS_AFTER = timedelta(days=31)
# A page of choices stays short: the treasurer matches by hand what is unclear.
MAX_CANDIDATES = 20


def compact(iban: str) -> str:
    return "".join(iban.split()).upper()


def auto_match(transactions: Iterable[BankTransaction]) -> int:
    """Match what is clear: our own end-to-end id on a transfer, a debit on a
    room's account that fits exactly one unmatched expense, a debit on the
    cooperative's account that fits exactly one unpaid fixed cost. Returns how
    many were matched."""
    pending = [t for t in transactions if not t.is_matched]
    matched = _match_transfers(pending)
    matched += _match_expenses([t for t in pending if not t.is_matched])
    matched += _match_fixed_costs([t for t in pending if not t.is_matched])
    return matched


def _match_transfers(pending: list[BankTransaction]) -> int:
    ids = {t.end_to_end_id for t in pending if t.end_to_end_id}
    transfers = {
        t.end_to_end_id: t for t in Transfer.objects.filter(end_to_end_id__in=ids)
    }
    taken = set(
        BankTransaction.objects.filter(transfer__in=transfers.values()).values_list(
            "account_iban", "transfer_id"
        )
    )
    count = 0
    for row in pending:
        transfer = transfers.get(row.end_to_end_id)
        if transfer is None or (row.account_iban, transfer.pk) in taken:
            continue
        if _transfer_fits(row, transfer) is None:
            taken.add((row.account_iban, transfer.pk))
            _set_match(row, transfer=transfer)
            count += 1
    return count


def _match_expenses(pending: list[BankTransaction]) -> int:
    debits = [t for t in pending if t.room_id is not None and t.amount < 0]
    if not debits:
        return 0
    dates = [t.booking_date for t in debits]
    candidates = list(
        Expense.objects.filter(
            room__in={t.room_id for t in debits},
            refund_of__isnull=True,
            bank_transactions__isnull=True,
            spent_on__gte=min(dates) - EXPENSE_DAYS,
            spent_on__lte=max(dates) + EXPENSE_DAYS,
        )
    )
    claimed: set[int] = set()
    count = 0
    for row in debits:
        fits = [
            expense
            for expense in candidates
            if expense.pk not in claimed
            and expense.room_id == row.room_id
            and expense.amount == -row.amount
            and abs(expense.spent_on - row.booking_date) <= EXPENSE_DAYS
        ]
        if len(fits) == 1:
            claimed.add(fits[0].pk)
            _set_match(row, expense=fits[0])
            count += 1
    return count


def _match_fixed_costs(pending: list[BankTransaction]) -> int:
    """A debit on the cooperative's account is a fixed cost when exactly one
    unpaid cost of that amount, in the months around the booking, carries the
    invoice reference named in the description; failing a reference, when
    exactly one such cost is of the supplier the bank names."""
    debits = [t for t in pending if t.room_id is None and t.amount < 0]
    if not debits:
        return 0
    dates = [t.booking_date for t in debits]
    candidates = list(
        _unpaid_costs().filter(
            amount__in={-t.amount for t in debits},
            month__gte=(min(dates) - COST_MONTHS_BEFORE).replace(day=1),
            month__lte=max(dates) + COST_MONTHS_AFTER,
        )
    )
    claimed: set[int] = set()
    count = 0
    for row in debits:
        fits = [
            cost
            for cost in candidates
            if cost.pk not in claimed
            and cost.amount == -row.amount
            and _in_cost_window(cost.month, row.booking_date)
        ]
        cost = _clear_cost(row, fits)
        if cost is not None:
            claimed.add(cost.pk)
            _set_match(row, fixed_cost=cost)
            count += 1
    return count


def _unpaid_costs() -> Any:
    # Only entries that count: a corrected booking is paid as its correction.
    return FixedCost.objects.filter(
        corrections__isnull=True, bank_transactions__isnull=True
    )


def _in_cost_window(month: date, booked: date) -> bool:
    return month - COST_MONTHS_AFTER <= booked <= month + COST_MONTHS_BEFORE


def _squeeze(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def _clear_cost(row: BankTransaction, fits: list[FixedCost]) -> FixedCost | None:
    description = _squeeze(row.remittance)
    by_reference = [
        cost
        for cost in fits
        if len(_squeeze(cost.invoice_reference)) >= 3
        and _squeeze(cost.invoice_reference) in description
    ]
    if by_reference:
        return by_reference[0] if len(by_reference) == 1 else None
    payee = _squeeze(row.counterparty_name)
    by_supplier = [cost for cost in fits if payee and _squeeze(cost.supplier) == payee]
    return by_supplier[0] if len(by_supplier) == 1 else None


def _set_match(
    row: BankTransaction,
    *,
    transfer: Transfer | None = None,
    expense: Expense | None = None,
    fixed_cost: FixedCost | None = None,
    user: Any = None,
) -> None:
    row.transfer = transfer
    row.expense = expense
    row.fixed_cost = fixed_cost
    row.matched_by = user
    row.matched_at = timezone.now() if transfer or expense or fixed_cost else None
    row.save(
        update_fields=[
            "transfer",
            "expense",
            "fixed_cost",
            "matched_by",
            "matched_at",
            "updated_at",
        ]
    )


def _transfer_fits(
    row: BankTransaction, transfer: Transfer, *, exact: bool = True
) -> str | None:
    """Why a transaction cannot be the given transfer, or None when it can. A
    transfer leaves the cooperative's account and arrives on the room's."""
    if row.room_id is None:
        if row.amount >= 0:
            return _("On the cooperative's account a transfer is money going out.")
    elif row.room_id != transfer.room_id:
        return _("The transfer is for another room.")
    elif row.amount <= 0:
        return _("On a room's account a transfer is money coming in.")
    if exact and abs(row.amount) != transfer.amount:
        return _("The amount differs from the transfer's.")
    return None


def _expense_fits(row: BankTransaction, expense: Expense) -> str | None:
    if row.room_id is None or row.room_id != expense.room_id:
        return _("The expense is of another room's petty cash.")
    if (row.amount < 0) != (expense.signed_amount < 0):
        return _("Money going out matches an expense, money coming in a refund.")
    return None


def _cost_fits(row: BankTransaction, cost: FixedCost) -> str | None:
    if row.room_id is not None:
        return _("Fixed costs are paid from the cooperative's account.")
    if row.amount >= 0:
        return _("A fixed cost is money going out.")
    if cost.corrections.exists():
        return _("This entry was corrected: match its latest correction.")
    return None


@transaction.atomic
def match_by_hand(
    row: BankTransaction,
    user: Any,
    *,
    transfer: Transfer | None = None,
    expense: Expense | None = None,
    fixed_cost: FixedCost | None = None,
) -> BankTransaction:
    """Match a transaction to one transfer, expense or fixed cost the importer
    could not decide on. The amount may differ (bank costs, a receipt paid in
    two parts); room, direction and a match made already may not."""
    row = BankTransaction.objects.select_for_update().get(pk=row.pk)
    if [transfer, expense, fixed_cost].count(None) != 2:
        raise ValidationError(_("Choose one transfer, expense or fixed cost."))
    if row.is_matched:
        raise ValidationError(
            _("This transaction is matched already; undo that first.")
        )
    problem = _problem(row, transfer, expense, fixed_cost)
    if problem:
        raise ValidationError(problem)
    _set_match(
        row, transfer=transfer, expense=expense, fixed_cost=fixed_cost, user=user
    )
    logger.info("bank transaction matched by hand transaction=%s", row.uuid)
    return row


def _problem(
    row: BankTransaction,
    transfer: Transfer | None,
    expense: Expense | None,
    fixed_cost: FixedCost | None,
) -> str | None:
    others = BankTransaction.objects.exclude(pk=row.pk)
    if transfer is not None:
        if problem := _transfer_fits(row, transfer, exact=False):
            return problem
        if others.filter(account_iban=row.account_iban, transfer=transfer).exists():
            return _("This transfer is matched to another transaction already.")
    elif expense is not None:
        if problem := _expense_fits(row, expense):
            return problem
        if others.filter(expense=expense).exists():
            return _("This expense is matched to another transaction already.")
    elif fixed_cost is not None:
        if problem := _cost_fits(row, fixed_cost):
            return problem
        if others.filter(fixed_cost=fixed_cost).exists():
            return _("This fixed cost is matched to another transaction already.")
    return None


@transaction.atomic
def unmatch(row: BankTransaction, user: Any) -> BankTransaction:
    """Undo a match, made by hand or by the importer, so it can be made again."""
    row = BankTransaction.objects.select_for_update().get(pk=row.pk)
    if not row.is_matched:
        raise ValidationError(_("This transaction is not matched."))
    _set_match(row)
    logger.info("bank transaction unmatched transaction=%s by=%s", row.uuid, user.pk)
    return row


def similar_amount(amount: Decimal) -> tuple[Decimal, Decimal]:
    """The range of amounts offered when matching by hand: within 10 percent."""
    size = abs(amount)
    return size * Decimal("0.9"), size * Decimal("1.1")


Candidate = Transfer | Expense | FixedCost


def candidates(row: BankTransaction) -> list[Candidate]:
    """What a transaction could be matched to by hand: unmatched transfers and
    expenses of its room, or for the cooperative's account transfers and unpaid
    fixed costs, in the right direction and of a similar amount, the closest in
    date first."""
    low, high = similar_amount(row.amount)
    transfers = Transfer.objects.select_related("room").filter(
        amount__gte=low, amount__lte=high
    )
    transfers = transfers.exclude(bank_transactions__account_iban=row.account_iban)
    if row.room_id is None:
        if row.amount >= 0:
            return []
        costs = (
            _unpaid_costs()
            .select_related("room")
            .filter(amount__gte=low, amount__lte=high)
        )
        nearest_costs = sorted(
            costs.order_by("-month")[:MAX_CANDIDATES],
            key=lambda cost: abs(cost.month - row.booking_date),
        )
        return [*transfers[:MAX_CANDIDATES], *nearest_costs]
    found: list[Candidate] = []
    if row.amount > 0:
        found += transfers.filter(room_id=row.room_id)[:MAX_CANDIDATES]
    expenses = Expense.objects.filter(
        room_id=row.room_id,
        amount__gte=low,
        amount__lte=high,
        refund_of__isnull=row.amount < 0,
        bank_transactions__isnull=True,
    )
    nearest = sorted(
        expenses.order_by("-spent_on")[:MAX_CANDIDATES],
        key=lambda expense: abs(expense.spent_on - row.booking_date),
    )
    found += nearest
    return found
