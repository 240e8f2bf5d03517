"""Bank statements: importing a file once, reporting breaks in the chain of
balances, and matching transactions to the transfers and expenses they pay.

An import is one transaction: a file that cannot be read, or that holds a
statement of an account we do not know, stores nothing at all.
"""

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwerkkamer.documents.constants import DocumentKind
from buurtwerkkamer.documents.services import store_checked
from buurtwerkkamer.rooms.models import Room

from .models import (
    BankStatement,
    BankTransaction,
    CooperativeAccount,
    Expense,
    Transfer,
)
from .statements import (
    DEFAULT_MAX_BYTES,
    Entry,
    Statement,
    StatementError,
    check_chain,
    parse_statement_file,
)

logger = logging.getLogger(__name__)

# Card payments and cash withdrawals are booked a day or two after the receipt's
# date, and over a weekend three.
EXPENSE_DAYS = timedelta(days=3)
# A page of choices stays short: the treasurer matches by hand what is unclear.
MAX_CANDIDATES = 20


@dataclass
class ImportResult:
    statements: int = 0
    added: int = 0
    skipped: int = 0
    matched: int = 0
    warnings: list[str] = field(default_factory=list)


def compact(iban: str) -> str:
    return "".join(iban.split()).upper()


def import_statement_file(upload: UploadedFile, user: Any) -> ImportResult:
    """Read a CAMT.053, MT940 or ABN AMRO file and store what is new in it.

    Entries already known by the bank's own reference are skipped; breaks in the
    chain of balances are reported, not refused (the bank's figures are facts).
    Raises ValidationError, storing nothing, for a file that cannot be read or
    a statement of an account that is neither a room's nor the cooperative's.
    """
    if upload.size is None or upload.size > DEFAULT_MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(limit)s MB.")
            % {"limit": DEFAULT_MAX_BYTES // (1024 * 1024)}
        )
    data = upload.read()
    name = upload.name or "statement"
    try:
        statements = parse_statement_file(data, name)
    except StatementError as error:
        raise ValidationError(str(error)) from error
    if not statements:
        raise ValidationError(_("The file holds no bank statement."))
    result = _store(statements, data, name, user)
    logger.info(
        "bank statements imported statements=%s added=%s skipped=%s matched=%s",
        result.statements,
        result.added,
        result.skipped,
        result.matched,
    )
    return result


@transaction.atomic
def _store(
    statements: list[Statement], data: bytes, name: str, user: Any
) -> ImportResult:
    owners = _lock_owners({compact(s.account) for s in statements})
    # The file is kept only when something in it is new: a second import of the
    # same file leaves no trace but the log line.
    document = None
    result = ImportResult()
    previous: dict[str, Statement | None] = {}
    added: list[BankTransaction] = []
    for statement in statements:
        account = compact(statement.account)
        if account not in previous:
            previous[account] = _last_stored(account)
        rows = _new_entries(statement, account, owners[account], result)
        if not rows and _known(statement, account):
            continue
        warnings = _chain_warnings(previous[account], statement)
        previous[account] = statement
        document = document or _keep_file(data, name, user, set(owners.values()))
        stored = _save_statement(statement, account, owners[account], document, user)
        if warnings:
            stored.warnings = "\n".join(warnings)
            stored.save(update_fields=["warnings"])
        for row in rows:
            row.statement = stored
        added += BankTransaction.objects.bulk_create(rows)
        result.statements += 1
        result.warnings += warnings
    result.added = len(added)
    result.matched = auto_match(added)
    return result


def _keep_file(data: bytes, name: str, user: Any, owners: set[Room | None]) -> Any:
    """The file as the bank sent it, as a document of the room when it holds
    only that room's statements, else of the cooperative's books."""
    room = next(iter(owners)) if len(owners) == 1 else None
    return store_checked(
        data,
        content_type="application/xml"
        if data.lstrip().startswith(b"<")
        else "text/plain",
        name=name,
        title=_("Bank statement %(file)s") % {"file": name},
        user=user,
        kind=DocumentKind.STATEMENT,
        room_id=room.pk if room else None,
    )


def _lock_owners(accounts: set[str]) -> dict[str, Room | None]:
    """The room whose business account each IBAN is, or None for the
    cooperative's. Their rows are locked, so two imports of one account run one
    after the other and the second finds what the first stored."""
    rooms: dict[str, Room] = {}
    for room in Room.objects.select_for_update().filter(bank_iban__in=accounts):
        if compact(room.bank_iban) in rooms:
            raise ValidationError(
                _(
                    "The account %(account)s is the business account of more "
                    "than one room. Correct the rooms first; nothing was imported."
                )
                % {"account": room.bank_iban}
            )
        rooms[compact(room.bank_iban)] = room
    cooperative = {
        compact(account.iban)
        for account in CooperativeAccount.objects.select_for_update().filter(
            iban__in=accounts
        )
    }
    unknown = sorted(accounts - set(rooms) - cooperative)
    if unknown:
        raise ValidationError(
            _(
                "The file holds a statement of %(accounts)s: that is not the "
                "business account of a room, nor the cooperative's account. "
                "Nothing was imported."
            )
            % {"accounts": ", ".join(unknown)}
        )
    return {account: rooms.get(account) for account in accounts}


