"""Petty cash: the monthly run, transfers under the cap, SEPA batches with four
eyes, and expenses. Each operation runs in one transaction; the room's row is
locked where two people acting at once could break a rule."""

import hashlib
import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import DecimalField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _

from buurtwerkkamer.core.money import format_eur, to_money
from buurtwerkkamer.documents.constants import DocumentKind
from buurtwerkkamer.documents.models import Document
from buurtwerkkamer.documents.services import store_document
from buurtwerkkamer.rooms.constants import Stage
from buurtwerkkamer.rooms.models import Room

from . import sepa
from .closing import ensure_open
from .constants import LIVE_TRANSFERS, BatchStatus, ExpenseStatus, TransferStatus
from .models import CooperativeAccount, Expense, RoomAllowance, SepaBatch, Transfer

logger = logging.getLogger(__name__)
ZERO = Decimal("0.00")


def month_of(day: date) -> date:
    return day.replace(day=1)


def cooperative_account() -> CooperativeAccount:
    account = CooperativeAccount.objects.order_by("pk").first()
    if account is None:
        raise ValidationError(_("The cooperative's bank account has not been set up."))
    return account


@transaction.atomic
def save_cooperative_account(account: CooperativeAccount) -> CooperativeAccount:
    """The one account of the cooperative: the debtor of every payment batch."""
    if account.pk is None and CooperativeAccount.objects.exists():
        raise ValidationError(_("The cooperative has one account."))
    account.full_clean()
    account.save()
    logger.info("cooperative account saved")
    return account


def allowance_for(room: Room, account: CooperativeAccount | None = None) -> Decimal:
    """The room's monthly petty cash: the cooperative's, or less where set."""
    account = account or cooperative_account()
    own = RoomAllowance.objects.filter(room=room).values_list(
        "monthly_amount", flat=True
    )
    return min([account.monthly_allowance, *own])


# Sums are rounded back to cents: SQLite adds decimals as floating point, and a
# total like 69.7500000000001 would fail the two-decimal fields it lands in.


def cash_left_before(room: Room, month: date) -> Decimal:
    """Petty cash left from earlier months: transfers in, minus expenses, plus
    refunds."""
    transferred = (
        Transfer.objects.filter(
            room=room, month__lt=month, status__in=LIVE_TRANSFERS
        ).aggregate(total=Sum("amount"))["total"]
        or ZERO
    )
    spent = Expense.objects.filter(room=room, spent_on__lt=month).aggregate(
        out=Sum("amount", filter=Q(refund_of__isnull=True)),
        back=Sum("amount", filter=Q(refund_of__isnull=False)),
    )
    return to_money(transferred - (spent["out"] or ZERO) + (spent["back"] or ZERO))


def cash_left(room: Room) -> Decimal:
    """Petty cash the team has now: everything transferred minus the net spending."""
    return cash_left_before(room, date.max.replace(day=1))


def transferred_in(room: Room, month: date) -> Decimal:
    return (
        Transfer.objects.filter(
            room=room, month=month, status__in=LIVE_TRANSFERS
        ).aggregate(total=Sum("amount"))["total"]
        or ZERO
    )


@dataclass(frozen=True)
class Proposal:
    room: Room
    allowance: Decimal
    left: Decimal
    already: Decimal
    amount: Decimal


def monthly_run(month: date) -> list[Proposal]:
    """The top-up each operational room gets this month: the allowance minus what is
    left from earlier months and what was already transferred, never negative. One
    query for all rooms, however many there are."""
    account = cooperative_account()
    rooms = _with_cash(Room.objects.filter(stage=Stage.OPERATIONAL), month)
    proposals = []
    for room in rooms.order_by("name"):
        sums: Any = room  # carries the annotations of _with_cash
        own = sums.own_allowance
        allowance = (
            account.monthly_allowance
            if own is None
            else min(own, account.monthly_allowance)
        )
        left = to_money(sums.paid_before - sums.spent_before + sums.refunded_before)
        already = to_money(sums.paid_now)
        amount = max(ZERO, allowance - max(left, ZERO) - already)
        proposals.append(Proposal(room, allowance, left, already, amount))
    return proposals


def _with_cash(rooms: QuerySet[Room], month: date) -> QuerySet[Room]:
    """Annotate what each room was paid and spent before `month`, and was paid in
    it: the same sums as `cash_left_before` and `transferred_in`, as subqueries."""
    live = Transfer.objects.filter(room=OuterRef("pk"), status__in=LIVE_TRANSFERS)
    spent = Expense.objects.filter(room=OuterRef("pk"), spent_on__lt=month)
    return rooms.annotate(
        own_allowance=Subquery(
            RoomAllowance.objects.filter(room=OuterRef("pk")).values("monthly_amount")
        ),
        paid_before=_total(live.filter(month__lt=month)),
        paid_now=_total(live.filter(month=month)),
        spent_before=_total(spent.filter(refund_of__isnull=True)),
        refunded_before=_total(spent.filter(refund_of__isnull=False)),
    )


