"""What the books look like, read only: the treasurer's month across all rooms,
a room's year month by month, and spending per category.

Each overview is a fixed number of aggregate queries, whatever the number of
rooms, months and entries: figures are grouped by room, month or category in the
database and put together here. Sums are rounded back to cents, because SQLite
adds decimals as floating point."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import (
    Count,
    DecimalField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce, TruncMonth

from buurtwerkkamer.core.money import to_money
from buurtwerkkamer.rooms.constants import Stage
from buurtwerkkamer.rooms.models import Room

from .closing import next_month
from .constants import (
    BUDGET_CATEGORIES,
    LIVE_TRANSFERS,
    ExpenseCategory,
    FixedCostCategory,
    TransferStatus,
)
from .costs import current
from .models import (
    BankStatement,
    BankTransaction,
    BudgetLine,
    ClosedMonth,
    Expense,
    FixedCost,
    Transfer,
)
from .models.bank import UNMATCHED
from .services import Proposal, monthly_run

ZERO = Decimal("0.00")
MONEY = DecimalField(max_digits=12, decimal_places=2)


@dataclass(frozen=True)
class CategoryAmount:
    category: str
    label: str
    amount: Decimal


# The cooperative's month across its rooms.


@dataclass(frozen=True)
class RoomMonth:
    """One operational room in the treasurer's month."""

    room: Room
    allowance: Decimal
    proposed: Decimal
    approved: Decimal
    sent: Decimal
    spent: Decimal
    cash_left: Decimal
    unmatched: int
    last_closed: date | None
    previous_open: bool
    # None when the room has no budget for the year.
    budgeted: Decimal | None
    actual: Decimal
    overspent: tuple[str, ...]

    @property
    def over_allowance(self) -> bool:
        """More petty cash spent in the month than the month's allowance."""
        return self.spent > self.allowance

    @property
    def overspends(self) -> bool:
        return bool(self.overspent) or self.over_allowance

    @property
    def budget_used(self) -> int | None:
        """The share of the year's budget spent, in whole percents."""
        if not self.budgeted:
            return None
        return int(self.actual * 100 / self.budgeted)


@dataclass(frozen=True)
class MonthOverview:
    month: date
    rows: list[RoomMonth]
    categories: list[CategoryAmount]

    def _total(self, name: str) -> Decimal:
        return sum((getattr(row, name) or ZERO for row in self.rows), ZERO)

    @property
    def allowance(self) -> Decimal:
        return self._total("allowance")

    @property
    def proposed(self) -> Decimal:
        return self._total("proposed")

    @property
    def approved(self) -> Decimal:
        return self._total("approved")

    @property
    def sent(self) -> Decimal:
        return self._total("sent")

    @property
    def spent(self) -> Decimal:
        return self._total("spent")

    @property
    def cash_left(self) -> Decimal:
        return self._total("cash_left")

    @property
    def budgeted(self) -> Decimal:
        return self._total("budgeted")

    @property
    def actual(self) -> Decimal:
        return self._total("actual")

    @property
    def unmatched(self) -> int:
        return sum(row.unmatched for row in self.rows)

    @property
    def overspending(self) -> int:
        return sum(1 for row in self.rows if row.overspends)

    @property
    def spending(self) -> Decimal:
        return sum((row.amount for row in self.categories), ZERO)


def month_overview(month: date) -> MonthOverview:
    """Every operational room in `month`: its allowance, the proposed top-up, what
    was approved and sent for the month, the petty cash at the month's end, its
    unmatched bank transactions, its month closing and its budget for the year.
    Raises ValidationError when the cooperative's account is not set up, as the
    monthly run does. Six queries."""
    month = month.replace(day=1)
    proposals = monthly_run(month)
    figures = {room.pk: room for room in _month_figures(month)}
    budget = _YearBudget.of(month.year)
    previous = (month - timedelta(days=1)).replace(day=1)
    rows = [
        _room_month(proposal, figures[proposal.room.pk], budget, previous)
        for proposal in proposals
    ]
    return MonthOverview(month, rows, budget.spending())


