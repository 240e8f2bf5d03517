"""A bank import in the browser: the treasurer reads a statement file, sees what
was added and what is unmatched, and matches a transaction by hand."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from playwright.sync_api import FilePayload

from buurtwerkkamer.finance.models import BankTransaction
from buurtwerkkamer.rooms.models import Room
from tests.factories import ExpenseFactory
from tests.finance.test_bank_import import ROOM_IBAN, camt, ntry
from tests.personas import World

from .visitor import MakeVisitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_treasurer_imports_a_statement_and_matches_what_is_left(
    visitor: MakeVisitor, world: World
) -> None:
    Room.objects.filter(pk=world.room.pk).update(bank_iban=ROOM_IBAN)
    day = datetime.date(2026, 12, 3)
    ExpenseFactory(room=world.room, amount=Decimal("12.50"), spent_on=day)
    chosen = ExpenseFactory(
        room=world.room, amount=Decimal("12.50"), spent_on=day, description="Thee"
    )
    entries = ntry("D1", "12.50", debit=True) + ntry("C1", "30.00")
    data = camt(ROOM_IBAN, entries, opening="100.00", closing="117.50")
    treasurer = visitor()
    treasurer.sign_in(world.users["treasurer"])

    treasurer.open(reverse("finance:bank_statements"))
    treasurer.follow(reverse("finance:bank_import"))
    statement = FilePayload(name="afschrift.xml", mimeType="text/xml", buffer=data)
    treasurer.main("[name=file]").set_input_files(files=[statement])
    treasurer.submit()

    assert treasurer.main("[data-count=added]").inner_text() == "2"
    assert treasurer.main("[data-count=skipped]").inner_text() == "0"
    assert treasurer.main("[data-count=matched]").inner_text() == "0"

    unmatched = reverse("finance:bank_room", kwargs={"room": world.room.slug})
    treasurer.open(unmatched)
    rows = treasurer.main("table tbody tr")
    assert rows.count() == 2
    debit = BankTransaction.objects.get(amount=Decimal("-12.50"))
    treasurer.follow(reverse("finance:bank_match", kwargs={"transaction": debit.uuid}))
    treasurer.main(f'input[value="expense:{chosen.uuid}"]').check()
    treasurer.submit()

    debit.refresh_from_db()
    assert debit.expense == chosen
    assert treasurer.page.url == treasurer.base_url + unmatched
    assert treasurer.main("table tbody tr").count() == 1
