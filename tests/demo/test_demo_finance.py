"""The demo's books: years of fixed costs, budgets, petty cash, bank statements
and closings, made through the finance services, with work left this year."""

import datetime
from decimal import Decimal

import pytest
from django.db.models import Sum
from lxml import etree
from pytest_django.fixtures import Settings

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.demo.context import Demo, add_months
from buurtwerkkamer.demo.facts.rooms import OPERATIONAL_ROOMS
from buurtwerkkamer.demo.finance import bank
from buurtwerkkamer.demo.finance.books import books_of
from buurtwerkkamer.finance.closing import month_summary
from buurtwerkkamer.finance.constants import (
    BatchStatus,
    ExpenseCategory,
    ExpenseStatus,
    FixedCostCategory,
)
from buurtwerkkamer.finance.models import (
    BankStatement,
    BankTransaction,
    BudgetLine,
    ClosedMonth,
    Expense,
    FixedCost,
    FrozenYear,
    SepaBatch,
    Transfer,
)
from buurtwerkkamer.rooms.models import Room

from ..samples import SAMPLES
from .conftest import LOAD_DAY, load_demo, row_counts

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded_demo")]

THIS_MONTH = LOAD_DAY.replace(day=1)
LAST_MONTH = add_months(THIS_MONTH, -1)
FIRST_MONTH = datetime.date(LOAD_DAY.year - 2, 1, 1)
CAMT_XSD = SAMPLES / "xsd" / "genkgo+camt" / "camt.053.001.02.xsd"


def operational() -> list[Room]:
    return list(Room.objects.filter(slug__in=[f.slug for f in OPERATIONAL_ROOMS]))


def months(first: datetime.date, until: datetime.date) -> list[datetime.date]:
    found = []
    while first < until:
        found.append(first)
        first = add_months(first, 1)
    return found


def test_a_second_load_adds_nothing(settings: Settings) -> None:
    settings.DEBUG = True
    before = row_counts()

    load_demo()

    assert row_counts() == before


def test_the_oldest_room_keeps_books_from_january_of_the_year_before_last() -> None:
    first = Transfer.objects.order_by("month").first()

    assert first is not None
    assert first.month == FIRST_MONTH
    assert first.room.slug == OPERATIONAL_ROOMS[0].slug


def test_every_room_is_paid_petty_cash_every_month_until_last_month() -> None:
    for room in operational():
        paid = list(room.transfers.order_by("month").values_list("month", flat=True))
        assert paid == months(paid[0], THIS_MONTH), room.slug


def test_every_batch_was_prepared_approved_by_another_and_exported() -> None:
    batches = SepaBatch.objects.all()

    assert batches.count() == len(months(FIRST_MONTH, THIS_MONTH))
    for batch in batches:
        assert batch.status == BatchStatus.EXPORTED
        assert batch.approved_by_id != batch.prepared_by_id
        assert batch.approved_by.grants.filter(role=Role.BOARD).exists()
        assert batch.execution_date < LOAD_DAY


def test_fixed_costs_of_every_kind_are_booked_every_month() -> None:
    for room in operational():
        first = room.transfers.order_by("month").first().month
        for category in FixedCostCategory.values:
            if category == FixedCostCategory.OTHER:
                continue
            booked = set(
                room.fixed_costs.filter(
                    category=category, correction_of__isnull=True
                ).values_list("month", flat=True)
            )
            assert booked == set(months(first, THIS_MONTH)), (room.slug, category)


def test_recurring_costs_come_from_templates_and_salaries_name_a_contract() -> None:
    costs = FixedCost.objects.filter(correction_of__isnull=True)
    salaries = costs.filter(category=FixedCostCategory.SALARIES)

    assert not costs.exclude(category=FixedCostCategory.SALARIES).filter(
        template__isnull=True
    )
    assert salaries.exists()
    assert not salaries.filter(contract_reference="")
    assert not salaries.filter(template__isnull=False)


def test_one_fixed_cost_is_corrected_in_an_open_month() -> None:
    correction = FixedCost.objects.get(correction_of__isnull=False)
    closed = ClosedMonth.objects.filter(room=correction.room)

    assert correction.amount > correction.correction_of.amount
    assert correction.correction_of.month < correction.month
    assert not closed.filter(month__gte=correction.month).exists()


def test_every_year_has_a_budget_drawing_on_granted_funding() -> None:
    for room in operational():
        first_year = room.transfers.order_by("month").first().month.year
        years = set(room.budgets.values_list("year", flat=True))
        assert years == set(range(first_year, LOAD_DAY.year + 1))
    funded = BudgetLine.objects.filter(funding_source__isnull=False)
    assert set(funded.values_list("budget__room", flat=True)) == {
        room.pk for room in operational()
    }