def _room_month(
    proposal: Proposal, figures: Any, budget: "_YearBudget", previous: date
) -> RoomMonth:
    room_id = proposal.room.pk
    spent = to_money(figures.spent_now - figures.refunded_now)
    cash_left = to_money(proposal.left + proposal.already - spent)
    last_closed = figures.last_closed
    return RoomMonth(
        room=proposal.room,
        allowance=proposal.allowance,
        proposed=proposal.amount,
        approved=proposal.already,
        sent=to_money(figures.sent),
        spent=spent,
        cash_left=cash_left,
        unmatched=figures.unmatched,
        last_closed=last_closed,
        previous_open=last_closed is None or last_closed < previous,
        budgeted=budget.budgeted_total(room_id),
        actual=budget.actual_total(room_id),
        overspent=budget.overspent(room_id),
    )


def _month_figures(month: date) -> QuerySet[Room]:
    """The operational rooms with what was sent to the bank for `month`, spent
    and refunded in it, their unmatched bank transactions and their latest closed
    month, each as a subquery: one query for all rooms."""
    after = next_month(month)
    spent = Expense.objects.filter(
        room=OuterRef("pk"), spent_on__gte=month, spent_on__lt=after
    )
    sent = Transfer.objects.filter(
        room=OuterRef("pk"), month=month, status=TransferStatus.EXPORTED
    )
    unmatched = BankTransaction.objects.filter(room=OuterRef("pk"), **UNMATCHED)
    closed = ClosedMonth.objects.filter(room=OuterRef("pk")).order_by("-month")
    return Room.objects.filter(stage=Stage.OPERATIONAL).annotate(
        sent=_sum_of(sent),
        spent_now=_sum_of(spent.filter(refund_of__isnull=True)),
        refunded_now=_sum_of(spent.filter(refund_of__isnull=False)),
        unmatched=_count_of(unmatched),
        last_closed=Subquery(closed.values("month")[:1]),
    )


def _sum_of(records: QuerySet[Any]) -> Coalesce:
    total = records.order_by().values("room").annotate(total=Sum("amount"))
    return Coalesce(Subquery(total.values("total")), ZERO, output_field=MONEY)


def _count_of(records: QuerySet[Any]) -> Coalesce:
    count = records.order_by().values("room").annotate(count=Count("pk"))
    return Coalesce(Subquery(count.values("count")), 0, output_field=IntegerField())


def _rows_by(
    rows: Iterable[tuple[Any, ...]],
) -> dict[Any, dict[str, Decimal]]:
    grouped: dict[Any, dict[str, Decimal]] = defaultdict(dict)
    for key, category, total in rows:
        grouped[key][category] = to_money(total or ZERO)
    return grouped


@dataclass
class _YearBudget:
    """Budgeted and actual per room and category for one year, for all rooms at
    once: the figures of `costs.budget_against_actuals`, in three queries."""

    budgeted: dict[int, dict[str, Decimal]]
    actual: dict[int, dict[str, Decimal]]
    petty_cash: dict[int, dict[str, Decimal]]

    @classmethod
    def of(cls, year: int) -> "_YearBudget":
        lines = BudgetLine.objects.filter(budget__year=year)
        budgeted = lines.values_list("budget__room", "category").annotate(
            total=Sum("amount")
        )
        fixed = current(FixedCost.objects.filter(month__year=year))
        actual = fixed.values_list("room", "category").annotate(total=Sum("amount"))
        expenses = Expense.objects.filter(spent_on__year=year).values_list(
            "room", "category"
        )
        spent = expenses.annotate(total=_net_spent())
        return cls(
            _rows_by(budgeted.order_by()),
            _rows_by(actual.order_by()),
            _rows_by(spent.order_by()),
        )

    def budgeted_total(self, room_id: int) -> Decimal | None:
        lines = self.budgeted.get(room_id)
        return None if lines is None else sum(lines.values(), ZERO)

    def actual_by_category(self, room_id: int) -> dict[str, Decimal]:
        """Fixed costs per category, and petty cash as one budget category."""
        actual = dict(self.actual.get(room_id, {}))
        petty_cash = sum(self.petty_cash.get(room_id, {}).values(), ZERO)
        if petty_cash:
            actual["petty_cash"] = petty_cash
        return actual

    def actual_total(self, room_id: int) -> Decimal:
        return sum(self.actual_by_category(room_id).values(), ZERO)

    def overspent(self, room_id: int) -> tuple[str, ...]:
        """The categories whose actual is above their budget. A room without a
        budget for the year has nothing to overspend: it is shown as having no
        budget rather than as over it in every category."""
        lines = self.budgeted.get(room_id)
        if lines is None:
            return ()
        actual = self.actual_by_category(room_id)
        return tuple(
            str(label)
            for category, label in BUDGET_CATEGORIES
            if actual.get(category, ZERO) > lines.get(category, ZERO)
        )

    def spending(self) -> list[CategoryAmount]:
        """The year's spending per category across all rooms: the fixed-cost
        categories, then petty cash per category A-F."""
        return [
            *_totals(self.actual.values(), FixedCostCategory.choices),
            *_totals(self.petty_cash.values(), ExpenseCategory.choices),
        ]


