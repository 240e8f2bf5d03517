"""Operations on placements, each in one transaction: candidates from referral
to selection, the placement and its contract (made and managed through the
employer's services), and signals until they are resolved. What they refuse,
they refuse with a message and change nothing."""

import logging
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from buurtwerkkamer.employer import services as employer
from buurtwerkkamer.employer.models import ContractEvaluation
from buurtwerkkamer.partners.constants import OrganisationKind
from buurtwerkkamer.partners.models import ContactPerson, Organisation
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room

from .constants import CandidateStatus, Outcome, PlacementKind
from .models import (
    Candidate,
    Placement,
    PlacementVacancy,
    SelectionInterview,
    Signal,
    SignalContact,
)

logger = logging.getLogger(__name__)


def _not_in_future(day: date, today: date, field: str) -> None:
    if day > today:
        raise ValidationError({field: _("This date lies in the future.")})


@transaction.atomic
def save_vacancy(vacancy: PlacementVacancy) -> PlacementVacancy:
    """Validate and save a vacancy for a placement."""
    if vacancy.closed_on and vacancy.closed_on < vacancy.opened_on:
        raise ValidationError(
            {"closed_on": _("A vacancy cannot close before it opens.")}
        )
    vacancy.title = vacancy.title.strip()
    vacancy.full_clean()
    vacancy.save()
    return vacancy


def _check_referral(
    referred_by: Organisation | None, contact: ContactPerson | None
) -> None:
    if referred_by is None:
        if contact is not None:
            raise ValidationError(
                {"referral_contact": _("A contact person comes with a referral.")}
            )
        return
    if referred_by.kind != OrganisationKind.BENEFITS_AGENCY:
        raise ValidationError(
            {"referred_by": _("Candidates are referred by a benefits agency.")}
        )
    if contact is not None and contact.organisation_id != referred_by.pk:
        raise ValidationError(
            {"referral_contact": _("That contact person is of another organisation.")}
        )


@transaction.atomic
def register_candidate(
    room: Room,
    *,
    first_name: str,
    last_name: str,
    registered_on: date,
    today: date,
    email: str = "",
    phone: str = "",
    referred_by: Organisation | None = None,
    referral_contact: ContactPerson | None = None,
    vacancy: PlacementVacancy | None = None,
) -> Candidate:
    """Register a candidate, referred by a benefits agency (with its contact
    person) or come in themselves; they become a person of the room. Refused:
    a referrer that is no benefits agency, a contact of another organisation, a
    date in the future, and a vacancy of another room or closed."""
    _not_in_future(registered_on, today, "registered_on")
    _check_referral(referred_by, referral_contact)
    if vacancy is not None and (vacancy.room_id != room.pk or vacancy.closed_on):
        raise ValidationError({"vacancy": _("That vacancy is not open in this room.")})
    if not first_name.strip() or not last_name.strip():
        raise ValidationError({"last_name": _("Give the candidate's name.")})
    person = Person.objects.create(
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email,
        phone=phone,
    )
    person.rooms.add(room)
    candidate = Candidate.objects.create(
        room=room,
        person=person,
        vacancy=vacancy,
        referred_by=referred_by,
        referral_contact=referral_contact,
        registered_on=registered_on,
    )
    logger.info("candidate registered candidate=%s", candidate.uuid)
    return candidate


def _open(candidate: Candidate) -> None:
    if candidate.status in (CandidateStatus.PLACED, CandidateStatus.REJECTED):
        raise ValidationError(_("The selection of this candidate is over."))


@transaction.atomic
def record_intake(
    candidate: Candidate, *, intake_on: date, notes: str, today: date
) -> Candidate:
    """Record the intake: after registering, not in the future, once."""
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    _open(candidate)
    if candidate.intake_on is not None:
        raise ValidationError(_("The intake was recorded already."))
    _not_in_future(intake_on, today, "intake_on")
    if intake_on < candidate.registered_on:
        raise ValidationError(
            {"intake_on": _("The intake comes after the registration.")}
        )
    candidate.intake_on = intake_on
    candidate.intake_notes = notes.strip()
    candidate.save(update_fields=["intake_on", "intake_notes", "updated_at"])
    return candidate


