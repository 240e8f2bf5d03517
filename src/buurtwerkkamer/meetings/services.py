"""Operations on meetings, each in one transaction: planning, the agenda, who is
invited, the minutes with their decisions, and action items until they are done.

Every operation is asked of the user who does it, so the pages and the API keep
the same rules: a meeting of a room the user does not run is refused here too.
"""

import logging
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwerkkamer.accounts.models import User
from buurtwerkkamer.partners.models import ContactPerson
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.constants import Stage
from buurtwerkkamer.rooms.models import Room

from .constants import COOPERATIVE_KINDS, MeetingKind, MeetingStatus
from .models import ActionItem, Attendee, Decision, Meeting
from .queries import invitation_list, room_staff

logger = logging.getLogger(__name__)


def _may_change(user: Any, meeting: Meeting) -> None:
    if not user.has_perm("meetings.change_meeting", meeting):
        raise PermissionDenied(_("You do not run the meetings of this room."))


def _locked(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


@transaction.atomic
def plan_meeting(
    user: Any,
    *,
    room: Room | None,
    kind: str,
    title: str,
    starts_at: datetime,
    ends_at: datetime | None = None,
    place: str = "",
    agenda: str = "",
) -> Meeting:
    """Plan a meeting of a room, or a work meeting of the whole cooperative. A
    coaching session invites the room's coach and coordinator at once."""
    if room is None and kind not in COOPERATIVE_KINDS:
        raise ValidationError({"room": _("This kind of meeting belongs to a room.")})
    allowed = (
        user.has_perm("meetings.add_meeting", room)
        if room is not None
        else user.has_perm("meetings.add_cooperative_meeting")
    )
    if not allowed:
        raise PermissionDenied(_("You do not run the meetings of this room."))
    if room is not None and room.stage == Stage.CLOSED:
        raise ValidationError({"room": _("A closed room holds no meetings.")})
    meeting = Meeting(
        room=room,
        kind=kind,
        title=title.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        place=place.strip(),
        agenda=agenda.strip(),
        planned_by=user,
    )
    meeting.full_clean()
    meeting.save()
    if kind == MeetingKind.COACHING and room is not None:
        _add(meeting, users=room_staff(room))
    logger.info("meeting planned meeting=%s kind=%s", meeting.uuid, kind)
    return meeting


@transaction.atomic
def reschedule_meeting(
    meeting: Meeting,
    user: Any,
    *,
    title: str,
    starts_at: datetime,
    ends_at: datetime | None = None,
    place: str = "",
) -> Meeting:
    """Rename or move a meeting still to be held, under the rules of planning; a
    meeting held keeps the time and place its minutes were recorded for."""
    _may_change(user, meeting)
    meeting = _locked(meeting)
    if meeting.is_held:
        raise ValidationError(_("The meeting has been held: it stays where it was."))
    if meeting.room is not None and meeting.room.stage == Stage.CLOSED:
        raise ValidationError({"room": _("A closed room holds no meetings.")})
    day = timezone.localdate(starts_at)
    if meeting.action_items.filter(due_on__lt=day).exists():
        raise ValidationError(
            {"starts_at": _("An action of this meeting falls due before the new date.")}
        )
    meeting.title = title.strip()
    meeting.starts_at = starts_at
    meeting.ends_at = ends_at
    meeting.place = place.strip()
    meeting.full_clean()
    meeting.save(update_fields=["title", "starts_at", "ends_at", "place", "updated_at"])
    logger.info("meeting rescheduled meeting=%s", meeting.uuid)
    return meeting


@transaction.atomic
def set_agenda(meeting: Meeting, user: Any, agenda: str) -> Meeting:
    """The agenda is for a meeting still to be held; afterwards the minutes say
    what was discussed."""
    _may_change(user, meeting)
    meeting = _locked(meeting)
    if meeting.is_held:
        raise ValidationError(_("The meeting has been held: its agenda stays."))
    meeting.agenda = agenda.strip()
    meeting.save(update_fields=["agenda", "updated_at"])
    return meeting


def _refuse_when_held(meeting: Meeting) -> None:
    if meeting.is_held:
        raise ValidationError(_("The meeting has been held: nobody is invited now."))


@transaction.atomic
def invite(
    meeting: Meeting,
    user: Any,
    *,
    people: Iterable[Person] = (),
    contacts: Iterable[ContactPerson] = (),
    users: Iterable[User] = (),
) -> int:
    """Invite people of the room, contact persons of its partners and users;
    someone already invited stays as they are. Returns how many were added."""
    _may_change(user, meeting)
    meeting = _locked(meeting)
    _refuse_when_held(meeting)
    people, contacts = list(people), list(contacts)
    room = meeting.room
    if room is not None:
        if any(not person.rooms.filter(pk=room.pk).exists() for person in people):
            raise ValidationError(_("Only people of the room can be invited."))
        partners = set(room.partners.values_list("pk", flat=True))
        if any(contact.organisation_id not in partners for contact in contacts):
            raise ValidationError(
                _("Only contact persons of the room's partners can be invited.")
            )
    return _add(meeting, people=people, contacts=contacts, users=users)


@transaction.atomic
def invite_everyone(meeting: Meeting, user: Any, today: date) -> int:
    """Invite everyone involved in the room to its annual partner meeting: its
    active residents and volunteers, the contact persons of its partners, and its
    staff. Returns how many were added."""
    _may_change(user, meeting)
    meeting = _locked(meeting)
    _refuse_when_held(meeting)
    if meeting.kind != MeetingKind.PARTNER or meeting.room is None:
        raise ValidationError(
            _("Everyone is invited to the annual partner meeting only.")
        )
    people, contacts, users = invitation_list(meeting.room, today)
    added = _add(meeting, people=people, contacts=contacts, users=users)
    logger.info("partner meeting invited meeting=%s added=%s", meeting.uuid, added)
    return added


def _add(
    meeting: Meeting,
    *,
    people: Iterable[Person] = (),
    contacts: Iterable[ContactPerson] = (),
    users: Iterable[User] = (),
) -> int:
    known = meeting.attendees.values_list("person_id", "contact_id", "user_id")
    have = {kind: set() for kind in ("person", "contact", "user")}  # type: ignore[var-annotated]
    for person_id, contact_id, user_id in known:
        have["person"].add(person_id)
        have["contact"].add(contact_id)
        have["user"].add(user_id)
    new = [
        Attendee(meeting=meeting, person=x)
        for x in people
        if x.pk not in have["person"]
    ]
    new += [
        Attendee(meeting=meeting, contact=x)
        for x in contacts
        if x.pk not in have["contact"]
    ]
    new += [
        Attendee(meeting=meeting, user=x) for x in users if x.pk not in have["user"]
    ]
    Attendee.objects.bulk_create(new)
    return len(new)


@transaction.atomic
def record_minutes(
    meeting: Meeting,
    user: Any,
    *,
    minutes: str,
    present: Iterable[Attendee] = (),
    decisions: Iterable[str] = (),
    now: datetime,
) -> Meeting:
    """Record what was discussed, who was there and what was decided, once the
    meeting has started; the meeting is held from then on. Minutes recorded again
    replace the earlier text (the audit trail keeps it); decisions add up."""
    _may_change(user, meeting)
    meeting = _locked(meeting)
    if meeting.starts_at > now:
        raise ValidationError(
            _("The minutes are recorded after the meeting, not before.")
        )
    if not minutes.strip():
        raise ValidationError({"minutes": _("Write down what was discussed.")})
    present_ids = {attendee.pk for attendee in present}
    meeting.attendees.update(present=False)
    meeting.attendees.filter(pk__in=present_ids).update(present=True)
    texts = [text.strip() for text in decisions if text.strip()]
    Decision.objects.bulk_create(Decision(meeting=meeting, text=t) for t in texts)
    meeting.minutes = minutes.strip()
    meeting.minutes_by = user
    meeting.status = MeetingStatus.HELD
    meeting.full_clean()
    meeting.save(update_fields=["minutes", "minutes_by", "status", "updated_at"])
    logger.info("minutes recorded meeting=%s decisions=%s", meeting.uuid, len(texts))
    return meeting


@transaction.atomic
def add_action_item(
    meeting: Meeting, user: Any, *, what: str, owner: User, due_on: date
) -> ActionItem:
    """An action agreed in the meeting, for one user who can see the meeting; it
    falls due on or after the meeting's day."""
    _may_change(user, meeting)
    if due_on < meeting.day:
        raise ValidationError(
            {"due_on": _("An action cannot fall due before the meeting.")}
        )
    if not owner.is_active or not owner.has_perm("meetings.view_meeting", meeting):
        raise ValidationError(
            {"owner": _("The owner must be able to see the meeting.")}
        )
    item = ActionItem(meeting=meeting, what=what.strip(), owner=owner, due_on=due_on)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def complete_action_item(
    item: ActionItem, user: Any, *, done_on: date, today: date
) -> ActionItem:
    """Close an action: by its owner, or by whoever runs the meeting."""
    if not user.has_perm("meetings.close_action", item):
        raise PermissionDenied(_("Only the owner or the coordinator closes an action."))
    item = (
        ActionItem.objects.select_for_update().select_related("meeting").get(pk=item.pk)
    )
    if item.done_on is not None:
        raise ValidationError(_("This action is done already."))
    if done_on > today:
        raise ValidationError({"done_on": _("An action cannot be done in the future.")})
    if done_on < item.meeting.day:
        raise ValidationError(
            {"done_on": _("An action cannot be done before its meeting.")}
        )
    item.done_on = done_on
    item.done_by = user
    item.save(update_fields=["done_on", "done_by", "updated_at"])
    return item
