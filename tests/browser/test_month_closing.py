"""Month closing in the browser: the treasurer closes a month whose books agree
with the bank, from the room's petty-cash page."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from buurtwerkkamer.finance.models import ClosedMonth
from buurtwerkkamer.finance.services import month_of
from tests.factories import BankStatementFactory, ExpenseFactory, TransferFactory
from tests.personas import World

from .visitor import MakeVisitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_treasurer_closes_a_reconciled_month_from_the_room_page(
    visitor: MakeVisitor, world: World
) -> None:
    last_day = month_of(timezone.localdate()) - datetime.timedelta(days=1)
    month = month_of(last_day)
    TransferFactory(room=world.room, month=month, amount=Decimal("250.00"))
    ExpenseFactory(room=world.room, spent_on=month, amount=Decimal("12.50"))
    BankStatementFactory(
        room=world.room, closing_date=last_day, closing_balance=Decimal("237.50")
    )

    treasurer = visitor()
    treasurer.sign_in(world.users["treasurer"])
    room_cash = reverse("finance:room", kwargs={"room": world.room.slug})
    treasurer.open(room_cash)
    action = reverse("finance:month_close", kwargs={"room": world.room.slug})
    button = f'form[action="{action}"]:has(input[value="{month:%Y-%m}"]) button'
    treasurer.press(treasurer.main(button))

    closed = ClosedMonth.objects.get(room=world.room)
    assert closed.month == month
    assert closed.closing_balance == Decimal("237.50")
    assert closed.closed_by == world.users["treasurer"]
    assert treasurer.page.url == treasurer.base_url + room_cash
    assert treasurer.main(button).count() == 0
    shown = treasurer.main("section[aria-labelledby=h-closing]").inner_text()
    assert "237,50" in shown
