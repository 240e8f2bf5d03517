"""The rules per kind of contract (DESIGN.md section 5), with their durations
from the settings: a participation placement is unpaid and lasts at most
BWK_PARTICIPATION_MAX_MONTHS, extendable to BWK_PARTICIPATION_MAX_TOTAL_MONTHS
in all; a work-experience placement lasts at most BWK_WORK_EXPERIENCE_MAX_MONTHS;
a perspective job is paid employment."""

import calendar
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .constants import STAFF_KINDS, ContractKind, PayBasis


def months_later(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def last_day_within(start: date, months: int) -> date:
    """The last day of a period of `months` months that starts on `start`."""
    return months_later(start, months) - timedelta(days=1)


def _max_months(kind: str) -> int | None:
    if kind == ContractKind.PARTICIPATION:
        return int(settings.BWK_PARTICIPATION_MAX_MONTHS)
    if kind == ContractKind.WORK_EXPERIENCE:
        return int(settings.BWK_WORK_EXPERIENCE_MAX_MONTHS)
    return None


def check_terms(
    kind: str,
    *,
    position: str,
    starts_on: date,
    ends_on: date | None,
    pay: object,
    pay_basis: str,
) -> None:
    """Refuse terms the kind does not allow; one message per field concerned."""
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError({"ends_on": _("A contract cannot end before it starts.")})
    if kind in STAFF_KINDS and not position:
        raise ValidationError({"position": _("Choose the position of paid staff.")})
    if kind not in STAFF_KINDS and position:
        raise ValidationError({"position": _("Only paid staff hold a position.")})
    if kind == ContractKind.PARTICIPATION and (pay or pay_basis != PayBasis.NONE):
        raise ValidationError(
            {"pay": _("A participation placement is unpaid: no pay, no fee.")}
        )
    paid = kind in STAFF_KINDS or kind == ContractKind.PERSPECTIVE_JOB
    if paid and (not pay or pay_basis == PayBasis.NONE):
        raise ValidationError({"pay": _("This kind of contract is paid work.")})
    if kind == ContractKind.EMPLOYMENT and pay_basis != PayBasis.MONTH:
        raise ValidationError({"pay_basis": _("A salary is paid per month.")})
    if kind == ContractKind.PERSPECTIVE_JOB and pay_basis != PayBasis.MONTH:
        raise ValidationError(
            {"pay_basis": _("A perspective job is employment, paid per month.")}
        )
    limit = _max_months(kind)
    if limit is None:
        return
    if ends_on is None:
        raise ValidationError({"ends_on": _("This kind of contract has an end date.")})
    if ends_on > last_day_within(starts_on, limit):
        raise ValidationError(
            {
                "ends_on": _("This kind of contract lasts %(months)s months at most.")
                % {"months": limit}
            }
        )


def check_total(kind: str, first_start: date, ends_on: date | None) -> None:
    """A participation placement with all its extensions lasts at most
    BWK_PARTICIPATION_MAX_TOTAL_MONTHS from its first day."""
    if kind != ContractKind.PARTICIPATION or ends_on is None:
        return
    total = int(settings.BWK_PARTICIPATION_MAX_TOTAL_MONTHS)
    if ends_on > last_day_within(first_start, total):
        raise ValidationError(
            {
                "ends_on": _(
                    "With its extensions a participation placement lasts "
                    "%(months)s months at most."
                )
                % {"months": total}
            }
        )