def _last_stored(account: str) -> Statement | None:
    """The account's latest stored closing balance, as the start of the chain.
    Only the closing side is filled in: its own sum was checked at its import."""
    last = (
        BankStatement.objects.filter(account_iban=account)
        .order_by("-closing_date", "-created_at", "-pk")
        .first()
    )
    if last is None:
        return None
    return Statement(
        account=account,
        currency=last.currency,
        statement_id=last.statement_id,
        closing_balance=last.closing_balance,
        closing_date=last.closing_date,
    )


def _chain_warnings(before: Statement | None, statement: Statement) -> list[str]:
    # Only balances are compared: banks date the balances of consecutive
    # statements in different ways (the same day, the day before, a range), so
    # the dates alone do not tell a gap.
    return check_chain([before, statement] if before else [statement])


def _known(statement: Statement, account: str) -> bool:
    return BankStatement.objects.filter(
        account_iban=account,
        statement_id=statement.statement_id[:80],
        sequence=statement.sequence[:40],
    ).exists()


def _new_entries(
    statement: Statement, account: str, room: Room | None, result: ImportResult
) -> list[BankTransaction]:
    keys = {_key(entry): entry for entry in statement.entries}
    known = set(
        BankTransaction.objects.filter(
            account_iban=account, bank_reference__in=list(keys)
        ).values_list("bank_reference", flat=True)
    )
    rows = []
    for key, entry in keys.items():
        if key in known:
            continue
        rows.append(_transaction(entry, key, account, room))
    result.skipped += len(statement.entries) - len(rows)
    return rows


def _key(entry: Entry) -> str:
    # The unique key has room for 140 characters; a longer reference (never seen
    # from a bank) is kept stable by its hash rather than cut short.
    ref = entry.bank_reference
    return (
        ref if len(ref) <= 140 else "sha256:" + hashlib.sha256(ref.encode()).hexdigest()
    )


def _transaction(
    entry: Entry, key: str, account: str, room: Room | None
) -> BankTransaction:
    return BankTransaction(
        account_iban=account,
        room=room,
        booking_date=entry.booking_date,
        amount=entry.amount,
        bank_reference=key,
        end_to_end_id=entry.end_to_end_id[:35],
        counterparty_name=entry.counterparty_name[:140],
        counterparty_iban=entry.counterparty_iban[:34],
        remittance=entry.remittance,
    )


def _save_statement(
    statement: Statement, account: str, room: Room | None, document: Any, user: Any
) -> BankStatement:
    return BankStatement.objects.create(
        account_iban=account,
        room=room,
        statement_id=statement.statement_id[:80],
        sequence=statement.sequence[:40],
        currency=statement.currency[:3],
        opening_balance=statement.opening_balance,
        opening_date=statement.opening_date,
        closing_balance=statement.closing_balance,
        closing_date=statement.closing_date,
        file=document,
        imported_by=user,
    )


# Matching.


def auto_match(transactions: Iterable[BankTransaction]) -> int:
    """Match what is clear: our own end-to-end id on a transfer, or a debit on a
    room's account that fits exactly one unmatched expense. Returns how many."""
    pending = [t for t in transactions if not t.is_matched]
    matched = _match_transfers(pending)
    matched += _match_expenses([t for t in pending if not t.is_matched])
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


def _set_match(
    row: BankTransaction,
    *,
    transfer: Transfer | None = None,
    expense: Expense | None = None,
    user: Any = None,
) -> None:
    row.transfer = transfer
    row.expense = expense
    row.matched_by = user
    row.matched_at = timezone.now() if transfer or expense else None
    row.save(
        update_fields=["transfer", "expense", "matched_by", "matched_at", "updated_at"]
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


@transaction.atomic
def match_by_hand(
    row: BankTransaction,
    user: Any,
    *,
    transfer: Transfer | None = None,
    expense: Expense | None = None,
) -> BankTransaction:
    """Match a transaction to one transfer or one expense the importer could not
    decide on. The amount may differ (bank costs, a receipt paid in two parts);
    room, direction and a match made already may not."""
    row = BankTransaction.objects.select_for_update().get(pk=row.pk)
    if (transfer is None) == (expense is None):
        raise ValidationError(_("Choose one transfer or one expense."))
    if row.is_matched:
        raise ValidationError(
            _("This transaction is matched already; undo that first.")
        )
    others = BankTransaction.objects.exclude(pk=row.pk)
    problem: str | None = None
    if transfer is not None:
        problem = _transfer_fits(row, transfer, exact=False)
        others = others.filter(account_iban=row.account_iban, transfer=transfer)
        if problem is None and others.exists():
            problem = _("This transfer is matched to another transaction already.")
    elif expense is not None:
        problem = _expense_fits(row, expense)
        if problem is None and others.filter(expense=expense).exists():
            problem = _("This expense is matched to another transaction already.")
    if problem:
        raise ValidationError(problem)
    _set_match(row, transfer=transfer, expense=expense, user=user)
    logger.info("bank transaction matched by hand transaction=%s", row.uuid)
    return row


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


def candidates(row: BankTransaction) -> list[Transfer | Expense]:
    """What a transaction could be matched to by hand: unmatched transfers and
    expenses of its room (transfers only, for the cooperative's account) in the
    right direction and of a similar amount, the closest in date first."""
    low, high = similar_amount(row.amount)
    transfers = Transfer.objects.select_related("room").filter(
        amount__gte=low, amount__lte=high
    )
    transfers = transfers.exclude(bank_transactions__account_iban=row.account_iban)
    found: list[Transfer | Expense] = []
    if row.room_id is None:
        if row.amount < 0:
            found += transfers[:MAX_CANDIDATES]
        return found
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
