"""Importing a bank statement file once, and reporting breaks in the chain of
balances.

An import is one transaction: a file that cannot be read, or that holds a
statement of an account we do not know, stores nothing at all.
"""

import hashlib
import logging
from dataclasses import asdict, dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from buurtwerkkamer.core.jobs import Progress
from buurtwerkkamer.core.models import Job
from buurtwerkkamer.documents.constants import DocumentKind
from buurtwerkkamer.documents.services import store_checked
from buurtwerkkamer.rooms.models import Room

from ..models import BankStatement, BankTransaction, CooperativeAccount
from ..statements import (
    DEFAULT_MAX_BYTES,
    Entry,
    Statement,
    StatementError,
    check_chain,
    parse_statement_file,
)
from .matching import auto_match, compact

logger = logging.getLogger(__name__)


@dataclass
class ImportResult:
    statements: int = 0
    added: int = 0
    skipped: int = 0
    matched: int = 0
    warnings: list[str] = field(default_factory=list)


def read_upload(upload: UploadedFile) -> bytes:
    """The file's bytes, refused when larger than a statement file can be."""
    if upload.size is None or upload.size > DEFAULT_MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(limit)s MB.")
            % {"limit": DEFAULT_MAX_BYTES // (1024 * 1024)}
        )
    return upload.read()


def import_statement_file(upload: UploadedFile, user: Any) -> ImportResult:
    """Import an uploaded file at once; see `import_statement_data`."""
    return import_statement_data(read_upload(upload), upload.name or "", user)


def import_statement_data(
    data: bytes, name: str, user: Any, progress: Progress | None = None
) -> ImportResult:
    """Read a CAMT.053, MT940 or ABN AMRO file and store what is new in it.

    Entries already known by the bank's own reference are skipped; breaks in the
    chain of balances are reported, not refused (the bank's figures are facts).
    Raises ValidationError, storing nothing, for a file that cannot be read or
    a statement of an account that is neither a room's nor the cooperative's.
    """
    report = progress or _silent
    name = name or "statement"
    report(_("Reading the file"), 0, 2)
    try:
        statements = parse_statement_file(data, name)
    except StatementError as error:
        raise ValidationError(str(error)) from error
    if not statements:
        raise ValidationError(_("The file holds no bank statement."))
    entries = sum(len(statement.entries) for statement in statements)
    report(_("Storing and matching %(count)s entries") % {"count": entries}, 1, 2)
    result = _store(statements, data, name, user)
    logger.info(
        "bank statements imported statements=%s added=%s skipped=%s matched=%s",
        result.statements,
        result.added,
        result.skipped,
        result.matched,
    )
    return result


def import_job(job: Job, progress: Progress) -> dict[str, Any]:
    """The import as a job: the file the user uploaded, imported by the worker."""
    result = import_statement_data(
        bytes(job.payload), job.payload_name, job.user, progress
    )
    return asdict(result)


def _silent(stage: str, done: int, total: int) -> None:
    """No one follows an import that runs inside a request."""


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
