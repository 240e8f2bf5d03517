"""Month closing of a room's petty cash (DESIGN.md section 5, periods): the
figures, the reconciliation with the bank, and a closed month that cannot change."""

import datetime
import io
from collections.abc import Iterator
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from PIL import Image

from buurtwerkkamer.finance import closing, costs, services
from buurtwerkkamer.finance.constants import FixedCostCategory
from buurtwerkkamer.finance.models import (
    ClosedMonth,
    CooperativeAccount,
    Expense,
    FixedCost,
    Transfer,
)
from tests.factories import (
    BankStatementFactory,
    ExpenseFactory,
    FixedCostFactory,
    FixedCostTemplateFactory,
    TransferFactory,
)
from tests.personas import World

OCTOBER = datetime.date(2026, 10, 1)
NOVEMBER = datetime.date(2026, 11, 1)
DECEMBER = datetime.date(2026, 12, 1)
TODAY = datetime.date(2026, 12, 3)
# October: 100.00 in, 40.01 out. November: 250.00 in, 12.50 + 30.10 out, 2.35 back.
OCTOBER_END = Decimal("59.99")
NOVEMBER_END = Decimal("269.74")


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    # The messages are compared in their English source form.
    with translation.override("en"):
        yield


@pytest.fixture
def books(world: World) -> World:
    CooperativeAccount.objects.create(
        name="BuurtWerkKamer Cooperatie UA", iban="NL20INGB0001234567"
    )
    room = world.room
    TransferFactory(room=room, month=OCTOBER, amount=Decimal("100.00"))
    ExpenseFactory(room=room, spent_on=datetime.date(2026, 10, 9), amount="40.01")
    TransferFactory(room=room, month=NOVEMBER, amount=Decimal("250.00"))
    ExpenseFactory(room=room, spent_on=datetime.date(2026, 11, 5), amount="12.50")
    coffee = ExpenseFactory(
        room=room, spent_on=datetime.date(2026, 11, 20), amount="30.10"
    )
    ExpenseFactory(
        room=room,
        spent_on=datetime.date(2026, 11, 25),
        amount="2.35",
        refund_of=coffee,
    )
    # Other rooms and later months do not count.
    TransferFactory(room=world.other_room, month=NOVEMBER)
    TransferFactory(room=room, month=DECEMBER, amount=Decimal("10.00"))
    return world


def statement(world: World, day: datetime.date, balance: str) -> None:
    BankStatementFactory(
        room=world.room, closing_date=day, closing_balance=Decimal(balance)
    )


def close(world: World, month: datetime.date) -> ClosedMonth:
    return closing.close_month(world.room, month, world.users["treasurer"], today=TODAY)


@pytest.fixture
def closed_november(books: World) -> World:
    statement(books, datetime.date(2026, 10, 31), str(OCTOBER_END))
    statement(books, datetime.date(2026, 11, 30), str(NOVEMBER_END))
    close(books, OCTOBER)
    close(books, NOVEMBER)
    return books


def test_the_month_figures_are_right_to_the_cent(books: World) -> None:
    statement(books, datetime.date(2026, 11, 30), "269.74")
    summary = closing.month_summary(books.room, NOVEMBER)
    assert summary.opening_balance == OCTOBER_END
    assert summary.transfers_in == Decimal("250.00")
    assert summary.expenses_out == Decimal("40.25")
    assert summary.closing_balance == NOVEMBER_END
    assert summary.bank_balance == Decimal("269.74")
    assert summary.reconciled


def test_the_bank_balance_is_that_of_the_latest_statement_up_to_the_month_end(
    books: World,
) -> None:
    statement(books, datetime.date(2026, 11, 15), "10.00")
    statement(books, datetime.date(2026, 11, 30), "20.00")
    statement(books, datetime.date(2026, 12, 1), "30.00")
    assert closing.month_summary(books.room, NOVEMBER).bank_balance == Decimal("20.00")
    assert closing.month_summary(books.room, OCTOBER).bank_balance is None