def _totals(
    per_room: Iterable[dict[str, Decimal]], choices: list[tuple[str, Any]]
) -> list[CategoryAmount]:
    totals: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for categories in per_room:
        for category, amount in categories.items():
            totals[category] += amount
    return [
        CategoryAmount(str(value), str(label), totals[str(value)])
        for value, label in choices
    ]


def _net_spent() -> Coalesce:
    """Expenses minus refunds, in one sum: a refund counts negatively."""
    out = Coalesce(Sum("amount", filter=Q(refund_of__isnull=True)), ZERO)
    back = Coalesce(Sum("amount", filter=Q(refund_of__isnull=False)), ZERO)
    return Coalesce(out - back, ZERO, output_field=MONEY)


# A room's year.


@dataclass(frozen=True)
class YearMonth:
    """One month of a room's petty cash within its year."""

    month: date
    opening_balance: Decimal
    transfers_in: Decimal
    expenses_out: Decimal
    bank_balance: Decimal | None
    closed: bool
    ended: bool
    # Net petty-cash spending per category A-F.
    categories: dict[str, Decimal] = field(default_factory=dict)

    @property
    def closing_balance(self) -> Decimal:
        return self.opening_balance + self.transfers_in - self.expenses_out

    @property
    def reconciled(self) -> bool:
        return self.bank_balance == self.closing_balance

    @property
    def spending(self) -> list[Decimal]:
        """Spending per category, in the order A-F."""
        return [self.categories.get(value, ZERO) for value in ExpenseCategory.values]


@dataclass(frozen=True)
class RoomYear:
    room: Room
    year: int
    months: list[YearMonth]
    fixed: list[CategoryAmount]

    @property
    def opening_balance(self) -> Decimal:
        return self.months[0].opening_balance

    @property
    def transfers_in(self) -> Decimal:
        return sum((month.transfers_in for month in self.months), ZERO)

    @property
    def expenses_out(self) -> Decimal:
        return sum((month.expenses_out for month in self.months), ZERO)

    @property
    def closing_balance(self) -> Decimal:
        return self.months[-1].closing_balance

    @property
    def spending(self) -> list[CategoryAmount]:
        """Petty cash per category A-F over the year."""
        return [
            CategoryAmount(
                str(value),
                str(label),
                sum((month.categories.get(value, ZERO) for month in self.months), ZERO),
            )
            for value, label in ExpenseCategory.choices
        ]

    @property
    def fixed_total(self) -> Decimal:
        return sum((row.amount for row in self.fixed), ZERO)


