"""The petty-cash rules of DESIGN.md section 5, at the service layer."""

import datetime
import io
import threading
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.access.models import Grant
from buurtwerkkamer.finance import sepa, services
from buurtwerkkamer.finance.constants import BatchStatus, TransferStatus
from buurtwerkkamer.finance.models import (
    CooperativeAccount,
    Expense,
    RoomAllowance,
    Transfer,
)
from tests.factories import PASSWORD, RoomFactory
from tests.personas import World, build_world

# The batch's execution date may not lie in the past, so the tests run on the
# real calendar: today, in the month it falls in.
TODAY = timezone.localdate()
MONTH = TODAY.replace(day=1)


@pytest.fixture
def account(db: None) -> CooperativeAccount:
    return CooperativeAccount.objects.create(
        name="BuurtWerkKamer Cooperatie UA", iban="NL20INGB0001234567"
    )


def receipt(colour: str = "green") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(buffer, format="PNG")
    return SimpleUploadedFile("bon.png", buffer.getvalue())


def spend(world: World, amount: str, colour: str = "green") -> Expense:
    return services.record_expense(
        world.room,
        world.users["team_coordinator"],
        spent_on=TODAY,
        amount=Decimal(amount),
        description="Koffie en thee",
        category="A",
        receipt=receipt(colour),
        today=TODAY,
    )


def test_the_monthly_run_tops_up_to_the_allowance(world: World, account) -> None:
    services.approve_transfer(
        world.room, datetime.date(2026, 11, 1), Decimal("250"), world.users["treasurer"]
    )
    Expense.objects.create(
        room=world.room,
        spent_on=datetime.date(2026, 11, 20),
        amount=Decimal("180.25"),
        description="Boodschappen",
        category="B",
        recorded_by=world.users["team_coordinator"],
    )
    proposals = {p.room: p for p in services.monthly_run(MONTH)}
    assert proposals[world.room].left == Decimal("69.75")
    assert proposals[world.room].amount == Decimal("180.25")
    assert proposals[world.other_room].amount == Decimal("250.00")


def test_a_room_with_a_lower_allowance_gets_less(world: World, account) -> None:
    RoomAllowance.objects.create(room=world.room, monthly_amount=Decimal("150.00"))
    proposals = {p.room: p.amount for p in services.monthly_run(MONTH)}
    assert proposals[world.room] == Decimal("150.00")


def test_a_room_in_start_up_gets_no_petty_cash(world: World, account) -> None:
    starting = RoomFactory(exploring=True)
    assert starting not in {p.room for p in services.monthly_run(MONTH)}


def test_the_whole_run_is_approved_at_once_and_a_room_without_account_reported(
    world: World, account
) -> None:
    treasurer = world.users["treasurer"]
    services.approve_transfer(world.room, MONTH, Decimal("100"), treasurer)
    no_account = RoomFactory(bank_iban="", bank_holder="")

    result = services.approve_run(MONTH, treasurer)

    assert {(t.room, t.amount) for t in result.approved} == {
        (world.room, Decimal("150.00")),
        (world.other_room, Decimal("250.00")),
    }
    assert [room for room, _reason in result.refused] == [no_account]
    assert services.transferred_in(world.room, MONTH) == Decimal("250.00")
    assert services.approve_run(MONTH, treasurer).approved == []


def test_the_treasurer_approves_the_run_on_the_page(
    client, world: World, account
) -> None:
    client.force_login(world.users["treasurer"])

    response = client.post(reverse("finance:run_approve"), {"month": "2026-12"})

    assert response.status_code == 302
    assert Transfer.objects.filter(month=MONTH).count() == 2
    client.force_login(world.users["board"])
    refused = client.post(reverse("finance:run_approve"), {"month": "2026-12"})
    assert refused.status_code == 403


def test_transfers_for_a_month_never_add_up_to_more_than_the_allowance(
    world: World, account
) -> None:
    treasurer = world.users["treasurer"]
    services.approve_transfer(world.room, MONTH, Decimal("200"), treasurer)
    with pytest.raises(ValidationError):
        services.approve_transfer(world.room, MONTH, Decimal("50.01"), treasurer)
    services.approve_transfer(world.room, MONTH, Decimal("50"), treasurer)
    assert services.transferred_in(world.room, MONTH) == Decimal("250.00")


@pytest.mark.parametrize("amount", ["0", "-10"])
def test_an_impossible_amount_is_refused(world: World, account, amount: str) -> None:
    with pytest.raises(ValidationError):
        services.approve_transfer(
            world.room, MONTH, Decimal(amount), world.users["treasurer"]
        )
    assert not Transfer.objects.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs row locks")
def test_two_approvals_at_the_same_moment_stay_within_the_allowance() -> None:
    # Runs only where the database has real row locks: on PostgreSQL. SQLite
    # serialises every write transaction anyway (immediate transactions).
    world = build_world()
    CooperativeAccount.objects.create(name="Cooperatie", iban="NL20INGB0001234567")
    treasurer = world.users["treasurer"]
    barrier = threading.Barrier(4)
    results: list[str] = []

    def approve() -> None:
        barrier.wait()
        try:
            services.approve_transfer(world.room, MONTH, Decimal("100"), treasurer)
            results.append("ok")
        except ValidationError:
            results.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=approve) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["ok", "ok", "refused", "refused"]
    assert services.transferred_in(world.room, MONTH) == Decimal("200.00")


