import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .constants import Stage
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


# After the start-up gates, a room is operational, paused or closed; the board moves
# it between those (the start-up stages go through the gates in `startup`).
AFTER_START_UP = {Stage.OPERATIONAL, Stage.PAUSED, Stage.CLOSED}


@transaction.atomic
def set_operating_stage(room: Room, stage: str) -> Room:
    """Pause, close or reopen a room that finished its start-up."""
    room = Room.objects.select_for_update().get(pk=room.pk)
    if room.stage not in AFTER_START_UP or stage not in AFTER_START_UP:
        raise ValidationError(
            _("Only a room past its start-up can be paused, closed or reopened.")
        )
    if room.stage != stage:
        room.stage = stage
        room.stage_since = timezone.localdate()
        room.save(update_fields=["stage", "stage_since", "updated_at"])
        logger.info("room stage room=%s stage=%s", room.uuid, stage)
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
