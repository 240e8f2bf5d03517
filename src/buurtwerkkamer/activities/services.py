"""Activities and their sessions. Each operation runs in one transaction and
refuses what cannot be right (a session in the future, a volunteer of another
room, more hours than a day has) before anything is written."""

import logging
from collections.abc import Iterable, Mapping
from datetime import date, time
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from buurtwerkkamer.core.registry import participation_refusal
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room

from .constants import MAX_HOURS, MAX_VISITORS
from .models import Activity, Session, SessionParticipant, SessionVolunteer

logger = logging.getLogger(__name__)

ACTIVITY_FIELDS = {
    "name",
    "kind",
    "description",
    "schedule",
    "leader",
    "active_from",
    "active_until",
    "needs_participants",
}


@transaction.atomic
def create_activity(room: Room, **fields: Any) -> Activity:
    """A new activity of the room, led by one of its people or by nobody named."""
    activity = Activity(room=room, **_known(fields))
    _check_activity(activity)
    activity.save()
    logger.info("activity created activity=%s room=%s", activity.uuid, room.uuid)
    return activity


@transaction.atomic
def update_activity(activity: Activity, **changes: Any) -> Activity:
    """Change an activity. Its period must keep every session it already has, and
    an activity with named participants keeps recording them."""
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    for name, value in _known(changes).items():
        setattr(activity, name, value)
    _check_activity(activity)
    held = activity.sessions.order_by("held_on").values_list("held_on", flat=True)
    first, last = held.first(), held.last()
    if first and first < activity.active_from:
        raise ValidationError({"active_from": _("It has sessions before that date.")})
    if last and activity.active_until and last > activity.active_until:
        raise ValidationError({"active_until": _("It has sessions after that date.")})
    if (
        not activity.needs_participants
        and SessionParticipant.objects.filter(session__activity=activity).exists()
    ):
        raise ValidationError(
            {"needs_participants": _("Its sessions have named participants already.")}
        )
    activity.save()
    logger.info("activity changed activity=%s", activity.uuid)
    return activity


