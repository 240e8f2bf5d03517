"""Shared set-up for the finance API tests: months relative to today, a receipt,
a closed month, and the Dutch message a service gives."""

import datetime
import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from PIL import Image

from buurtwerkkamer.finance.closing import next_month
from buurtwerkkamer.finance.models import ClosedMonth
from buurtwerkkamer.rooms.models import Room

from ..personas import World

TODAY = timezone.localdate()
THIS_MONTH = TODAY.replace(day=1)
LAST_MONTH = (THIS_MONTH - datetime.timedelta(days=1)).replace(day=1)
BEFORE_LAST = (LAST_MONTH - datetime.timedelta(days=1)).replace(day=1)
NEXT_MONTH = next_month(THIS_MONTH)


def dutch(message: str, **values: Any) -> str:
    """A service's message as the API answers it by default: in Dutch."""
    with translation.override("nl"):
        text = gettext(message)
        return text % values if values else text


def month_name(month: datetime.date) -> str:
    """A month as the services name it in Dutch: "november 2026"."""
    with translation.override("nl"):
        return date_format(month, "F Y")


def receipt(colour: str = "green", name: str = "bon.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def close(world: World, room: Room, month: datetime.date) -> ClosedMonth:
    """A month closed on zero figures, as `close_month` leaves it."""
    zero = "0.00"
    return ClosedMonth.objects.create(
        room=room,
        month=month,
        opening_balance=zero,
        transfers_in=zero,
        expenses_out=zero,
        closing_balance=zero,
        bank_balance=zero,
        closed_by=world.users["treasurer"],
        closed_at=timezone.now(),
    )
