"""Month closing of a room's petty cash (DESIGN.md section 5): the month's figures,
reconciled with the bank balance of the room's business account, and the rule that
a closed month cannot change.

Closing a month closes everything before it as well: months are closed in order,
and `ensure_open` refuses any day up to the room's latest closed month, so an
entry in an earlier month cannot shift a closed month's opening balance."""

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Min, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from buurtwerkkamer.core.money import format_eur, to_money
from buurtwerkkamer.rooms.models import Room

from .constants import LIVE_TRANSFERS
from .models import BankStatement, ClosedMonth, Expense, FrozenYear, Transfer

logger = logging.getLogger(__name__)
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class MonthSummary:
    month: date
    opening_balance: Decimal
    transfers_in: Decimal
    expenses_out: Decimal
    bank_balance: Decimal | None

    @property
    def closing_balance(self) -> Decimal:
        return self.opening_balance + self.transfers_in - self.expenses_out

    @property
    def reconciled(self) -> bool:
        return self.bank_balance == self.closing_balance


def next_month(month: date) -> date:
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1)


def _month_name(month: date) -> str:
    return date_format(month, "F Y")


def latest_closed(room: Room) -> date | None:
    return ClosedMonth.objects.filter(room=room).aggregate(last=Max("month"))["last"]


def first_open_month(room: Room, month: date) -> date:
    """`month`, or when it is closed the first month after the room's latest
    closed month."""
    since = latest_closed(room)
    return max(month, next_month(since)) if since else month


def ensure_open(room: Room | int, day: date) -> None:
    """Refuse an entry dated `day` when the room's month of that day is closed,
    or a later month is (closing a month closes those before it). Call it inside
    the transaction that adds the entry."""
    room_id = room if isinstance(room, int) else room.pk
    # The room's row is locked as `close_month` locks it: an entry and a closing
    # at the same moment come one after the other, never both on stale figures.
    list(Room.objects.select_for_update().filter(pk=room_id).values_list("pk"))
    ensure_not_frozen(room_id, day.year)
    closed = ClosedMonth.objects.filter(room_id=room_id, month__gte=day.replace(day=1))
    if closed.exists():
        raise ValidationError(
            _("The month %(month)s is closed: it cannot change any more.")
            % {"month": _month_name(day.replace(day=1))}
        )


def ensure_not_frozen(room: Room | int, year: int) -> None:
    """Refuse any change to a room's year once it is frozen."""
    room_id = room if isinstance(room, int) else room.pk
    if FrozenYear.objects.filter(room_id=room_id, year=year).exists():
        raise ValidationError(
            _(
                "The year %(year)s is frozen: the accountant approved its "
                "figures, so they cannot change any more."
            )
            % {"year": year}
        )


def month_summary(room: Room, month: date) -> MonthSummary:
    """The month's opening balance, transfers in, expenses out (net of refunds)
    and the bank balance of the room's business account at the month's end.
    Three queries. Sums are rounded back to cents: SQLite adds decimals as
    floating point."""
    month = month.replace(day=1)
    after = next_month(month)
    transfers = Transfer.objects.filter(
        room=room, status__in=LIVE_TRANSFERS, month__lt=after
    ).aggregate(
        before=Sum("amount", filter=Q(month__lt=month)),
        now=Sum("amount", filter=Q(month=month)),
    )
    spent = Expense.objects.filter(room=room, spent_on__lt=after).aggregate(
        out_before=_sum(spent_on__lt=month, refund_of__isnull=True),
        back_before=_sum(spent_on__lt=month, refund_of__isnull=False),
        out_now=_sum(spent_on__gte=month, refund_of__isnull=True),
        back_now=_sum(spent_on__gte=month, refund_of__isnull=False),
    )
    opening = (transfers["before"] or ZERO) - spent["out_before"] + spent["back_before"]
    return MonthSummary(
        month=month,
        opening_balance=to_money(opening),
        transfers_in=to_money(transfers["now"] or ZERO),
        expenses_out=to_money(spent["out_now"] - spent["back_now"]),
        bank_balance=bank_balance(room, after - timedelta(days=1)),
    )


def _sum(**conditions: Any) -> Coalesce:
    return Coalesce(Sum("amount", filter=Q(**conditions)), ZERO)


def bank_balance(room: Room, day: date) -> Decimal | None:
    """The closing balance of the latest statement of the room's business account
    that closes on or before `day`; None without one."""
    iban = "".join(room.bank_iban.split()).upper()
    if not iban:
        return None
    statement = (
        BankStatement.objects.filter(
            account_iban=iban, closing_date__lte=day, closing_balance__isnull=False
        )
        .order_by("-closing_date", "-created_at")
        .first()
    )
    return None if statement is None else statement.closing_balance


