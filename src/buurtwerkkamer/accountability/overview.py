"""The board's and coaches' overview across rooms: for each room its stage,
whether next year's agreement is signed, how many result obligations are on
track, how much of the budget is used, how many signals and mediation cases are
open (counts only), and how many deadlines have passed. A fixed number of
queries, whatever the number of rooms."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, Sum

from buurtwerkkamer.brokering.constants import AgreementKind
from buurtwerkkamer.brokering.models import ResultObligation
from buurtwerkkamer.brokering.queries import measure, rooms_without_signed_agreement
from buurtwerkkamer.core.registry import deadlines_for
from buurtwerkkamer.finance.costs import current
from buurtwerkkamer.finance.models import BudgetLine, Expense, FixedCost
from buurtwerkkamer.mediation.models import MediationCase
from buurtwerkkamer.placements.models import Signal
from buurtwerkkamer.rooms.constants import Stage
from buurtwerkkamer.rooms.models import Room

from .render import Chart, bars

ZERO = Decimal(0)


@dataclass(frozen=True)
class RoomRow:
    room: Room
    next_year_signed: bool | None
    on_track: int
    obligations: int
    budgeted: Decimal
    spent: Decimal
    open_signals: int
    open_cases: int
    late: int

    @property
    def budget_used(self) -> int | None:
        """Per cent of the year's budget spent; None without a budget."""
        if not self.budgeted:
            return None
        return int(self.spent * 100 / self.budgeted)


def _sums(rows: Any) -> dict[int, Decimal]:
    return {room: total or ZERO for room, total in rows}


def overview(rooms: list[Room], user: Any, today: date) -> tuple[list[RoomRow], Chart]:
    ids = [room.pk for room in rooms]
    year = today.year
    unsigned = set(
        rooms_without_signed_agreement(
            Room.objects.filter(pk__in=ids), year + 1
        ).values_list("pk", flat=True)
    )
    obligations = list(
        ResultObligation.objects.filter(
            agreement__room__in=ids,
            agreement__kind=AgreementKind.ANNUAL,
            agreement__year=year,
        ).select_related("agreement")
    )
    on_track: dict[int, list[bool | None]] = {}
    for measured in measure(obligations, today):
        on_track.setdefault(measured.obligation.agreement.room_id, []).append(
            measured.on_track
        )
    budgeted = _sums(
        BudgetLine.objects.filter(budget__room__in=ids, budget__year=year)
        .values_list("budget__room")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    fixed = _sums(
        current(FixedCost.objects.filter(room__in=ids, month__year=year))
        .values_list("room")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    expenses = Expense.objects.filter(room__in=ids, spent_on__year=year)
    spent_out = _sums(
        expenses.filter(refund_of__isnull=True)
        .values_list("room")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    spent_back = _sums(
        expenses.filter(refund_of__isnull=False)
        .values_list("room")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    signals = dict(
        Signal.objects.filter(
            placement__candidate__room__in=ids, resolved_on__isnull=True
        )
        .values_list("placement__candidate__room")
        .annotate(count=Count("pk"))
        .order_by()
    )
    cases = dict(
        MediationCase.objects.filter(room__in=ids, closed_on__isnull=True)
        .values_list("room")
        .annotate(count=Count("pk"))
        .order_by()
    )
    late: dict[str, int] = {}
    for deadline in deadlines_for(user, today):
        if deadline.due < today and deadline.room:
            late[deadline.room] = late.get(deadline.room, 0) + 1
    rows = []
    for room in rooms:
        tracks = on_track.get(room.pk, [])
        rows.append(
            RoomRow(
                room=room,
                next_year_signed=(
                    None if room.stage != Stage.OPERATIONAL else room.pk not in unsigned
                ),
                on_track=sum(1 for value in tracks if value),
                obligations=len(tracks),
                budgeted=budgeted.get(room.pk, ZERO),
                spent=fixed.get(room.pk, ZERO)
                + spent_out.get(room.pk, ZERO)
                - spent_back.get(room.pk, ZERO),
                open_signals=signals.get(room.pk, 0),
                open_cases=cases.get(room.pk, 0),
                late=late.get(room.name, 0),
            )
        )
    chart = bars(
        [
            (row.room.name, Decimal(row.budget_used or 0), f"{row.budget_used or 0}%")
            for row in rows
        ]
    )
    return rows, chart
