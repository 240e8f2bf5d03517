"""Operations on mediation cases and exclusions, each in one transaction. What
they refuse, they refuse with a message and change nothing."""

import logging
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room

from .constants import Outcome
from .models import Exclusion, MediationCase, MediationSession

logger = logging.getLogger(__name__)


def _not_in_future(day: date | None, today: date, field: str) -> None:
    if day is not None and day > today:
        raise ValidationError({field: _("This date lies in the future.")})


def _all_of_the_room(people: Iterable[Person], room_id: int, field: str) -> None:
    wanted = {person.pk for person in people}
    inside = set(
        Person.rooms.through.objects.filter(
            room_id=room_id, person_id__in=wanted
        ).values_list("person_id", flat=True)
    )
    if wanted - inside:
        raise ValidationError({field: _("Someone is not one of the room's people.")})


def _still_open(case: MediationCase) -> MediationCase:
    case = MediationCase.objects.select_for_update().get(pk=case.pk)
    if case.is_closed:
        raise ValidationError(_("This case has been closed."))
    return case


@transaction.atomic
def save_case(
    case: MediationCase, parties: Iterable[Person], *, today: date
) -> MediationCase:
    """Open a mediation case between people of the room, or correct it while it
    is open. Refused: fewer than two parties, a party from elsewhere, an
    opening day in the future or after the case's first session."""
    parties = list(parties)
    if case.pk:
        _still_open(case)
    _not_in_future(case.opened_on, today, "opened_on")
    if len({person.pk for person in parties}) < 2:
        raise ValidationError({"parties": _("A mediation has at least two parties.")})
    _all_of_the_room(parties, case.room_id, "parties")
    if case.pk and case.sessions.filter(held_on__lt=case.opened_on).exists():
        raise ValidationError(
            {"opened_on": _("A session of this case was held before that day.")}
        )
    case.title = case.title.strip()
    case.full_clean()
    case.save()
    case.parties.set(parties)
    logger.info("mediation case saved case=%s", case.uuid)
    return case


@transaction.atomic
def record_session(
    case: MediationCase,
    *,
    held_on: date,
    present: Iterable[Person],
    others_present: str,
    agreed: str,
    user: Any,
    today: date,
) -> MediationSession:
    """Record a mediation session of an open case: who of the parties were
    there, who else, and what was agreed. Refused: a day in the future or
    before the case opened, someone present who is not a party, and a session
    without what was agreed."""
    case = _still_open(case)
    _not_in_future(held_on, today, "held_on")
    if held_on < case.opened_on:
        raise ValidationError(
            {"held_on": _("A session cannot be held before the case opened.")}
        )
    present = list(present)
    parties = set(case.parties.values_list("pk", flat=True))
    if any(person.pk not in parties for person in present):
        raise ValidationError({"present": _("Only parties to the case are listed.")})
    if not agreed.strip():
        raise ValidationError({"agreed": _("Write what was agreed.")})
    session = MediationSession(
        case=case,
        held_on=held_on,
        others_present=others_present.strip(),
        agreed=agreed.strip(),
        recorded_by=user,
    )
    session.full_clean()
    session.save()
    session.present.set(present)
    return session


@transaction.atomic
def close_case(
    case: MediationCase,
    *,
    outcome: str,
    outcome_notes: str,
    closed_on: date,
    today: date,
) -> MediationCase:
    """Close a case with its outcome. Refused: a case closed already, a day in
    the future or before the case's opening or last session, and the outcome
    "temporary exclusion" without an exclusion decided in this case."""
    case = _still_open(case)
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Choose an outcome.")})
    _not_in_future(closed_on, today, "closed_on")
    if closed_on < case.opened_on:
        raise ValidationError({"closed_on": _("A case cannot close before it opened.")})
    if case.sessions.filter(held_on__gt=closed_on).exists():
        raise ValidationError(
            {"closed_on": _("A session of this case was held after that day.")}
        )
    if outcome == Outcome.EXCLUSION and not case.exclusions.exists():
        raise ValidationError(
            {"outcome": _("Decide the temporary exclusion first, from this case.")}
        )
    case.outcome, case.closed_on = outcome, closed_on
    case.outcome_notes = outcome_notes.strip()
    case.full_clean()
    case.save(update_fields=["outcome", "outcome_notes", "closed_on", "updated_at"])
    logger.info("mediation case closed case=%s outcome=%s", case.uuid, outcome)
    return case


def _check_period(exclusion: Exclusion) -> None:
    if exclusion.ends_on < exclusion.starts_on:
        raise ValidationError({"ends_on": _("The last day lies before the first.")})
    most = settings.BWK_MAX_EXCLUSION_DAYS
    if exclusion.ends_on - exclusion.starts_on >= timedelta(days=most):
        raise ValidationError(
            {"ends_on": _("An exclusion lasts at most %(days)s days.") % {"days": most}}
        )
    overlapping = Exclusion.objects.filter(
        room_id=exclusion.room_id,
        person_id=exclusion.person_id,
        starts_on__lte=exclusion.ends_on,
        ends_on__gte=exclusion.starts_on,
    ).exclude(pk=exclusion.pk)
    if overlapping.exists():
        raise ValidationError(
            {"starts_on": _("This person is excluded already in that period.")}
        )


@transaction.atomic
def decide_exclusion(exclusion: Exclusion, *, today: date) -> Exclusion:
    """Record a temporary exclusion of a person from the room, decided by the
    user on it; from a mediation case or on its own. Refused: a last day before
    the first, more than BWK_MAX_EXCLUSION_DAYS days, an overlap with another
    exclusion of that person, a person from elsewhere, and a case of another
    room, a closed case or a person who is no party to it."""
    # One exclusion at a time per room: two decided at once cannot overlap.
    Room.objects.select_for_update().filter(pk=exclusion.room_id).first()
    _all_of_the_room([exclusion.person], exclusion.room_id, "person")
    case = exclusion.case
    if case is not None:
        if case.room_id != exclusion.room_id:
            raise ValidationError({"case": _("That case is of another room.")})
        _still_open(case)
        if not case.parties.filter(pk=exclusion.person_id).exists():
            raise ValidationError(
                {"person": _("Only a party to the case can be excluded from it.")}
            )
    _check_period(exclusion)
    exclusion.reason = exclusion.reason.strip()
    exclusion.full_clean()
    exclusion.save()
    logger.info("exclusion decided exclusion=%s", exclusion.uuid)
    return exclusion


@transaction.atomic
def end_early(exclusion: Exclusion, *, ends_on: date, today: date) -> Exclusion:
    """Let the person back before the planned last day: the new last day lies
    between the first day and the old last day, and not before today (the days
    passed stay as they were)."""
    exclusion = Exclusion.objects.select_for_update().get(pk=exclusion.pk)
    if ends_on >= exclusion.ends_on:
        raise ValidationError(
            {"ends_on": _("The new last day comes before the old one.")}
        )
    if ends_on < max(exclusion.starts_on, today - timedelta(days=1)):
        raise ValidationError(
            {"ends_on": _("The days that have passed stay as they were.")}
        )
    exclusion.ends_on = ends_on
    exclusion.save(update_fields=["ends_on", "updated_at"])
    logger.info("exclusion ended early exclusion=%s", exclusion.uuid)
    return exclusion