def test_a_batch_needs_a_second_board_member_and_exports_once(
    world: World, account
) -> None:
    services.approve_transfer(
        world.room, MONTH, Decimal("250"), world.users["treasurer"]
    )
    batch = services.prepare_batch(
        world.users["treasurer"], TODAY + datetime.timedelta(days=1)
    )
    with pytest.raises(ValidationError):
        services.export_batch(batch, world.users["treasurer"])
    services.approve_batch(batch, world.users["board"])
    xml = services.export_batch(batch, world.users["treasurer"])
    summary = sepa.check_pain001(xml)
    assert summary.control_sum == Decimal("250.00")
    lines = sepa.read_transfers(xml)
    assert [(line.creditor_iban, line.amount) for line in lines] == [
        ("NL91ABNA0417164300", Decimal("250.00"))
    ]
    assert Transfer.objects.get().status == TransferStatus.EXPORTED
    with pytest.raises(ValidationError):
        services.export_batch(batch, world.users["treasurer"])


def test_the_one_who_prepared_a_batch_cannot_approve_it(world: World, account) -> None:
    treasurer = world.users["treasurer"]
    Grant.objects.create(user=treasurer, role=Role.BOARD)
    services.approve_transfer(world.room, MONTH, Decimal("100"), treasurer)
    batch = services.prepare_batch(treasurer, TODAY)
    with pytest.raises(PermissionDenied):
        services.approve_batch(batch, treasurer)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.PREPARED


def test_cancelling_a_batch_frees_its_transfers_for_a_new_one(
    world: World, account
) -> None:
    services.approve_transfer(
        world.room, MONTH, Decimal("100"), world.users["treasurer"]
    )
    batch = services.prepare_batch(world.users["treasurer"], TODAY)
    with pytest.raises(ValidationError):
        services.cancel_batch(batch, world.users["treasurer"], reason=" ")
    services.cancel_batch(batch, world.users["treasurer"], reason="Verkeerde datum")
    again = services.prepare_batch(world.users["treasurer"], TODAY)
    assert list(again.transfers.all()) == list(Transfer.objects.all())


def test_an_expense_with_its_receipt_lowers_the_cash_left(
    world: World, account
) -> None:
    services.approve_transfer(
        world.room, MONTH, Decimal("250"), world.users["treasurer"]
    )
    expense = spend(world, "12.35")
    assert expense.receipt.content_type == "image/png"
    assert services.cash_left(world.room) == Decimal("237.65")


def test_an_expense_above_the_cash_left_is_refused(world: World, account) -> None:
    services.approve_transfer(
        world.room, MONTH, Decimal("20"), world.users["treasurer"]
    )
    with pytest.raises(ValidationError) as refused:
        spend(world, "20.01")
    assert "amount" in refused.value.message_dict
    assert not Expense.objects.exists()


def test_the_same_receipt_twice_is_refused(world: World, account) -> None:
    services.approve_transfer(
        world.room, MONTH, Decimal("250"), world.users["treasurer"]
    )
    spend(world, "5.00")
    with pytest.raises(ValidationError) as refused:
        spend(world, "5.00")
    assert "receipt" in refused.value.message_dict
    assert Expense.objects.count() == 1


def test_an_expense_in_the_future_is_refused(world: World, account) -> None:
    services.approve_transfer(
        world.room, MONTH, Decimal("250"), world.users["treasurer"]
    )
    with pytest.raises(ValidationError):
        services.record_expense(
            world.room,
            world.users["team_coordinator"],
            spent_on=TODAY + datetime.timedelta(days=1),
            amount=Decimal("1"),
            description="x",
            category="A",
            receipt=receipt(),
            today=TODAY,
        )


def test_a_refund_is_a_new_record_that_adds_to_the_cash(world: World, account) -> None:
    services.approve_transfer(
        world.room, MONTH, Decimal("250"), world.users["treasurer"]
    )
    expense = spend(world, "40.00")
    with pytest.raises(ValidationError):
        services.record_refund(
            expense,
            world.users["team_coordinator"],
            amount=Decimal("40.01"),
            reason="Retour",
            today=TODAY,
        )
    refund = services.record_refund(
        expense,
        world.users["team_coordinator"],
        amount=Decimal("15.00"),
        reason="Retour",
        today=TODAY,
    )
    expense.refresh_from_db()
    assert (expense.amount, refund.refund_of) == (Decimal("40.00"), expense)
    assert services.cash_left(world.room) == Decimal("225.00")


def test_the_treasurer_queries_an_expense_with_a_remark(world: World, account) -> None:
    services.approve_transfer(
        world.room, MONTH, Decimal("250"), world.users["treasurer"]
    )
    expense = spend(world, "9.99")
    with pytest.raises(ValidationError):
        services.check_expense(expense, world.users["treasurer"], approve=False)
    services.check_expense(
        expense, world.users["treasurer"], approve=False, remark="Bon onleesbaar"
    )
    expense.refresh_from_db()
    assert (expense.status, expense.remark) == ("queried", "Bon onleesbaar")


def test_a_room_set_to_no_petty_cash_gets_none(world: World, account) -> None:
    RoomAllowance.objects.create(room=world.room, monthly_amount=Decimal("0.00"))
    proposals = {p.room: p.amount for p in services.monthly_run(MONTH)}
    assert proposals[world.room] == Decimal("0.00")


def test_the_treasurer_enters_the_account_with_the_password(
    client, world: World
) -> None:
    client.force_login(world.users["treasurer"])
    data = {
        "name": "BuurtWerkKamer Cooperatie UA",
        "iban": "nl20 ingb 0001 2345 67",
        "pain_version": "pain.001.001.09",
        "monthly_allowance": "250.00",
    }
    refused = client.post("/financien/rekening/", {**data, "password": "fout"})
    assert refused.status_code == 400
    assert not CooperativeAccount.objects.exists()
    accepted = client.post("/financien/rekening/", {**data, "password": PASSWORD})
    assert accepted.status_code == 302
    assert CooperativeAccount.objects.get().iban == "NL20INGB0001234567"
