"""The year's end in the browser: the accountant reads the journal of last year
and freezes a room's closed year from its petty-cash page."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from buurtwerkkamer.finance import closing
from buurtwerkkamer.finance.models import FrozenYear
from tests.factories import BankStatementFactory, ExpenseFactory, TransferFactory
from tests.personas import World

from .visitor import MakeVisitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_accountant_reads_the_journal_and_freezes_a_closed_year(
    visitor: MakeVisitor, world: World
) -> None:
    year = timezone.localdate().year - 1
    december = datetime.date(year, 12, 1)
    TransferFactory(room=world.room, month=december, amount=Decimal("250.00"))
    ExpenseFactory(room=world.room, spent_on=december, amount=Decimal("40.10"))
    BankStatementFactory(
        room=world.room,
        closing_date=datetime.date(year, 12, 31),
        closing_balance=Decimal("209.90"),
    )
    closing.close_month(world.room, december, world.users["treasurer"])

    accountant = visitor()
    accountant.sign_in(world.users["accountant"])
    accountant.open(f"{reverse('finance:journal')}?jaar={year}")
    assert accountant.main("table").first.is_visible()
    room_cash = reverse("finance:room", kwargs={"room": world.room.slug})
    accountant.open(room_cash)
    accountant.main("[name=year]").fill(str(year))
    action = reverse("finance:year_freeze", kwargs={"room": world.room.slug})
    accountant.press(accountant.main(f'form[action="{action}"] button'))

    frozen = FrozenYear.objects.get(room=world.room)
    assert (frozen.year, frozen.frozen_by) == (year, world.users["accountant"])
    assert accountant.page.url == accountant.base_url + room_cash
    frozen_list = accountant.main("section[aria-labelledby=h-years] ul")
    assert frozen_list.inner_text().startswith(f"{year}:")
