"""Petty cash in the browser: the treasurer's monthly run ending in a SEPA file that
the schema accepts, after a second board member approved the batch; and a team
coordinator recording an expense with a photo of the receipt on a phone."""

import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from playwright.sync_api import FilePayload

from buurtwerkkamer.finance.constants import BatchStatus, ExpenseCategory
from buurtwerkkamer.finance.models import Expense, SepaBatch, Transfer
from buurtwerkkamer.finance.sepa import check_pain001
from buurtwerkkamer.finance.services import month_of
from tests.factories import CooperativeAccountFactory, TransferFactory
from tests.personas import World

from .dutch import dutch
from .visitor import MakeVisitor, Visitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def person(visitor: MakeVisitor, world: World, role: str) -> Visitor:
    someone = visitor()
    someone.sign_in(world.users[role])
    return someone


def approve_run(treasurer: Visitor, world: World) -> Transfer:
    treasurer.open(reverse("finance:petty_cash"))
    action = reverse("finance:transfer_approve", kwargs={"room": world.room.slug})
    treasurer.submit(f'form[action="{action}"]')

    transfer = Transfer.objects.get(room=world.room)
    assert transfer.amount == Decimal("250.00")
    assert transfer.month == month_of(timezone.localdate())
    shown = treasurer.main("section[aria-labelledby=h-transfers]").inner_text()
    assert world.room.name in shown
    return transfer


def prepare_batch(treasurer: Visitor) -> SepaBatch:
    treasurer.follow(reverse("finance:batches"))
    treasurer.main("[name=execution_date]").fill(timezone.localdate().isoformat())
    treasurer.submit()

    batch = SepaBatch.objects.get()
    assert treasurer.page.url == treasurer.base_url + batch.get_absolute_url()
    return batch


def export(treasurer: Visitor, batch: SepaBatch) -> bytes:
    treasurer.open(batch.get_absolute_url())
    action = reverse("finance:batch_export", kwargs={"batch": batch.uuid})
    with treasurer.page.expect_download() as download:
        treasurer.main(f'form[action="{action}"] button').click()
    assert download.value.suggested_filename == f"{batch.message_id}.xml"
    return Path(download.value.path()).read_bytes()


def test_the_monthly_run_ends_in_a_sepa_file_the_schema_accepts(
    visitor: MakeVisitor, world: World
) -> None:
    CooperativeAccountFactory()
    treasurer = person(visitor, world, "treasurer")
    transfer = approve_run(treasurer, world)
    batch = prepare_batch(treasurer)

    board = person(visitor, world, "board")
    board.open(batch.get_absolute_url())
    action = reverse("finance:batch_approve", kwargs={"batch": batch.uuid})
    board.submit(f'form[action="{action}"]')
    batch.refresh_from_db()
    assert batch.status == BatchStatus.APPROVED
    assert batch.approved_by == world.users["board"]

    summary = check_pain001(export(treasurer, batch))
    assert summary.message_id == batch.message_id
    assert summary.number_of_transactions == 1
    assert summary.control_sum == transfer.amount
    batch.refresh_from_db()
    assert batch.status == BatchStatus.EXPORTED


def small_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 60), "white").save(buffer, "PNG")
    return buffer.getvalue()


def test_a_team_coordinator_records_an_expense_with_a_photo_on_a_phone(
    visitor: MakeVisitor, world: World
) -> None:
    TransferFactory(room=world.room, month=month_of(timezone.localdate()))
    coordinator = person(visitor, world, "team_coordinator")
    coordinator.page.set_viewport_size(PHONE)
    room_cash = reverse("finance:room", kwargs={"room": world.room.slug})
    coordinator.open(world.room.get_absolute_url())
    coordinator.follow(room_cash)
    coordinator.follow(
        reverse("finance:expense_create", kwargs={"room": world.room.slug})
    )

    coordinator.main("[name=amount]").fill("12.50")
    coordinator.main("[name=description]").fill("Koffie voor de inloop")
    coordinator.page.get_by_label(dutch(ExpenseCategory.A.label)).check()
    photo = FilePayload(name="bon.png", mimeType="image/png", buffer=small_png())
    coordinator.main("[name=receipt]").set_input_files(files=[photo])
    coordinator.submit()

    expense = Expense.objects.get(room=world.room)
    assert expense.amount == Decimal("12.50")
    assert expense.category == ExpenseCategory.A
    assert expense.spent_on == timezone.localdate()
    assert expense.receipt is not None
    assert expense.receipt.content_type == "image/png"
    assert coordinator.page.url == coordinator.base_url + room_cash
    assert "Koffie voor de inloop" in coordinator.main("table").first.inner_text()
