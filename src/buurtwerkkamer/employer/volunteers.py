"""Volunteers: their tasks, certificates of conduct and allowances.

The volunteer allowance is free of tax only up to a monthly and a yearly
maximum (BWK_VOLUNTEER_ALLOWANCE_LIMITS per year), over everything the
cooperative pays the person, whatever room pays it. Passing either makes the
whole allowance taxable income, so a payment that would pass one is refused
rather than warned about; a warning shows once a person comes within
BWK_VOLUNTEER_ALLOWANCE_WARNING of a limit."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from buurtwerkkamer.core.money import format_eur, to_money
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room

from .constants import ConductResult
from .models import ConductCertificate, VolunteerAllowance, VolunteerTask

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Limits:
    month: Decimal
    year: Decimal


def limits_for(year: int) -> Limits | None:
    found = settings.BWK_VOLUNTEER_ALLOWANCE_LIMITS.get(year)
    if found is None:
        return None
    return Limits(month=Decimal(found["month"]), year=Decimal(found["year"]))


def _has_certificate(person: Person, day: date) -> bool:
    return ConductCertificate.objects.filter(
        person=person, result=ConductResult.ISSUED, issued_on__lte=day
    ).exists()


@transaction.atomic
def add_task(
    person: Person,
    room: Room,
    *,
    task: str,
    needs_certificate: bool,
    starts_on: date,
    ends_on: date | None = None,
) -> VolunteerTask:
    """Give a volunteer of the room a task. Refused: a period that ends before
    it starts, a person who is not of the room, and a task that needs a
    certificate of conduct before one was issued."""
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError({"ends_on": _("A task cannot end before it starts.")})
    if not person.rooms.filter(pk=room.pk).exists():
        raise ValidationError({"person": _("This person is not of this room.")})
    if needs_certificate and not _has_certificate(person, starts_on):
        raise ValidationError(
            {
                "needs_certificate": _(
                    "This task needs a certificate of conduct issued before it starts."
                )
            }
        )
    volunteer_task = VolunteerTask(
        person=person,
        room=room,
        task=task.strip(),
        needs_certificate=needs_certificate,
        starts_on=starts_on,
        ends_on=ends_on,
    )
    volunteer_task.full_clean()
    volunteer_task.save()
    return volunteer_task


@transaction.atomic
def record_certificate(
    person: Person, room: Room, *, issued_on: date, result: str, today: date
) -> ConductCertificate:
    """Record the date and result of a certificate of conduct; never the
    certificate itself."""
    if issued_on > today:
        raise ValidationError({"issued_on": _("This date lies in the future.")})
    if result not in ConductResult.values:
        raise ValidationError({"result": _("Choose issued or refused.")})
    if not person.rooms.filter(pk=room.pk).exists():
        raise ValidationError({"person": _("This person is not of this room.")})
    return ConductCertificate.objects.create(
        person=person, room=room, issued_on=issued_on, result=result
    )


def _paid(person: Person, year: int) -> dict[int, Decimal]:
    """What the person got per month of the year, over every room."""
    rows = (
        VolunteerAllowance.objects.filter(person=person, month__year=year)
        .values_list("month")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    return {month.month: to_money(total) for month, total in rows}


@transaction.atomic
def pay_allowance(
    person: Person, room: Room, *, month: date, amount: Decimal
) -> VolunteerAllowance:
    """Record a volunteer allowance paid by the room for a month. Refused: a
    month not given by its first day, an amount of zero or less, a year without
    limits set, and an amount that would take the person past the monthly or
    the yearly tax-free limit over all rooms."""
    if month.day != 1:
        raise ValidationError({"month": _("A month starts on its first day.")})
    if amount <= 0:
        raise ValidationError({"amount": _("The amount must be more than zero.")})
    limits = limits_for(month.year)
    if limits is None:
        raise ValidationError(
            {
                "month": _("No tax-free limits are set for %(year)s.")
                % {"year": month.year}
            }
        )
    if not person.rooms.filter(pk=room.pk).exists():
        raise ValidationError({"person": _("This person is not of this room.")})
    # Lock the person: two rooms paying at the same moment count one another.
    Person.objects.select_for_update().filter(pk=person.pk).exists()
    paid = _paid(person, month.year)
    in_month = paid.get(month.month, ZERO) + amount
    in_year = sum(paid.values(), ZERO) + amount
    if in_month > limits.month:
        raise ValidationError(
            {
                "amount": _(
                    "This takes %(person)s to %(total)s this month, past the "
                    "tax-free %(limit)s."
                )
                % {
                    "person": person,
                    "total": format_eur(in_month),
                    "limit": format_eur(limits.month),
                }
            }
        )
    if in_year > limits.year:
        raise ValidationError(
            {
                "amount": _(
                    "This takes %(person)s to %(total)s this year, past the "
                    "tax-free %(limit)s."
                )
                % {
                    "person": person,
                    "total": format_eur(in_year),
                    "limit": format_eur(limits.year),
                }
            }
        )
    return VolunteerAllowance.objects.create(
        person=person, room=room, month=month, amount=amount
    )


@dataclass(frozen=True)
class AllowanceTotal:
    """What one person got in a year over all rooms, and in its fullest month."""

    person_id: int
    year_total: Decimal
    month_total: Decimal
    limits: Limits | None

    def _near(self, total: Decimal, limit: Decimal) -> bool:
        share = Decimal(settings.BWK_VOLUNTEER_ALLOWANCE_WARNING)
        return total >= limit * share

    @property
    def warning(self) -> bool:
        """Within the warning share of the monthly or the yearly limit."""
        if self.limits is None:
            return False
        return self._near(self.month_total, self.limits.month) or self._near(
            self.year_total, self.limits.year
        )

    @property
    def year_left(self) -> Decimal | None:
        return None if self.limits is None else self.limits.year - self.year_total


def allowance_totals(
    person_ids: Iterable[int], year: int, month: date
) -> dict[int, AllowanceTotal]:
    """Per person: the year's total and `month`'s, over every room. One query
    for any number of people."""
    people = list(person_ids)
    per_month: dict[int, dict[int, Decimal]] = defaultdict(dict)
    rows = (
        VolunteerAllowance.objects.filter(person_id__in=people, month__year=year)
        .values_list("person_id", "month")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    for person_id, paid_month, total in rows:
        per_month[person_id][paid_month.month] = to_money(total)
    limits = limits_for(year)
    return {
        person: AllowanceTotal(
            person_id=person,
            year_total=sum(per_month[person].values(), ZERO),
            month_total=per_month[person].get(month.month, ZERO),
            limits=limits,
        )
        for person in people
    }