def _known(fields: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - ACTIVITY_FIELDS
    if unknown:
        raise TypeError(f"unknown activity fields: {sorted(unknown)}")
    return dict(fields)


def _check_activity(activity: Activity) -> None:
    activity.full_clean(exclude=["room"])
    leader = activity.leader
    if leader is not None and not leader.rooms.filter(pk=activity.room_id).exists():
        raise ValidationError(
            {"leader": _("The leader is not one of the room's people.")}
        )


@transaction.atomic
def record_session(
    activity: Activity,
    user: Any,
    *,
    held_on: date,
    visitors: int,
    volunteers: Mapping[Person, Decimal],
    participants: Iterable[Person] = (),
    notes: str = "",
    starts_at: time | None = None,
    today: date,
) -> Session:
    """Record a session held: the visitors counted, the volunteers present with
    their hours, and, for a course, who took part by name. The activity's row is
    locked, so two people recording the same session at once store it once."""
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    participants = list(participants)
    _check_date(activity, held_on, today)
    _check_visitors(visitors)
    _check_volunteers(activity, volunteers)
    _check_participants(activity, participants)
    _check_not_excluded(activity, volunteers, participants, held_on)
    if Session.objects.filter(
        activity=activity, held_on=held_on, starts_at=starts_at
    ).exists():
        raise ValidationError(_("This session has been recorded already."))
    session = Session(
        activity=activity,
        room_id=activity.room_id,
        held_on=held_on,
        starts_at=starts_at,
        visitors=visitors,
        notes=notes,
        recorded_by=user,
    )
    try:
        with transaction.atomic():
            session.save()
    except IntegrityError as error:
        raise ValidationError(_("This session has been recorded already.")) from error
    _save_people(session, volunteers, participants)
    logger.info("session recorded session=%s activity=%s", session.uuid, activity.uuid)
    return session


@transaction.atomic
def correct_session(
    session: Session,
    *,
    held_on: date,
    visitors: int,
    volunteers: Mapping[Person, Decimal],
    participants: Iterable[Person] = (),
    notes: str = "",
    today: date,
) -> Session:
    """Correct a session recorded with a mistake: the same rules as recording it.
    Who was there is replaced as a whole, as the form shows it."""
    activity = Activity.objects.select_for_update().get(pk=session.activity_id)
    session = Session.objects.select_for_update().get(pk=session.pk)
    participants = list(participants)
    _check_date(activity, held_on, today)
    _check_visitors(visitors)
    _check_volunteers(activity, volunteers)
    _check_participants(activity, participants)
    _check_not_excluded(activity, volunteers, participants, held_on)
    twin = Session.objects.filter(
        activity=activity, held_on=held_on, starts_at=session.starts_at
    ).exclude(pk=session.pk)
    if twin.exists():
        raise ValidationError(_("This session has been recorded already."))
    session.held_on, session.visitors, session.notes = held_on, visitors, notes
    session.save()
    # Row by row, so that the audit trail keeps what was there before.
    for row in [*session.volunteers.all(), *session.participants.all()]:
        row.delete()
    _save_people(session, volunteers, participants)
    logger.info("session corrected session=%s", session.uuid)
    return session


def _save_people(
    session: Session, volunteers: Mapping[Person, Decimal], participants: list[Person]
) -> None:
    # One by one rather than in bulk: the audit trail keeps each row.
    for person, hours in volunteers.items():
        SessionVolunteer.objects.create(session=session, person=person, hours=hours)
    for person in participants:
        SessionParticipant.objects.create(session=session, person=person)


def _check_date(activity: Activity, held_on: date, today: date) -> None:
    if held_on > today:
        raise ValidationError(
            {"held_on": _("A session cannot be recorded before it is held.")}
        )
    if held_on < activity.active_from:
        raise ValidationError(
            {"held_on": _("The activity had not started on that date.")}
        )
    if activity.active_until and held_on > activity.active_until:
        raise ValidationError({"held_on": _("The activity had ended by that date.")})


def _check_visitors(visitors: int) -> None:
    if visitors < 0:
        raise ValidationError({"visitors": _("Visitors cannot be fewer than zero.")})
    if visitors > MAX_VISITORS:
        raise ValidationError(
            {
                "visitors": _("More than %(most)s visitors cannot be right.")
                % {"most": MAX_VISITORS}
            }
        )


def _check_volunteers(activity: Activity, volunteers: Mapping[Person, Decimal]) -> None:
    for hours in volunteers.values():
        if not Decimal(0) < hours <= MAX_HOURS:
            raise ValidationError(
                {
                    "volunteers": _(
                        "Hours must be more than zero and at most %(most)s."
                    )
                    % {"most": MAX_HOURS}
                }
            )
        if hours != hours.quantize(Decimal("0.01")):
            raise ValidationError(
                {"volunteers": _("Hours are recorded to the hundredth at most.")}
            )
    if _outsiders(activity, volunteers):
        raise ValidationError(
            {"volunteers": _("A volunteer is not one of the room's people.")}
        )


def _check_participants(activity: Activity, participants: list[Person]) -> None:
    if participants and not activity.needs_participants:
        raise ValidationError(
            {"participants": _("This activity counts visitors; it names nobody.")}
        )
    if len({person.pk for person in participants}) != len(participants):
        raise ValidationError({"participants": _("A participant is named twice.")})
    if _outsiders(activity, participants):
        raise ValidationError(
            {"participants": _("A participant is not one of the room's people.")}
        )


def _check_not_excluded(
    activity: Activity,
    volunteers: Mapping[Person, Decimal],
    participants: list[Person],
    held_on: date,
) -> None:
    """Nobody who is temporarily excluded from the room on that day is recorded
    as taking part (DESIGN.md section 5); mediation says who is."""
    for field, people in (("volunteers", volunteers), ("participants", participants)):
        for person in people:
            refusal = participation_refusal(person, activity.room_id, held_on)
            if refusal:
                raise ValidationError({field: refusal})


def _outsiders(activity: Activity, people: Iterable[Person]) -> bool:
    wanted = {person.pk for person in people}
    if not wanted:
        return False
    inside = Person.rooms.through.objects.filter(
        room_id=activity.room_id, person_id__in=wanted
    ).values_list("person_id", flat=True)
    return bool(wanted - set(inside))
