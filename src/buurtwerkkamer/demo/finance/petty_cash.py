"""Petty cash month by month: the treasurer's monthly run, the SEPA batch that a
second board member approves, what the team spends with a receipt each time, a
refund now and then, and the treasurer's check."""

import hashlib
import io
from datetime import date, timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from buurtwerkkamer.finance import services
from buurtwerkkamer.finance.models import Expense, SepaBatch

from ..context import Demo, add_months, moment
from ..facts.finance import PURCHASES, PURCHASES_PER_MONTH, Purchase
from .books import Books

CENT = Decimal("0.01")
# Refunds as (room index, months before this month, reason): half of that
# month's first purchase went back to the shop.
REFUNDS = (
    (0, 14, "Te veel gekocht; de helft teruggebracht naar de winkel."),
    (1, 4, "Artikel was beschadigd; de winkel gaf het geld terug."),
)
# The treasurer queried one expense in the month before last.
QUERIED = (1, 2, "Op de foto van de bon is het bedrag niet te lezen.")


def working_day(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def payday(month: date) -> date:
    """When the bank books the month's petty cash: the first working day from
    the second of the month."""
    return working_day(month + timedelta(days=1))


def pay(demo: Demo, books: list[Books], month: date) -> None:
    """The monthly run for the rooms that keep books this month, paid in one
    batch: prepared by the treasurer, approved by a second board member."""
    treasurer, second = demo.users["penningmeester"], demo.users["secretaris"]
    running = {each.room.pk for each in books}
    for proposal in services.monthly_run(month):
        if proposal.room.pk in running and proposal.amount > 0:
            services.approve_transfer(proposal.room, month, proposal.amount, treasurer)
    batch = services.prepare_batch(treasurer, demo.today)
    services.approve_batch(batch, second)
    services.export_batch(batch, treasurer)
    # The service plans from today: date the batch back to when it went out,
    # in the last week of the month before.
    sent = moment(month - timedelta(days=4))
    SepaBatch.objects.filter(pk=batch.pk).update(
        execution_date=payday(month), approved_at=sent, exported_at=sent
    )


def purchases_in(books: Books, month: date) -> list[tuple[date, Purchase, Decimal]]:
    """The month's purchases of a room: a few of the list, a varying amount,
    about five days apart, so every bank debit fits one expense."""
    count = len(PURCHASES)
    turn = month.year * 12 + month.month + 7 * books.index
    step = 1 + turn % (count - 1)  # count is prime: every step visits them all
    chosen = []
    for k in range(PURCHASES_PER_MONTH):
        purchase = PURCHASES[(turn * 5 + k * step) % count]
        factor = Decimal(88 + (turn * 11 + k * 17) % 27) / 100
        day = month.replace(day=2 + 5 * k + turn % 3)
        chosen.append((day, purchase, (purchase.amount * factor).quantize(CENT)))
    return chosen


def spend(demo: Demo, books: Books, month: date) -> list[Expense]:
    expenses = [
        record(demo, books, day, purchase, amount)
        for day, purchase, amount in purchases_in(books, month)
    ]
    _refund(demo, books, month, expenses)
    return expenses


def record(
    demo: Demo, books: Books, day: date, purchase: Purchase, amount: Decimal
) -> Expense:
    return services.record_expense(
        books.room,
        books.coordinator,
        spent_on=day,
        amount=amount,
        description=purchase.description,
        category=purchase.category,
        receipt=receipt(f"{books.room.slug}/{day}/{purchase.description}"),
        today=demo.today,
    )


def _refund(demo: Demo, books: Books, month: date, expenses: list[Expense]) -> None:
    this_month = demo.today.replace(day=1)
    for index, back, reason in REFUNDS:
        if index == books.index and add_months(this_month, -back) == month:
            expense = expenses[0]
            services.record_refund(
                expense,
                books.coordinator,
                amount=(expense.amount / 2).quantize(CENT),
                reason=reason,
                today=expense.spent_on + timedelta(days=3),
            )


def check(demo: Demo, books: Books, month: date) -> None:
    """The treasurer checks the month's expenses: all in order, except the one
    the demo has her query."""
    treasurer = demo.users["penningmeester"]
    queried_index, back, remark = QUERIED
    queried = books.index == queried_index and month == add_months(
        demo.today.replace(day=1), -back
    )
    expenses = Expense.objects.filter(
        room=books.room, spent_on__gte=month, spent_on__lt=add_months(month, 1)
    ).order_by("spent_on", "pk")
    for position, expense in enumerate(expenses):
        if queried and position == 0:
            services.check_expense(expense, treasurer, approve=False, remark=remark)
        else:
            services.check_expense(expense, treasurer, approve=True)
    # Checked in the first week after the month, not today.
    expenses.update(checked_at=moment(add_months(month, 1) + timedelta(days=5)))


def receipt(key: str) -> SimpleUploadedFile:
    """A small picture standing in for the photo of a receipt: white paper with
    lines of print, different for every key, since the same receipt twice is
    refused."""
    digest = hashlib.sha256(key.encode()).digest()
    image = Image.new("RGB", (32, 48), "white")
    draw = ImageDraw.Draw(image)
    for line, byte in enumerate(digest[:10]):
        draw.line((3, 4 + 4 * line, 4 + byte % 25, 4 + 4 * line), fill=(60, 60, 60))
    # The last row carries the key itself, so no two receipts are alike.
    for x, byte in enumerate(digest[:32]):
        image.putpixel((x, 47), (byte, byte, byte))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return SimpleUploadedFile("bon.png", buffer.getvalue(), "image/png")