def room_year(room: Room, year: int, today: date) -> RoomYear:
    """A room's year month by month: opening balance, transfers in, expenses out
    net of refunds, closing balance, the bank balance at the month's end and
    whether the month is closed; petty cash per category per month; fixed costs
    per category. Seven queries, whatever the number of entries."""
    start, end = date(year, 1, 1), date(year + 1, 1, 1)
    paid_before, paid = _transfers_by_month(room, start, end)
    spent_before, spent = _expenses_by_month(room, start, end)
    opening = paid_before - spent_before
    closed = set(
        ClosedMonth.objects.filter(room=room, month__gte=start, month__lt=end)
        .values_list("month", flat=True)
        .order_by()
    )
    balances = _bank_balances(room, start, end)
    rows = []
    for month in (date(year, number, 1) for number in range(1, 13)):
        categories = spent.get(month, {})
        row = YearMonth(
            month=month,
            opening_balance=to_money(opening),
            transfers_in=to_money(paid.get(month, ZERO)),
            expenses_out=to_money(sum(categories.values(), ZERO)),
            bank_balance=_balance_on(balances, next_month(month) - timedelta(days=1)),
            closed=month in closed,
            ended=next_month(month) <= today,
            categories=categories,
        )
        rows.append(row)
        opening = row.closing_balance
    return RoomYear(room, year, rows, _fixed_by_category(room, year))


def _transfers_by_month(
    room: Room, start: date, end: date
) -> tuple[Decimal, dict[date, Decimal]]:
    """Live transfers before the year, and per month of it: one query."""
    live = Transfer.objects.filter(room=room, status__in=LIVE_TRANSFERS)
    sums = live.filter(month__lt=end).aggregate(
        before=Sum("amount", filter=Q(month__lt=start)),
        **{
            f"m{number}": Sum("amount", filter=Q(month=date(start.year, number, 1)))
            for number in range(1, 13)
        },
    )
    paid = {
        date(start.year, number, 1): sums[f"m{number}"] or ZERO
        for number in range(1, 13)
    }
    return sums["before"] or ZERO, paid


def _expenses_by_month(
    room: Room, start: date, end: date
) -> tuple[Decimal, dict[date, dict[str, Decimal]]]:
    """Net spending before the year, and per month and category of it."""
    expenses = Expense.objects.filter(room=room, spent_on__lt=end)
    before = expenses.filter(spent_on__lt=start).aggregate(total=_net_spent())
    in_year = (
        expenses.filter(spent_on__gte=start)
        .annotate(month=TruncMonth("spent_on"))
        .values_list("month", "category")
        .annotate(total=_net_spent())
        .order_by()
    )
    spent: dict[date, dict[str, Decimal]] = defaultdict(dict)
    for month, category, total in in_year:
        spent[month][category] = to_money(total or ZERO)
    return to_money(before["total"] or ZERO), spent


def _bank_balances(room: Room, start: date, end: date) -> list[tuple[date, Decimal]]:
    """The statements of the room's business account that can give a month end
    of the year its balance, as `closing.bank_balance` picks them: the latest
    statement closing on or before the day, the newest import first."""
    iban = "".join(room.bank_iban.split()).upper()
    if not iban:
        return []
    statements = BankStatement.objects.filter(
        account_iban=iban, closing_balance__isnull=False
    )
    fields = ("closing_date", "closing_balance", "created_at")
    last_before = statements.filter(closing_date__lt=start).order_by(
        "-closing_date", "-created_at"
    )
    in_year = statements.filter(closing_date__gte=start, closing_date__lt=end)
    found: list[tuple[Any, Any, Any]] = [
        *last_before.values_list(*fields)[:1],
        *in_year.values_list(*fields),
    ]
    # Oldest first; within a day the newest import last, so it wins.
    found.sort(key=lambda row: (row[0], row[2]))
    return [(day, balance) for day, balance, _created in found]


def _balance_on(balances: list[tuple[date, Decimal]], day: date) -> Decimal | None:
    found = None
    for closing_date, balance in balances:
        if closing_date > day:
            break
        found = balance
    return found


def _fixed_by_category(room: Room, year: int) -> list[CategoryAmount]:
    fixed = current(FixedCost.objects.filter(room=room, month__year=year))
    totals = dict(
        fixed.values_list("category").annotate(total=Sum("amount")).order_by()
    )
    return [
        CategoryAmount(str(value), str(label), to_money(totals.get(value) or ZERO))
        for value, label in FixedCostCategory.choices
    ]
