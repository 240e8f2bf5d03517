"""Reads that go beyond one object: who sees which agreements, result obligations
measured against their targets, and the rooms that lack next year's agreement."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.access.policy import roles_of
from buurtwerkkamer.core import registry
from buurtwerkkamer.core.money import to_money
from buurtwerkkamer.rooms.constants import Stage
from buurtwerkkamer.rooms.models import Room

from .constants import BINDING, LEVEL_INDICATORS, AgreementKind, AgreementStatus
from .models import (
    Agreement,
    AgreementParty,
    ObligationValue,
    PartnershipInvestment,
    ResultObligation,
)


def readable_agreements(
    user: Any, agreements: QuerySet[Agreement]
) -> QuerySet[Agreement]:
    """Of these agreements, in any number of rooms, those this user may read:
    everything for the cooperative and the room's staff; for a partner, those
    their organisation is party to, out of draft."""
    roles = roles_of(user)
    if roles.reads_all:
        return agreements
    parties = AgreementParty.objects.filter(organisation_id__in=roles.organisations)
    as_party = ~Q(status=AgreementStatus.DRAFT) & Q(
        pk__in=parties.values("agreement_id")
    )
    return agreements.filter(Q(room__in=roles.staff_rooms) | as_party)


def agreements_for(user: Any, room: Room) -> QuerySet[Agreement]:
    """The room's agreements this user may read (see `readable_agreements`)."""
    return readable_agreements(user, room.agreements.all())


def parties_for(agreement: Agreement) -> QuerySet[AgreementParty]:
    return agreement.parties.select_related("organisation")


def investments_for(agreement: Agreement) -> QuerySet[PartnershipInvestment]:
    return PartnershipInvestment.objects.filter(
        party__agreement=agreement
    ).select_related("party__organisation")


@dataclass(frozen=True)
class Measured:
    """A result obligation with what was realised and whether it is on track."""

    obligation: ResultObligation
    realised: Decimal | None
    expected: Decimal
    on_track: bool | None

    @property
    def share(self) -> int:
        """Realised as a percentage of the target, for the bar."""
        if self.realised is None:
            return 0
        return int(self.realised * 100 / self.obligation.target)


def elapsed(start: date, end: date, day: date) -> Decimal:
    """The part of the period from `start` to `end` (both included) that has
    passed by the end of `day`: 0 before it starts, 1 once it is over."""
    if day < start:
        return Decimal(0)
    if day >= end:
        return Decimal(1)
    return Decimal((day - start).days + 1) / Decimal((end - start).days + 1)


def measure(obligations: list[ResultObligation], today: date) -> list[Measured]:
    """Realised against target for each obligation, in a fixed number of queries:
    one per computed indicator and period, one for all entered values.

    The realised value of a computed indicator covers the period up to today; of
    an entered one, it is the latest value entered. On track means: the realised
    value reaches the target pro rata for the part of the period that has passed
    (on the day of the latest value, for an entered one), so half-way through
    the year half the target will do. A level (visitors per week, active
    volunteers) is not a running total: it has to reach the whole target.
    Before the period starts nothing can be on track or behind (None)."""
    realised = _computed(obligations, today) | _entered(obligations)
    measured = []
    for obligation in obligations:
        value, as_of = realised.get(obligation.pk, (None, today))
        share = elapsed(obligation.period_start, obligation.period_end, as_of)
        if obligation.indicator in LEVEL_INDICATORS and share:
            share = Decimal(1)
        expected = (obligation.target * share).quantize(Decimal("0.01"))
        on_track = None if share == 0 or value is None else value >= expected
        measured.append(Measured(obligation, value, expected, on_track))
    return measured


