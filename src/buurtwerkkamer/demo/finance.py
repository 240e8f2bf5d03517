"""Petty cash in the demo: the cooperative's account, three months of transfers
paid in SEPA batches, and the rooms' expenses with receipts. This month is left
for the treasurer's monthly run."""

import io
from datetime import date, timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from schwifty import IBAN

from buurtwerkkamer.finance import services
from buurtwerkkamer.finance.models import CooperativeAccount, RoomAllowance, SepaBatch
from buurtwerkkamer.rooms.models import Room

from .context import Demo, add_months, moment
from .facts.rooms import OPERATIONAL_ROOMS

# What a room spends in a month: (day of the month, amount, description, category).
SPENDING = [
    (3, "18.45", "Koffie, thee en suiker", "A"),
    (8, "42.10", "Boodschappen kookclub", "B"),
    (12, "9.60", "Parkeren bij de gemeente", "C"),
    (15, "14.99", "Schoonmaakmiddel en wc-papier", "D"),
    (19, "11.20", "Postzegels en printpapier", "E"),
    (24, "36.75", "Stof en garen naaiatelier", "F"),
]
MONTHS_BACK = 3


def build_finance(demo: Demo) -> None:
    CooperativeAccount.objects.create(
        name="BuurtWerkKamer Cooperatie UA",
        iban=IBAN.generate("NL", bank_code="INGB", account_code="0006543210").compact,
        bic="INGBNL2A",
    )
    rooms = [demo.rooms[fact.slug] for fact in OPERATIONAL_ROOMS]
    # One room gets less, as the rules allow.
    RoomAllowance.objects.create(room=rooms[-1], monthly_amount=Decimal("200.00"))
    this_month = demo.today.replace(day=1)
    for back in range(MONTHS_BACK, 0, -1):
        month = add_months(this_month, -back)
        _pay_month(demo, rooms, month)
        for room in rooms:
            _spend(demo, room, month, seed=back)


def _pay_month(demo: Demo, rooms: list[Room], month: date) -> None:
    treasurer, second = demo.users["penningmeester"], demo.users["secretaris"]
    for proposal in services.monthly_run(month):
        if proposal.room in rooms and proposal.amount > 0:
            services.approve_transfer(proposal.room, month, proposal.amount, treasurer)
    batch = services.prepare_batch(treasurer, demo.today)
    services.approve_batch(batch, second)
    services.export_batch(batch, treasurer)
    # Back to the day it really went out: the first working days of the month.
    SepaBatch.objects.filter(pk=batch.pk).update(
        execution_date=month + timedelta(days=1),
        exported_at=moment(month),
        approved_at=moment(month),
    )


def _spend(demo: Demo, room: Room, month: date, seed: int) -> None:
    coordinator = room.grants.filter(role="team_coordinator").first()
    user = coordinator.user if coordinator else demo.users["penningmeester"]
    for index, (day, amount, description, category) in enumerate(SPENDING):
        spent_on = month.replace(day=day)
        if spent_on >= demo.today:
            continue
        services.record_expense(
            room,
            user,
            spent_on=spent_on,
            amount=Decimal(amount),
            description=description,
            category=category,
            receipt=_receipt((room.pk, seed, index)),
            today=demo.today,
        )


def _receipt(key: tuple[int, int, int]) -> SimpleUploadedFile:
    """A small picture standing in for a photo of a receipt; unique per expense,
    since the same receipt twice is refused."""
    buffer = io.BytesIO()
    colour = tuple(40 + (part * 37) % 200 for part in key)
    Image.new("RGB", (12, 12), colour).save(buffer, format="PNG")
    return SimpleUploadedFile("bon.png", buffer.getvalue())
