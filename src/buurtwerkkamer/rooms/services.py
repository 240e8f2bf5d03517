import logging

from django.db import transaction
from django.utils import timezone

from .models import Room

logger = logging.getLogger(__name__)


@transaction.atomic
def create_room(room: Room) -> Room:
    """A new room starts exploring: its start-up track begins today."""
    room.stage_since = timezone.localdate()
    room.full_clean()
    room.save()
    logger.info("room created room=%s", room.uuid)
    return room


@transaction.atomic
def update_bank_account(room: Room, iban: str, holder: str) -> Room:
    """Change where the room's petty cash goes; the audit trail keeps the old one."""
    room.bank_iban = iban
    room.bank_holder = holder
    room.full_clean()
    room.save(update_fields=["bank_iban", "bank_holder", "updated_at"])
    logger.info("room bank account changed room=%s", room.uuid)
    return room