def test_the_rent_draws_on_the_landlords_commitment() -> None:
    committed = BudgetLine.objects.filter(commitment__isnull=False)

    assert set(committed.values_list("category", flat=True)) == {"rent"}
    for line in committed.select_related("commitment__organisation"):
        assert line.amount <= line.commitment.commitment_amount
        assert line.commitment.signed_on is not None


def test_expenses_carry_receipts_in_every_category_and_some_are_refunded() -> None:
    spent = Expense.objects.filter(refund_of__isnull=True)
    refunds = Expense.objects.filter(refund_of__isnull=False)

    assert set(spent.values_list("category", flat=True)) == set(ExpenseCategory.values)
    assert not spent.filter(receipt__isnull=True)
    assert refunds.count() == 2
    assert not refunds.filter(bank_transactions__isnull=True)


def test_every_months_statement_opens_where_the_previous_one_closed() -> None:
    for room in operational():
        statements = list(
            BankStatement.objects.filter(room=room).order_by("closing_date")
        )
        assert statements[0].opening_balance == Decimal("0.00")
        for before, after in zip(statements, statements[1:], strict=False):
            assert after.opening_balance == before.closing_balance
        assert not [s.warnings for s in statements if s.warnings]


def test_closed_months_reconcile_with_the_bank() -> None:
    closed = ClosedMonth.objects.all()

    assert closed.exists()
    for month in closed:
        assert month.bank_balance == month.closing_balance


def test_the_year_before_last_and_last_year_are_closed_every_month() -> None:
    oldest = Room.objects.get(slug=OPERATIONAL_ROOMS[0].slug)
    closed = set(oldest.closed_months.values_list("month", flat=True))

    assert set(months(FIRST_MONTH, datetime.date(LOAD_DAY.year, 1, 1))) <= closed


def test_the_year_before_last_is_frozen_by_the_accountant() -> None:
    frozen = FrozenYear.objects.filter(year=LOAD_DAY.year - 2)
    accountant = User.objects.get(grants__role=Role.ACCOUNTANT)

    assert frozen.count() == 2
    assert set(frozen.values_list("frozen_by", flat=True)) == {accountant.pk}
    assert not FrozenYear.objects.filter(year__gte=LOAD_DAY.year - 1)


def test_the_last_two_months_are_left_open() -> None:
    for room in operational():
        latest = room.closed_months.order_by("month").last()
        assert latest.month == add_months(THIS_MONTH, -3)


def test_this_year_has_unmatched_bank_transactions() -> None:
    unmatched = BankTransaction.objects.filter(
        booking_date__year=LOAD_DAY.year,
        transfer__isnull=True,
        expense__isnull=True,
    )

    assert unmatched.count() == 1
    assert unmatched.get().amount < 0


def test_an_expense_of_last_month_is_not_on_a_statement_yet() -> None:
    waiting = Expense.objects.filter(
        spent_on__gte=LAST_MONTH, bank_transactions__isnull=True
    )

    assert waiting.count() == 1


def test_last_month_does_not_reconcile_in_one_room_and_does_in_the_others() -> None:
    reconciled = [month_summary(room, LAST_MONTH).reconciled for room in operational()]

    assert sorted(reconciled) == [False, True, True]


def test_last_months_expenses_wait_for_the_treasurers_check() -> None:
    unchecked = Expense.objects.filter(status=ExpenseStatus.RECORDED)
    queried = Expense.objects.filter(status=ExpenseStatus.QUERIED)

    assert unchecked.exists()
    assert not unchecked.filter(spent_on__lt=LAST_MONTH)
    assert queried.count() == 1


def test_the_rooms_stay_within_their_petty_cash() -> None:
    for room in operational():
        paid = room.transfers.aggregate(total=Sum("amount"))["total"]
        summary = month_summary(room, LAST_MONTH)
        assert Decimal("0.00") <= summary.closing_balance <= paid


def test_a_months_statement_is_valid_camt053() -> None:
    schema = etree.XMLSchema(etree.parse(str(CAMT_XSD)))
    demo = Demo(LOAD_DAY, rooms={room.slug: room for room in operational()})
    books = books_of(demo, OPERATIONAL_ROOMS)[0]
    month = add_months(THIS_MONTH, -5)
    lines = bank.lines_of(books, month)

    references = [f"R{number}" for number in range(len(lines))]

    xml = bank.statement_xml(books, month, lines, references)

    assert len(lines) >= 5
    schema.assertValid(etree.fromstring(xml))