def _total(records: QuerySet[Any]) -> Coalesce:
    total = records.order_by().values("room").annotate(total=Sum("amount"))
    return Coalesce(
        Subquery(total.values("total")),
        ZERO,
        output_field=DecimalField(max_digits=12, decimal_places=2),
    )


@transaction.atomic
def approve_transfer(room: Room, month: date, amount: Decimal, user: Any) -> Transfer:
    """Approve petty cash for a room and month. The room's row is locked first, so
    two approvals at the same moment are counted one after the other and together
    never exceed the allowance."""
    room = Room.objects.select_for_update().get(pk=room.pk)
    month = month_of(month)
    ensure_open(room, month)
    if amount <= 0:
        raise ValidationError(_("The amount must be more than zero."))
    if not room.bank_iban or not room.bank_holder:
        raise ValidationError(_("This room has no business account yet."))
    room_left = allowance_for(room) - transferred_in(room, month)
    if amount > room_left:
        raise ValidationError(
            _("That is more than the allowance: at most %(left)s is left this month.")
            % {"left": format_eur(room_left)}
        )
    transfer = Transfer(
        room=room,
        month=month,
        amount=amount,
        creditor_name=room.bank_holder,
        creditor_iban=room.bank_iban,
        end_to_end_id=f"BWK-{month:%Y%m}-{get_random_string(12).upper()}",
        approved_by=user,
    )
    transfer.full_clean()
    transfer.save()
    logger.info("petty cash approved room=%s month=%s", room.uuid, month)
    return transfer


@dataclass(frozen=True)
class RunResult:
    approved: list[Transfer]
    refused: list[tuple[Room, str]]


@transaction.atomic
def approve_run(month: date, user: Any) -> RunResult:
    """Approve every proposed top-up of the month at once. Each goes through
    `approve_transfer`, so the allowance holds as for one; a room that cannot be
    paid (no business account, say) is reported and the others go ahead."""
    month = month_of(month)
    approved, refused = [], []
    for proposal in monthly_run(month):
        if proposal.amount <= 0:
            continue
        try:
            approved.append(
                approve_transfer(proposal.room, month, proposal.amount, user)
            )
        except ValidationError as error:
            refused.append((proposal.room, " ".join(error.messages)))
    return RunResult(approved, refused)


@transaction.atomic
def prepare_batch(user: Any, execution_date: date) -> SepaBatch:
    """Gather every approved transfer not yet in a batch into one batch."""
    transfers = list(
        Transfer.objects.select_for_update().filter(
            status=TransferStatus.APPROVED, batch__isnull=True
        )
    )
    if not transfers:
        raise ValidationError(_("There are no approved transfers to pay."))
    if execution_date < timezone.localdate():
        raise ValidationError(_("The execution date lies in the past."))
    batch = SepaBatch.objects.create(
        message_id=f"BWK-{timezone.now():%Y%m%d%H%M%S}-{get_random_string(6).upper()}",
        execution_date=execution_date,
        pain_version=cooperative_account().pain_version,
        prepared_by=user,
    )
    Transfer.objects.filter(pk__in=[t.pk for t in transfers]).update(
        batch=batch, status=TransferStatus.BATCHED
    )
    return batch


@transaction.atomic
def approve_batch(batch: SepaBatch, user: Any) -> SepaBatch:
    """The second pair of eyes: a board member other than the one who prepared it."""
    batch = SepaBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != BatchStatus.PREPARED:
        raise ValidationError(_("Only a prepared batch can be approved."))
    if batch.prepared_by_id == user.pk:
        raise PermissionDenied(_("Someone else than who prepared it must approve."))
    batch.status = BatchStatus.APPROVED
    batch.approved_by = user
    batch.approved_at = timezone.now()
    batch.save(update_fields=["status", "approved_by", "approved_at", "updated_at"])
    return batch


@transaction.atomic
def export_batch(batch: SepaBatch, user: Any) -> bytes:
    """Write the SEPA file, valid against the official XSD, once. A second export
    is refused: cancelling and issuing again is a separate, recorded step."""
    batch = SepaBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status == BatchStatus.EXPORTED:
        raise ValidationError(_("This batch was exported already."))
    if batch.status != BatchStatus.APPROVED:
        raise ValidationError(_("A batch is exported after a second approval."))
    xml = _sepa_file(batch)
    batch.xml = xml
    batch.sha256 = hashlib.sha256(xml).hexdigest()
    batch.status = BatchStatus.EXPORTED
    batch.exported_by = user
    batch.exported_at = timezone.now()
    batch.save()
    batch.transfers.update(status=TransferStatus.EXPORTED)
    logger.info("sepa batch exported batch=%s", batch.uuid)
    return xml