@transaction.atomic
def record_interview(
    candidate: Candidate, *, held_on: date, notes: str, decision: str, today: date
) -> SelectionInterview:
    """Record a selection interview and its decision (accepted, waiting list,
    rejected), which becomes the candidate's status. Refused: before the
    intake, in the future, and once the selection is over."""
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    _open(candidate)
    if candidate.intake_on is None:
        raise ValidationError(_("Hold the intake before the selection interview."))
    _not_in_future(held_on, today, "held_on")
    if held_on < candidate.intake_on:
        raise ValidationError({"held_on": _("The interview comes after the intake.")})
    if decision not in (
        CandidateStatus.ACCEPTED,
        CandidateStatus.WAITING,
        CandidateStatus.REJECTED,
    ):
        raise ValidationError({"decision": _("Choose accepted, waiting or rejected.")})
    if not notes.strip():
        raise ValidationError({"notes": _("Write down how the interview went.")})
    interview = SelectionInterview.objects.create(
        candidate=candidate, held_on=held_on, notes=notes.strip(), decision=decision
    )
    candidate.status = decision
    candidate.save(update_fields=["status", "updated_at"])
    return interview


@transaction.atomic
def start_placement(
    candidate: Candidate,
    *,
    kind: str,
    starts_on: date,
    ends_on: date | None,
    hours_per_week: Decimal,
    pay: Decimal = Decimal("0.00"),
    pay_basis: str = "none",
    trial_ends_on: date | None = None,
    first_evaluation_on: date | None = None,
) -> Placement:
    """Place an accepted candidate in the room with a contract of the
    placement's kind, made under the employer's rules for that kind; a first
    evaluation may be planned with it. Refused: a candidate not accepted (or
    placed before), a kind that is no placement, and whatever the contract's
    rules refuse."""
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.status != CandidateStatus.ACCEPTED:
        raise ValidationError(_("Only an accepted candidate can be placed."))
    if kind not in PlacementKind.values:
        raise ValidationError({"kind": _("That is not a kind of placement.")})
    if candidate.vacancy and candidate.vacancy.kind != kind:
        raise ValidationError({"kind": _("The vacancy is for another kind.")})
    contract = employer.create_contract(
        candidate.person,
        kind,
        rooms=[candidate.room],
        starts_on=starts_on,
        ends_on=ends_on,
        hours_per_week=hours_per_week,
        pay=pay,
        pay_basis=pay_basis,
        trial_ends_on=trial_ends_on,
    )
    if first_evaluation_on is not None:
        employer.plan_evaluation(contract, due_on=first_evaluation_on)
    placement = Placement.objects.create(
        candidate=candidate,
        room=candidate.room,
        kind=kind,
        contract=contract,
        started_on=starts_on,
    )
    candidate.status = CandidateStatus.PLACED
    candidate.save(update_fields=["status", "updated_at"])
    logger.info("placement started placement=%s", placement.uuid)
    return placement


def _running(placement: Placement) -> Placement:
    placement = Placement.objects.select_for_update().get(pk=placement.pk)
    if placement.ended_on is not None:
        raise ValidationError(_("This placement has ended."))
    return placement


@transaction.atomic
def plan_evaluation(placement: Placement, *, due_on: date) -> ContractEvaluation:
    """Plan an evaluation of a running placement, within its contract."""
    placement = _running(placement)
    return employer.plan_evaluation(placement.contract, due_on=due_on)


@transaction.atomic
def extend_placement(placement: Placement, **terms: Any) -> Placement:
    """Extend a running placement: its contract gets a new period under the
    rules of its kind (employer.extend_contract), which becomes current."""
    placement = _running(placement)
    placement.contract = employer.extend_contract(placement.contract, **terms)
    placement.save(update_fields=["contract", "updated_at"])
    return placement


