"""The audit committee's work on a year: a random sample of expenses and fixed
costs drawn by the platform (once, and kept, so everyone checks the same), cash
counts per room against the books, findings with their follow-up, and their
report with the advice to the general meeting."""

import logging
import random
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwerkkamer.core.money import to_money
from buurtwerkkamer.finance.constants import LIVE_TRANSFERS
from buurtwerkkamer.finance.costs import current
from buurtwerkkamer.finance.models import Expense, FixedCost, Transfer
from buurtwerkkamer.rooms.models import Room

from .models import AuditYear, CashCount, Finding

logger = logging.getLogger(__name__)
ZERO = Decimal("0.00")


def audit_of(year: int) -> AuditYear:
    return AuditYear.objects.get_or_create(year=year)[0]


@transaction.atomic
def draw_sample(audit: AuditYear, user: Any) -> AuditYear:
    """Draw the sample once: a number of the year's expenses and of its fixed
    costs that count, at random (the operating system's randomness, so nobody
    can steer it)."""
    audit = AuditYear.objects.select_for_update().get(pk=audit.pk)
    if audit.sampled_at is not None:
        raise ValidationError(_("The sample of this year was drawn already."))
    size = settings.BWK_AUDIT_SAMPLE_SIZE
    chance = random.SystemRandom()
    expenses = list(
        Expense.objects.filter(spent_on__year=audit.year).values_list("pk", flat=True)
    )
    costs = list(
        current(FixedCost.objects.filter(month__year=audit.year)).values_list(
            "pk", flat=True
        )
    )
    if not expenses and not costs:
        raise ValidationError(_("There is nothing booked in this year to sample."))
    audit.expenses.set(chance.sample(expenses, min(size, len(expenses))))
    audit.fixed_costs.set(chance.sample(costs, min(size, len(costs))))
    audit.sampled_at = timezone.now()
    audit.sampled_by = user
    audit.save(update_fields=["sampled_at", "sampled_by", "updated_at"])
    logger.info("audit sample drawn year=%s by user %s", audit.year, user.pk)
    return audit


def booked_balance(room: Room, day: date) -> Decimal:
    """Petty cash according to the books at the end of a day: the top-ups of
    the months up to it that went out, less what was spent up to it, net of
    refunds."""
    paid = Transfer.objects.filter(
        room=room, status__in=LIVE_TRANSFERS, month__lte=day
    ).aggregate(total=Sum("amount"))["total"]
    spent = Expense.objects.filter(room=room, spent_on__lte=day).aggregate(
        out=Sum("amount", filter=Q(refund_of__isnull=True)),
        back=Sum("amount", filter=Q(refund_of__isnull=False)),
    )
    return to_money((paid or ZERO) - (spent["out"] or ZERO) + (spent["back"] or ZERO))


def record_count(
    audit: AuditYear,
    room: Room,
    counted_on: date,
    counted: Decimal,
    user: Any,
    today: date | None = None,
) -> CashCount:
    today = today or timezone.localdate()
    if counted_on > today:
        raise ValidationError({"counted_on": _("This date lies in the future.")})
    if counted_on < date(audit.year, 1, 1):
        raise ValidationError(
            {"counted_on": _("A count of this audit is made in or after its year.")}
        )
    if counted < 0:
        raise ValidationError({"counted": _("A count is not negative.")})
    return CashCount.objects.create(
        audit=audit,
        room=room,
        counted_on=counted_on,
        counted=to_money(counted),
        booked=booked_balance(room, counted_on),
        counted_by=user,
    )


def add_finding(
    audit: AuditYear, finding: str, user: Any, room: Room | None = None
) -> Finding:
    if not finding.strip():
        raise ValidationError({"finding": _("Say what was found.")})
    return Finding.objects.create(
        audit=audit, room=room, finding=finding.strip(), recorded_by=user
    )


def follow_up(
    finding: Finding, text: str, resolved_on: date | None, today: date | None = None
) -> Finding:
    today = today or timezone.localdate()
    if resolved_on is not None and resolved_on > today:
        raise ValidationError({"resolved_on": _("This date lies in the future.")})
    finding.follow_up = text.strip()
    finding.resolved_on = resolved_on
    finding.save(update_fields=["follow_up", "resolved_on"])
    return finding


def save_advice(audit: AuditYear, advice: str) -> AuditYear:
    audit.advice = advice.strip()
    audit.save(update_fields=["advice", "updated_at"])
    return audit


def audit_figures(year: int) -> dict[str, Any]:
    """What the financial report carries of the committee's work."""
    audit = AuditYear.objects.filter(year=year).first()
    if audit is None:
        return {"advice": "", "findings": []}
    return {
        "advice": audit.advice,
        "findings": [
            {
                "room": finding.room.name if finding.room else None,
                "finding": finding.finding,
                "follow_up": finding.follow_up,
                "resolved_on": (
                    finding.resolved_on.isoformat() if finding.resolved_on else None
                ),
            }
            for finding in audit.findings.select_related("room")
        ],
    }
