"""Finance in the demo: the books of every operational room from January of the
year before last (or its opening) until last month, made month by month through
the finance services, as the treasurer, the team coordinators, a second board
member and the accountant would have made them.

The year before last is closed month by month and frozen by the accountant;
last year is closed. Of the last two months that have ended, the first
reconciles but waits to be closed and the second leaves the treasurer work: a
card payment on the bank statement without an expense, an expense the bank has
not booked yet, expenses not checked (in January those are November and December
of last year, as they would be for a real treasurer). This month is left for the
treasurer's monthly run.

The services stamp the moment they run; where a page shows when something was
done (a batch sent, a month closed, a year frozen, an expense checked) the demo
dates it back afterwards, as the start-up track does with its gates."""

import logging
from datetime import date, timedelta
from decimal import Decimal

from schwifty import IBAN

from buurtwerkkamer.finance.closing import close_month, freeze_year, next_month
from buurtwerkkamer.finance.models import (
    ClosedMonth,
    CooperativeAccount,
    FrozenYear,
    RoomAllowance,
)
from buurtwerkkamer.finance.services import save_cooperative_account

from ..context import Demo, add_months, moment
from ..facts.finance import NOT_YET_BOOKED, RECEIPT_MISSING
from ..facts.rooms import OPERATIONAL_ROOMS
from . import bank, costs, petty_cash
from .books import YEARS_BACK, Books, books_of

logger = logging.getLogger(__name__)

# Months that have ended but are not closed yet.
OPEN_MONTHS = 2
# The room whose last month holds the treasurer's open ends.
UNFINISHED_ROOM = 0
# The month (before this one) whose utilities the annual bill corrects.
CORRECTED_MONTH = 9


def build_finance(demo: Demo) -> None:
    save_cooperative_account(
        CooperativeAccount(
            name="BuurtWerkKamer Cooperatie UA",
            iban=IBAN.generate(
                "NL", bank_code="INGB", account_code="0006543210"
            ).compact,
            bic="INGBNL2A",
        )
    )
    books = books_of(demo, OPERATIONAL_ROOMS)
    # One room gets less, as the rules allow.
    RoomAllowance.objects.create(room=books[-1].room, monthly_amount=Decimal("200.00"))
    costs.set_up(demo, books)
    this_month = demo.today.replace(day=1)
    month = min(each.first_month for each in books)
    while month < this_month:
        _month(demo, [each for each in books if each.runs_in(month)], month)
        month = next_month(month)
    costs.correct_utilities(
        demo, books[UNFINISHED_ROOM], add_months(this_month, -CORRECTED_MONTH)
    )
    _date_back(demo)
    logger.info("demo finance built rooms=%s", len(books))


def _month(demo: Demo, books: list[Books], month: date) -> None:
    """One month of every room that keeps books: fixed costs, petty cash paid
    and spent, the bank statement, the treasurer's check and the closing."""
    this_month = demo.today.replace(day=1)
    last = add_months(this_month, -1)
    costs.book_month(demo, books, month)
    petty_cash.pay(demo, books, month)
    for each in books:
        petty_cash.spend(demo, each, month)
        if month == last and each.index == UNFINISHED_ROOM:
            lines = _unfinished(demo, each, month)
        else:
            lines = bank.lines_of(each, month)
        bank.import_month(demo, each, month, lines)
        if month < last:
            petty_cash.check(demo, each, month)
        if month < add_months(this_month, -OPEN_MONTHS):
            close_month(
                each.room, month, demo.users["penningmeester"], today=demo.today
            )
    if month.month == 12 and month.year == demo.today.year - YEARS_BACK:
        for each in books:
            freeze_year(
                each.room, month.year, demo.users["accountant"], today=demo.today
            )


def _unfinished(demo: Demo, books: Books, month: date) -> list[bank.Line]:
    """Last month of one room: a purchase on its last day that the bank books
    next month, and a card payment whose receipt was never handed in."""
    last_day = add_months(month, 1) - timedelta(days=1)
    late = petty_cash.record(
        demo, books, last_day, NOT_YET_BOOKED, NOT_YET_BOOKED.amount
    )
    return bank.lines_of(
        books,
        month,
        unbooked=(late,),
        unrecorded=((month.replace(day=20), RECEIPT_MISSING),),
    )


def _date_back(demo: Demo) -> None:
    """The services stamp today; date the closings and the freezing back to
    when the treasurer and the accountant did them."""
    for closed in ClosedMonth.objects.all():
        closed_on = next_month(closed.month) + timedelta(days=8)
        ClosedMonth.objects.filter(pk=closed.pk).update(closed_at=moment(closed_on))
    for frozen in FrozenYear.objects.all():
        frozen_on = min(date(frozen.year + 1, 5, 20), demo.today)
        FrozenYear.objects.filter(pk=frozen.pk).update(frozen_at=moment(frozen_on))