def test_closing_is_refused_without_a_bank_balance(books: World) -> None:
    with pytest.raises(ValidationError, match="no bank balance"):
        close(books, OCTOBER)
    assert not ClosedMonth.objects.exists()


def test_closing_is_refused_when_the_books_do_not_agree_with_the_bank(
    books: World,
) -> None:
    statement(books, datetime.date(2026, 10, 31), "60.00")
    with pytest.raises(ValidationError) as refused:
        close(books, OCTOBER)
    assert "EUR 59,99" in str(refused.value)
    assert "EUR 60,00" in str(refused.value)
    assert not ClosedMonth.objects.exists()


def test_months_are_closed_in_order(books: World) -> None:
    statement(books, datetime.date(2026, 11, 30), str(NOVEMBER_END))
    with pytest.raises(ValidationError, match="Close October 2026 first"):
        close(books, NOVEMBER)
    assert not ClosedMonth.objects.exists()


def test_a_month_that_has_not_ended_is_not_closed(books: World) -> None:
    statement(books, datetime.date(2026, 12, 2), "279.74")
    with pytest.raises(ValidationError, match="after it has ended"):
        close(books, DECEMBER)


def test_a_reconciled_month_is_closed_with_its_figures(books: World) -> None:
    statement(books, datetime.date(2026, 10, 31), str(OCTOBER_END))
    closed = close(books, OCTOBER)
    assert closed.month == OCTOBER
    assert closed.opening_balance == Decimal("0.00")
    assert closed.transfers_in == Decimal("100.00")
    assert closed.expenses_out == Decimal("40.01")
    assert closed.closing_balance == OCTOBER_END
    assert closed.bank_balance == OCTOBER_END
    assert closed.closed_by == books.users["treasurer"]
    with pytest.raises(ValidationError, match="closed already"):
        close(books, OCTOBER)


def test_a_closed_month_is_never_deleted(closed_november: World) -> None:
    with pytest.raises(TypeError):
        ClosedMonth.objects.get(month=NOVEMBER).delete()


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(buffer, format="PNG")
    return SimpleUploadedFile("bon.png", buffer.getvalue())


def expense_on(world: World, day: datetime.date) -> Expense:
    return services.record_expense(
        world.room,
        world.users["team_coordinator"],
        spent_on=day,
        amount=Decimal("1.00"),
        description="Melk",
        category="A",
        receipt=png(),
        today=TODAY,
    )


@pytest.mark.parametrize("day", [datetime.date(2026, 11, 30), OCTOBER])
def test_an_expense_in_a_closed_month_is_refused(
    closed_november: World, day: datetime.date
) -> None:
    with pytest.raises(ValidationError, match="is closed"):
        expense_on(closed_november, day)
    assert Expense.objects.filter(room=closed_november.room).count() == 4


def test_an_expense_in_the_open_month_after_it_is_recorded(
    closed_november: World,
) -> None:
    expense = expense_on(closed_november, datetime.date(2026, 12, 2))
    assert expense.spent_on == datetime.date(2026, 12, 2)


def test_a_refund_dated_in_a_closed_month_is_refused(closed_november: World) -> None:
    expense = Expense.objects.get(amount=Decimal("30.10"))
    with pytest.raises(ValidationError, match="is closed"):
        services.record_refund(
            expense,
            closed_november.users["team_coordinator"],
            amount=Decimal("1.00"),
            reason="Statiegeld",
            today=datetime.date(2026, 11, 30),
        )
    assert expense.refunds.count() == 1


def test_a_refund_of_a_closed_month_lands_in_the_open_month(
    closed_november: World,
) -> None:
    expense = Expense.objects.get(amount=Decimal("30.10"))
    refund = services.record_refund(
        expense,
        closed_november.users["team_coordinator"],
        amount=Decimal("1.00"),
        reason="Statiegeld",
        today=TODAY,
    )
    assert refund.refund_of == expense
    assert refund.spent_on == TODAY