def _computed(
    obligations: list[ResultObligation], today: date
) -> dict[int, tuple[Decimal | None, date]]:
    groups: dict[tuple[str, date, date], list[ResultObligation]] = defaultdict(list)
    for obligation in obligations:
        if obligation.computed and obligation.period_start <= today:
            end = min(obligation.period_end, today)
            groups[(obligation.indicator, obligation.period_start, end)].append(
                obligation
            )
    found: dict[int, tuple[Decimal | None, date]] = {}
    for (code, start, end), members in groups.items():
        indicator = registry.indicator(code)
        if indicator is None:
            continue
        rooms = {member.agreement.room_id for member in members}
        values = indicator.compute(rooms, start, end)
        for member in members:
            value = values.get(member.agreement.room_id, Decimal(0))
            found[member.pk] = (Decimal(value), end)
    return found


def _entered(
    obligations: list[ResultObligation],
) -> dict[int, tuple[Decimal | None, date]]:
    entered = [obligation.pk for obligation in obligations if not obligation.computed]
    if not entered:
        return {}
    latest = ObligationValue.objects.filter(obligation=OuterRef("pk")).order_by(
        "-as_of", "-created_at"
    )
    rows = (
        ResultObligation.objects.filter(pk__in=entered)
        .annotate(
            value=Subquery(latest.values("value")[:1]),
            as_of=Subquery(latest.values("as_of")[:1]),
        )
        .filter(value__isnull=False)
        .values_list("pk", "value", "as_of")
    )
    # SQLite hands a subquery's decimal back as a float: back to cents.
    return {pk: (to_money(value), as_of) for pk, value, as_of in rows}


def deadline(year: int) -> date:
    """The day by which the annual agreement for `year` is signed."""
    month, day = settings.BWK_ANNUAL_AGREEMENT_DEADLINE
    return date(year - 1, month, day)


def rooms_without_signed_agreement(rooms: QuerySet[Room], year: int) -> QuerySet[Room]:
    """Operational rooms among these that have no binding annual agreement for
    `year`, each with the status of the one in the works, if any."""
    annual = Agreement.objects.filter(
        room=OuterRef("pk"), kind=AgreementKind.ANNUAL, year=year
    )
    return (
        rooms.filter(stage=Stage.OPERATIONAL)
        .exclude(Exists(annual.filter(status__in=BINDING)))
        .annotate(
            agreement_uuid=Subquery(annual.values("uuid")[:1]),
            agreement_status=Subquery(annual.values("status")[:1]),
        )
        .order_by("name")
    )


def in_annual_cycle(rooms: QuerySet[Room], year: int) -> QuerySet[Room]:
    """The rooms among these that work with annual agreements in `year`: a
    partnership covers the year, or an annual agreement exists for the year or
    the one before. A room that just opened on its cooperation agreements joins
    the cycle with its first partnership or annual agreement; until then the
    overview flags it, but nobody is mailed about it."""
    agreements = Agreement.objects.filter(room=OuterRef("pk"))
    partnership = agreements.filter(
        kind=AgreementKind.PARTNERSHIP,
        status__in=BINDING,
        starts_on__year__lte=year,
        ends_on__year__gte=year,
    )
    annual = agreements.filter(kind=AgreementKind.ANNUAL, year__in=[year - 1, year])
    return rooms.filter(Exists(partnership) | Exists(annual))


def overview_rooms(user: Any) -> QuerySet[Room]:
    """The rooms whose annual agreements this user follows on the overview: all
    for the board and those who read the finance, a coach's own rooms."""
    roles = roles_of(user)
    if roles.reads_all or roles.reads_finance:
        return Room.objects.all()
    return Room.objects.filter(pk__in=roles.rooms_as(Role.PROJECT_COACH))


def reminded_rooms(user: Any) -> QuerySet[Room]:
    """The rooms whose missing annual agreement is this user's to chase: every
    room for the board, their own for coaches and team coordinators."""
    roles = roles_of(user)
    if Role.BOARD in roles.cooperative:
        return Room.objects.all()
    return Room.objects.filter(pk__in=roles.staff_rooms)
