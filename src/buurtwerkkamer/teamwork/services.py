"""Operations on the team's records, each in one transaction. What they refuse,
they refuse with a message and change nothing."""

import logging
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room

from .constants import FIRST_GOAL_YEAR
from .models import (
    Breach,
    GoalNote,
    HouseRules,
    PartnerContact,
    WorkAgreement,
    YearlyGoal,
)

logger = logging.getLogger(__name__)


def _not_in_future(day: date | None, today: date, field: str) -> None:
    if day is not None and day > today:
        raise ValidationError({field: _("This date lies in the future.")})


def _of_the_room(person: Person | None, room_id: int, field: str = "person") -> None:
    if person is not None and not person.rooms.filter(pk=room_id).exists():
        raise ValidationError(
            {field: _("This person is not one of the room's people.")}
        )


def rules_in_effect(room: Room, day: date) -> HouseRules | None:
    """The version of the room's house rules in effect on `day`: the latest
    that took effect on or before it."""
    versions = HouseRules.objects.filter(room=room, effective_from__lte=day)
    return versions.order_by("-effective_from").first()


@transaction.atomic
def save_house_rules(rules: HouseRules, *, today: date) -> HouseRules:
    """Save a version of the house rules. A version in effect never changes: a
    new version supersedes it. The first version of a room may record rules
    that hold already; every later one takes effect today or later, and after
    the version before it."""
    # Locks the room, so that two new versions at once do not share a number.
    Room.objects.select_for_update().filter(pk=rules.room_id).first()
    if rules.pk:
        stored = HouseRules.objects.get(pk=rules.pk)
        if stored.in_effect(today):
            raise ValidationError(
                _("This version is in effect and no longer changes: write a new one.")
            )
    others = HouseRules.objects.filter(room_id=rules.room_id).exclude(pk=rules.pk)
    latest = others.aggregate(latest=Max("effective_from"))["latest"]
    if latest is not None:
        if rules.effective_from <= latest:
            raise ValidationError(
                {"effective_from": _("A new version takes effect after the last one.")}
            )
        if rules.effective_from < today:
            raise ValidationError(
                {"effective_from": _("A new version cannot take effect in the past.")}
            )
    if not rules.pk:
        highest = others.aggregate(highest=Max("number"))["highest"] or 0
        rules.number = highest + 1
    rules.text = rules.text.strip()
    rules.full_clean()
    rules.save()
    logger.info("house rules saved rules=%s number=%s", rules.uuid, rules.number)
    return rules


@transaction.atomic
def save_breach(breach: Breach, *, today: date) -> Breach:
    """Record a breach of the house rules by a person of the room, with the
    version in effect that day. Refused: a day in the future, a person from
    elsewhere, and a day before the room had house rules."""
    _not_in_future(breach.occurred_on, today, "occurred_on")
    _of_the_room(breach.person if breach.person_id else None, breach.room_id)
    rules = rules_in_effect(breach.room, breach.occurred_on)
    if rules is None:
        raise ValidationError(
            {"occurred_on": _("The room had no house rules in effect on that day.")}
        )
    breach.rules = rules
    breach.full_clean()
    breach.save()
    logger.info("breach recorded breach=%s", breach.uuid)
    return breach


@transaction.atomic
def save_work_agreement(agreement: WorkAgreement, *, today: date) -> WorkAgreement:
    """Record an agreement with, or a coaching conversation with, a person of
    the room. Refused: a date in the future, a follow-up before the agreement,
    and a person from elsewhere."""
    _not_in_future(agreement.agreed_on, today, "agreed_on")
    _of_the_room(agreement.person if agreement.person_id else None, agreement.room_id)
    if agreement.follow_up_on and agreement.follow_up_on < agreement.agreed_on:
        raise ValidationError(
            {"follow_up_on": _("The follow-up cannot come before the agreement.")}
        )
    if agreement.followed_up_on and agreement.followed_up_on < agreement.agreed_on:
        raise ValidationError(
            {"followed_up_on": _("The follow-up cannot come before the agreement.")}
        )
    _not_in_future(agreement.followed_up_on, today, "followed_up_on")
    agreement.subject = agreement.subject.strip()
    agreement.full_clean()
    agreement.save()
    return agreement


@transaction.atomic
def follow_up(record: Any, *, done_on: date, today: date) -> Any:
    """Record that a work agreement or partner contact was followed up, once:
    on a day between the record's own date and today. It then leaves the list
    of deadlines."""
    record = type(record).objects.select_for_update().get(pk=record.pk)
    if record.followed_up_on is not None:
        raise ValidationError(_("This has been followed up already."))
    if record.follow_up_on is None:
        raise ValidationError(_("Nothing was to be followed up."))
    _not_in_future(done_on, today, "done_on")
    start = getattr(record, "agreed_on", None) or record.contacted_on
    if done_on < start:
        raise ValidationError(
            {"done_on": _("It cannot be followed up before it took place.")}
        )
    record.followed_up_on = done_on
    record.save(update_fields=["followed_up_on", "updated_at"])
    return record


@transaction.atomic
def save_goal(goal: YearlyGoal, *, today: date) -> YearlyGoal:
    """Save a yearly goal of a room. Refused: a year before the cooperative or
    beyond the next."""
    if not FIRST_GOAL_YEAR <= goal.year <= today.year + 1:
        raise ValidationError(
            {
                "year": _("Choose a year from %(first)s to %(last)s.")
                % {"first": FIRST_GOAL_YEAR, "last": today.year + 1}
            }
        )
    goal.goal = goal.goal.strip()
    goal.full_clean()
    goal.save()
    return goal


@transaction.atomic
def add_goal_note(
    goal: YearlyGoal, *, note: str, written_on: date, user: Any, today: date
) -> GoalNote:
    """Note the progress towards a yearly goal. Refused: an empty note, a day
    in the future, and a day after the goal's year."""
    _not_in_future(written_on, today, "written_on")
    if written_on.year > goal.year:
        raise ValidationError(
            {"written_on": _("The goal's year was over by that day.")}
        )
    if not note.strip():
        raise ValidationError({"note": _("Write what progress was made.")})
    record = GoalNote(goal=goal, note=note.strip(), written_on=written_on)
    record.written_by = user
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def save_partner_contact(contact: PartnerContact, *, today: date) -> PartnerContact:
    """Log a contact with a partner. Refused: a date in the future, a follow-up
    date before the contact, and a follow-up date without saying what."""
    _not_in_future(contact.contacted_on, today, "contacted_on")
    if contact.follow_up_on and contact.follow_up_on < contact.contacted_on:
        raise ValidationError(
            {"follow_up_on": _("The follow-up cannot come before the contact.")}
        )
    if contact.follow_up_on and not contact.follow_up.strip():
        raise ValidationError({"follow_up": _("Say what is to be followed up.")})
    contact.subject = contact.subject.strip()
    contact.full_clean()
    contact.save()
    return contact