def test_a_transfer_for_a_closed_month_is_refused(closed_november: World) -> None:
    with pytest.raises(ValidationError, match="is closed"):
        services.approve_transfer(
            closed_november.room,
            NOVEMBER,
            Decimal("0.26"),
            closed_november.users["treasurer"],
        )
    assert Transfer.objects.filter(room=closed_november.room).count() == 3


def test_a_fixed_cost_in_a_closed_month_is_refused(closed_november: World) -> None:
    with pytest.raises(ValidationError, match="is closed"):
        costs.book_fixed_cost(
            closed_november.room,
            closed_november.users["treasurer"],
            month=NOVEMBER,
            category=FixedCostCategory.RENT,
            supplier="Woonstichting Thuis",
            invoice_reference="2026-11",
            amount=Decimal("850.00"),
        )
    assert not FixedCost.objects.exists()


def test_a_correction_of_a_cost_in_a_closed_month_lands_in_an_open_month(
    books: World,
) -> None:
    original = FixedCostFactory(room=books.room, month=NOVEMBER)
    statement(books, datetime.date(2026, 10, 31), str(OCTOBER_END))
    statement(books, datetime.date(2026, 11, 30), str(NOVEMBER_END))
    close(books, OCTOBER)
    close(books, NOVEMBER)

    correction = costs.correct_fixed_cost(
        original, Decimal("800.00"), "Korting", books.users["treasurer"]
    )
    assert correction.month == DECEMBER
    assert correction.correction_of == original
    original.refresh_from_db()
    assert (original.month, original.amount) == (NOVEMBER, Decimal("850.00"))


def test_templates_book_nothing_in_a_closed_month(closed_november: World) -> None:
    FixedCostTemplateFactory(room=closed_november.room)
    elsewhere = FixedCostTemplateFactory(room=closed_november.other_room)
    created = costs.generate_from_templates(
        NOVEMBER, closed_november.users["treasurer"]
    )
    assert [cost.template for cost in created] == [elsewhere]


def test_the_treasurer_closes_a_month_on_the_room_page(client, books: World) -> None:
    statement(books, datetime.date(2026, 10, 31), str(OCTOBER_END))
    client.force_login(books.users["treasurer"])
    url = reverse("finance:month_close", kwargs={"room": books.room.slug})
    response = client.post(url, {"month": "2026-10"})
    assert response.status_code == 302
    assert ClosedMonth.objects.get().month == OCTOBER


def test_a_refused_closing_is_shown_with_status_400(client, books: World) -> None:
    client.force_login(books.users["treasurer"])
    url = reverse("finance:month_close", kwargs={"room": books.room.slug})
    response = client.post(url, {"month": "2026-10"})
    assert response.status_code == 400
    with translation.override("nl"):
        message = translation.gettext(
            "There is no bank balance for the end of this month yet: import "
            "the bank statement of the room's business account first."
        )
    assert escape(message) in response.content.decode()
    assert not ClosedMonth.objects.exists()


def test_the_room_staff_see_the_months_but_cannot_close(
    client, closed_november: World
) -> None:
    client.force_login(closed_november.users["team_coordinator"])
    page = client.get(
        reverse("finance:room", kwargs={"room": closed_november.room.slug})
    )
    assert "EUR 269,74" in page.content.decode()
    url = reverse("finance:month_close", kwargs={"room": closed_november.room.slug})
    assert client.post(url, {"month": "2026-11"}).status_code == 403


def test_the_month_closing_section_keeps_its_number_of_queries(
    client, books: World
) -> None:
    client.force_login(books.users["treasurer"])
    url = reverse("finance:room", kwargs={"room": books.room.slug})
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for day in range(1, 21):
        ExpenseFactory(room=books.room, spent_on=datetime.date(2026, 9, day))
        statement(books, datetime.date(2026, 9, day), "1.00")
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)