@transaction.atomic
def end_placement(
    placement: Placement, *, ended_on: date, outcome: str, notes: str = ""
) -> Placement:
    """End a placement with its outcome. Before the contract's end, the
    contract is ended early too. Refused: a placement that ended, an unknown
    outcome, and a day before the start or after the contract's end."""
    placement = _running(placement)
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Choose the outcome.")})
    if ended_on < placement.started_on:
        raise ValidationError(
            {"ended_on": _("A placement cannot end before it starts.")}
        )
    contract = placement.contract
    if contract.ends_on is not None and ended_on > contract.ends_on:
        raise ValidationError(
            {"ended_on": _("The contract ends before then: extend it first.")}
        )
    if contract.ends_on is None or ended_on < contract.ends_on:
        reason = Outcome(outcome).label
        employer.end_contract(contract, ends_on=ended_on, reason=str(reason))
    placement.ended_on = ended_on
    placement.outcome = outcome
    placement.outcome_notes = notes.strip()
    placement.save(update_fields=["ended_on", "outcome", "outcome_notes", "updated_at"])
    return placement


@transaction.atomic
def raise_signal(
    placement: Placement,
    *,
    raised_on: date,
    description: str,
    seriousness: str,
    follow_up_on: date,
    today: date,
    approach: str = "",
) -> Signal:
    """Record a problem in a placement with the date to follow it up. Refused:
    a date in the future or before the placement, and a follow-up before it."""
    _not_in_future(raised_on, today, "raised_on")
    if raised_on < placement.started_on:
        raise ValidationError(
            {"raised_on": _("A signal comes after the placement started.")}
        )
    if follow_up_on < raised_on:
        raise ValidationError(
            {"follow_up_on": _("A follow-up comes after the signal.")}
        )
    signal = Signal(
        placement=placement,
        raised_on=raised_on,
        description=description.strip(),
        seriousness=seriousness,
        approach=approach.strip(),
        follow_up_on=follow_up_on,
    )
    signal.full_clean()
    signal.save()
    return signal


def _unresolved(signal: Signal) -> Signal:
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    if signal.resolved_on is not None:
        raise ValidationError(_("This signal was resolved."))
    return signal


@transaction.atomic
def add_contact(
    signal: Signal,
    *,
    contacted_on: date,
    contact: ContactPerson,
    summary: str,
    today: date,
    follow_up_on: date | None = None,
) -> SignalContact:
    """Record a contact with the benefits agency about an open signal, and
    move its follow-up date when one is given. Refused: a resolved signal, a
    date in the future or before the signal, a contact person of another
    organisation than the referring benefits agency, and nothing said."""
    signal = _unresolved(signal)
    _not_in_future(contacted_on, today, "contacted_on")
    if contacted_on < signal.raised_on:
        raise ValidationError(
            {"contacted_on": _("A contact about a signal comes after it.")}
        )
    agency = signal.placement.candidate.referred_by_id
    organisation = Organisation.objects.get(pk=contact.organisation_id)
    if organisation.kind != OrganisationKind.BENEFITS_AGENCY or (
        agency and organisation.pk != agency
    ):
        raise ValidationError(
            {"contact": _("Choose a contact person of the referring benefits agency.")}
        )
    if not summary.strip():
        raise ValidationError({"summary": _("Write down what was said.")})
    if follow_up_on is not None:
        if follow_up_on < contacted_on:
            raise ValidationError(
                {"follow_up_on": _("A follow-up comes after the contact.")}
            )
        signal.follow_up_on = follow_up_on
        signal.save(update_fields=["follow_up_on", "updated_at"])
    return SignalContact.objects.create(
        signal=signal, contacted_on=contacted_on, contact=contact, summary=summary
    )


@transaction.atomic
def resolve_signal(
    signal: Signal, *, resolved_on: date, resolution: str, today: date
) -> Signal:
    """Close a signal: when and how it was resolved. Refused: resolved before,
    a date in the future or before the signal, and no account of how."""
    signal = _unresolved(signal)
    _not_in_future(resolved_on, today, "resolved_on")
    if resolved_on < signal.raised_on:
        raise ValidationError(
            {"resolved_on": _("A signal is resolved after it was raised.")}
        )
    if not resolution.strip():
        raise ValidationError({"resolution": _("Write down how it was resolved.")})
    signal.resolved_on = resolved_on
    signal.resolution = resolution.strip()
    signal.save(update_fields=["resolved_on", "resolution", "updated_at"])
    return signal