def _sepa_file(batch: SepaBatch) -> bytes:
    account = cooperative_account()
    payments = [
        sepa.Payment(
            creditor_name=transfer.creditor_name,
            creditor_iban=transfer.creditor_iban,
            amount=transfer.amount,
            remittance=f"Handgeld {transfer.month:%m-%Y} {transfer.room.name}",
            end_to_end_id=transfer.end_to_end_id,
        )
        for transfer in batch.transfers.select_related("room").order_by("pk")
    ]
    try:
        return sepa.build_credit_transfer(
            sepa.Debtor(name=account.name, iban=account.iban, bic=account.bic or None),
            sepa.Batch(
                message_id=batch.message_id,
                batch_id=batch.message_id,
                execution_date=batch.execution_date,
                payments=tuple(payments),
            ),
            sepa.PainVersion(batch.pain_version),
        )
    except sepa.SepaError as error:
        raise ValidationError(error.message) from error


@transaction.atomic
def cancel_batch(batch: SepaBatch, user: Any, reason: str) -> SepaBatch:
    """Cancel a batch so its transfers can go into a new one. After export this
    is the explicit way to issue again: the reason is kept in the audit trail."""
    batch = SepaBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status == BatchStatus.CANCELLED:
        raise ValidationError(_("This batch was cancelled already."))
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for cancelling.")})
    batch.transfers.update(batch=None, status=TransferStatus.APPROVED)
    batch.status = BatchStatus.CANCELLED
    batch.cancel_reason = reason.strip()
    batch.save(update_fields=["status", "cancel_reason", "updated_at"])
    logger.info("sepa batch cancelled batch=%s by=%s", batch.uuid, user.pk)
    return batch


@transaction.atomic
def record_expense(
    room: Room,
    user: Any,
    *,
    spent_on: date,
    amount: Decimal,
    description: str,
    category: str,
    receipt: Any,
    today: date,
) -> Expense:
    """Record what was spent, with its receipt. Refused: a date in the future, an
    amount above the cash left, and a receipt that was handed in before."""
    room = Room.objects.select_for_update().get(pk=room.pk)
    if spent_on > today:
        raise ValidationError({"spent_on": _("An expense cannot lie in the future.")})
    ensure_open(room, spent_on)
    if amount <= 0:
        raise ValidationError({"amount": _("The amount must be more than zero.")})
    left = cash_left(room)
    if amount > left:
        raise ValidationError(
            {
                "amount": _("Only %(left)s petty cash is left.")
                % {"left": format_eur(left)}
            }
        )
    document = _receipt(room, user, receipt, description)
    expense = Expense(
        room=room,
        spent_on=spent_on,
        amount=amount,
        description=description,
        category=category,
        receipt=document,
        recorded_by=user,
    )
    expense.full_clean()
    expense.save()
    return expense


def _receipt(room: Room, user: Any, upload: Any, description: str) -> Document:
    data = upload.read()
    upload.seek(0)
    digest = hashlib.sha256(data).hexdigest()
    if Document.objects.filter(kind=DocumentKind.RECEIPT, sha256=digest).exists():
        raise ValidationError({"receipt": _("This receipt was handed in before.")})
    return store_document(
        upload, title=description, user=user, room_id=room.pk, kind=DocumentKind.RECEIPT
    )


@transaction.atomic
def record_refund(
    expense: Expense, user: Any, *, amount: Decimal, reason: str, today: date
) -> Expense:
    """Money that came back (a returned purchase): a new record pointing to the
    expense, never a change of the expense itself."""
    if expense.is_refund:
        raise ValidationError(_("A refund is of an expense, not of another refund."))
    # The refund is a new entry today; the expense it reduces may lie in a
    # closed month.
    ensure_open(expense.room, today)
    already = to_money(expense.refunds.aggregate(total=Sum("amount"))["total"] or ZERO)
    if amount <= 0 or amount > expense.amount - already:
        raise ValidationError(
            {"amount": _("A refund is more than zero and at most what was spent.")}
        )
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the refund.")})
    refund = Expense.objects.create(
        room=expense.room,
        spent_on=today,
        amount=amount,
        description=_("Refund: %(description)s") % {"description": expense.description},
        category=expense.category,
        refund_of=expense,
        reason=reason.strip(),
        recorded_by=user,
    )
    return refund


@transaction.atomic
def check_expense(
    expense: Expense, user: Any, *, approve: bool, remark: str = ""
) -> Expense:
    """The treasurer's check: in order, or queried with a remark."""
    if not approve and not remark.strip():
        raise ValidationError({"remark": _("Say what is wrong with it.")})
    expense.status = ExpenseStatus.CHECKED if approve else ExpenseStatus.QUERIED
    expense.checked_by = user
    expense.checked_at = timezone.now()
    expense.remark = remark.strip()
    expense.save(
        update_fields=["status", "checked_by", "checked_at", "remark", "updated_at"]
    )
    return expense
