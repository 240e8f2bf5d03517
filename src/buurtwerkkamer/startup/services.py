"""The start-up track: each gate needs its evidence; only the board may pass one
without it, and then the reason is recorded."""

import logging
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from buurtwerkkamer.brokering.constants import AgreementKind, AgreementStatus
from buurtwerkkamer.rooms.constants import START_UP_ORDER, Stage
from buurtwerkkamer.rooms.models import Room

from .constants import DEFAULT_CHECKLIST, LocationStatus
from .models import ChecklistItem, Location, StageChange

logger = logging.getLogger(__name__)


def missing_evidence(room: Room, stage: Stage) -> list[str]:
    """What is still missing before the room may enter `stage`."""
    if stage == Stage.INTENT_SIGNED:
        signed = room.agreements.filter(
            kind=AgreementKind.LETTER_OF_INTENT, status=AgreementStatus.SIGNED
        )
        if not signed.exists():
            return [_("A letter of intent signed by all its parties.")]
    elif stage == Stage.LOCATION_FOUND:
        if not room.locations.filter(status=LocationStatus.CHOSEN).exists():
            return [_("A chosen location.")]
    elif stage == Stage.FUNDED:
        if not any(app.is_granted for app in room.funding_applications.all()):
            return [_("A granted funding application.")]
    elif stage == Stage.AGREEMENTS_SIGNED:
        return _missing_cooperation(room)
    elif stage == Stage.OPERATIONAL:
        open_items = room.checklist.filter(done_on__isnull=True).count()
        if open_items or not room.checklist.exists():
            return [
                _("The practical start-up checklist done (%(open)s open).")
                % {"open": open_items}
            ]
    return []


def _missing_cooperation(room: Room) -> list[str]:
    agreements = room.agreements.filter(kind=AgreementKind.COOPERATION)
    if not agreements.exists():
        return [_("Cooperation agreements with the partners.")]
    unsigned = agreements.exclude(status=AgreementStatus.SIGNED)
    return [
        _("Cooperation agreement “%(title)s” signed by all parties.")
        % {"title": agreement.title}
        for agreement in unsigned
    ]


@transaction.atomic
def advance(room: Room, user: Any, *, reason: str = "") -> StageChange:
    """Move the room to its next stage, checked against the evidence under a row lock
    so two people pressing the button move it once."""
    room = Room.objects.select_for_update().get(pk=room.pk)
    target = room.next_stage
    if target is None:
        raise ValidationError(_("This room is not in its start-up track."))
    missing = missing_evidence(room, target)
    with translation.override(settings.LANGUAGE_CODE):
        # Kept in the record in the cooperative's language, whoever pressed.
        recorded = "\n".join(str(line) for line in missing_evidence(room, target))
    if missing and not reason.strip():
        raise ValidationError(
            [_("The evidence for this step is missing:")] + missing, code="evidence"
        )
    if missing and not user.has_perm("startup.override_gate", room):
        raise PermissionDenied(_("Only the board can pass a gate without evidence."))
    change = StageChange.objects.create(
        room=room,
        from_stage=room.stage,
        to_stage=target,
        changed_by=user,
        override_reason=reason.strip() if missing else "",
        missing=recorded,
    )
    room.stage = target
    room.stage_since = timezone.localdate()
    room.save(update_fields=["stage", "stage_since", "updated_at"])
    logger.info(
        "room stage room=%s stage=%s override=%s", room.uuid, target, bool(missing)
    )
    return change


@transaction.atomic
def choose_location(location: Location) -> Location:
    """Choose one location; any location chosen before goes back to visited. The
    room's row is locked so two people choosing at once leave one chosen."""
    Room.objects.select_for_update().get(pk=location.room_id)
    Location.objects.filter(
        room=location.room_id, status=LocationStatus.CHOSEN
    ).exclude(pk=location.pk).update(status=LocationStatus.VISITED)
    location.status = LocationStatus.CHOSEN
    location.save(update_fields=["status", "updated_at"])
    return location


@transaction.atomic
def start_checklist(room: Room) -> list[ChecklistItem]:
    """Give a new room the standard practical checklist, once: the room's row is
    locked so a double click starts one checklist."""
    Room.objects.select_for_update().get(pk=room.pk)
    if room.checklist.exists():
        return list(room.checklist.all())
    return ChecklistItem.objects.bulk_create(
        ChecklistItem(room=room, title=str(title), position=position)
        for position, title in enumerate(DEFAULT_CHECKLIST, start=1)
    )


@transaction.atomic
def add_checklist_item(room: Room, *, title: str, due_on: date | None) -> ChecklistItem:
    """A step of the room's own, after the standard ones."""
    last = room.checklist.order_by("-position").values_list("position", flat=True)
    return ChecklistItem.objects.create(
        room=room, title=title, due_on=due_on, position=(last.first() or 0) + 1
    )


@transaction.atomic
def tick(item: ChecklistItem, user: Any, *, done: bool, today: date) -> ChecklistItem:
    """Mark a step done (by whom, when) or open again."""
    item.done_on = today if done else None
    item.done_by = user if done else None
    item.save(update_fields=["done_on", "done_by", "updated_at"])
    return item


def timeline(room: Room) -> list[dict[str, Any]]:
    """The start-up gates in order: passed or not, and what the next one lacks."""
    if room.stage in START_UP_ORDER:
        current = START_UP_ORDER.index(Stage(room.stage))
    else:
        current = len(START_UP_ORDER)
    changes = {change.to_stage: change for change in room.stage_changes.all()}
    steps = []
    for index, stage in enumerate(START_UP_ORDER):
        steps.append(
            {
                "stage": stage,
                "passed": index <= current,
                "current": index == current,
                "change": changes.get(stage),
                "missing": missing_evidence(room, stage)
                if index == current + 1
                else [],
            }
        )
    return steps