@transaction.atomic
def close_month(
    room: Room, month: date, user: Any, *, today: date | None = None
) -> ClosedMonth:
    """Close a room's month when its book balance equals the bank balance. The
    room's row is locked, so two closings at once are counted one after the other.
    Refused: a month not ended yet, one closed already, an earlier month with
    entries still open, no bank balance, and books that do not reconcile."""
    room = Room.objects.select_for_update().get(pk=room.pk)
    month = month.replace(day=1)
    today = today or timezone.localdate()
    if next_month(month) > today:
        raise ValidationError(_("A month is closed after it has ended."))
    if ClosedMonth.objects.filter(room=room, month=month).exists():
        raise ValidationError(_("This month was closed already."))
    ensure_not_frozen(room, month.year)
    _check_earlier_closed(room, month)
    summary = month_summary(room, month)
    _check_reconciled(summary)
    closed = ClosedMonth.objects.create(
        room=room,
        month=month,
        opening_balance=summary.opening_balance,
        transfers_in=summary.transfers_in,
        expenses_out=summary.expenses_out,
        closing_balance=summary.closing_balance,
        bank_balance=summary.bank_balance,
        closed_by=user,
        closed_at=timezone.now(),
    )
    logger.info("petty cash month closed room=%s month=%s", room.uuid, month)
    return closed


@transaction.atomic
def freeze_year(
    room: Room, year: int, user: Any, *, today: date | None = None
) -> FrozenYear:
    """Freeze a room's year, as the accountant's approval of its financial report
    does. Refused: a year not ended yet, one frozen already, and a year with
    petty-cash entries in a month that is not closed."""
    room = Room.objects.select_for_update().get(pk=room.pk)
    today = today or timezone.localdate()
    if year >= today.year:
        raise ValidationError(_("A year is frozen after it has ended."))
    if FrozenYear.objects.filter(room=room, year=year).exists():
        raise ValidationError(_("This year was frozen already."))
    _check_year_closed(room, year)
    frozen = FrozenYear.objects.create(
        room=room, year=year, frozen_by=user, frozen_at=timezone.now()
    )
    logger.info("financial year frozen room=%s year=%s", room.uuid, year)
    return frozen


def _check_year_closed(room: Room, year: int) -> None:
    """Every month of the year with petty-cash entries is closed: none after the
    latest closed month falls in the year."""
    since = latest_closed(room)
    after = next_month(since) if since else date(year, 1, 1)
    end = date(year + 1, 1, 1)
    transfers = Transfer.objects.filter(
        room=room, status__in=LIVE_TRANSFERS, month__gte=after, month__lt=end
    ).aggregate(first=Min("month"))["first"]
    expenses = Expense.objects.filter(
        room=room, spent_on__gte=after, spent_on__lt=end
    ).aggregate(first=Min("spent_on"))["first"]
    open_days = [day for day in (transfers, expenses) if day is not None]
    if open_days:
        raise ValidationError(
            _("Close %(month)s first: a year is frozen when its months are closed.")
            % {"month": _month_name(min(open_days).replace(day=1))}
        )


def _check_earlier_closed(room: Room, month: date) -> None:
    """Months are closed in order: the first month with entries after the latest
    closed one (or from the start) must be this one or later."""
    since = latest_closed(room)
    after = next_month(since) if since else date.min
    if since and since > month:
        raise ValidationError(_("A later month was closed already."))
    transfers = Transfer.objects.filter(
        room=room, status__in=LIVE_TRANSFERS, month__gte=after, month__lt=month
    ).aggregate(first=Min("month"))["first"]
    expenses = Expense.objects.filter(
        room=room, spent_on__gte=after, spent_on__lt=month
    ).aggregate(first=Min("spent_on"))["first"]
    first = min(day for day in (transfers, expenses, month) if day is not None)
    if first < month:
        raise ValidationError(
            _("Close %(month)s first: months are closed in order.")
            % {"month": _month_name(first.replace(day=1))}
        )


def _check_reconciled(summary: MonthSummary) -> None:
    if summary.bank_balance is None:
        raise ValidationError(
            _(
                "There is no bank balance for the end of this month yet: import "
                "the bank statement of the room's business account first."
            )
        )
    if not summary.reconciled:
        raise ValidationError(
            _(
                "The books do not agree with the bank: the balance according to "
                "the books is %(book)s, the bank balance is %(bank)s."
            )
            % {
                "book": format_eur(summary.closing_balance),
                "bank": format_eur(summary.bank_balance),
            }
        )


@dataclass(frozen=True)
class MonthRow:
    summary: MonthSummary
    closed: ClosedMonth | None
    ended: bool


def recent_months(room: Room, today: date, count: int = 6) -> list[MonthRow]:
    """The room's last `count` months, newest first: a closed month with the
    figures it closed on, an open one with its figures now."""
    month = today.replace(day=1)
    months = [month]
    for _step in range(count - 1):
        months.append((months[-1] - timedelta(days=1)).replace(day=1))
    closed = {
        row.month: row
        for row in ClosedMonth.objects.filter(room=room, month__in=months)
    }
    rows = []
    for each in months:
        record = closed.get(each)
        summary = (
            MonthSummary(
                each,
                record.opening_balance,
                record.transfers_in,
                record.expenses_out,
                record.bank_balance,
            )
            if record
            else month_summary(room, each)
        )
        rows.append(MonthRow(summary, record, next_month(each) <= today))
    return rows
