"""Operations on contracts and the recruitment of paid staff, each in one
transaction. What they refuse, they refuse with a message and change nothing.
Other apps (placements, finance) make and manage contracts only through here."""

import logging
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from buurtwerkkamer.documents.models import Document
from buurtwerkkamer.documents.services import store_document
from buurtwerkkamer.people.models import Person
from buurtwerkkamer.rooms.models import Room

from .constants import Decision, PayBasis
from .kinds import check_terms, check_total
from .models import Applicant, Contract, ContractEvaluation, Interview, StaffVacancy

logger = logging.getLogger(__name__)


def _not_in_future(day: date, today: date, field: str) -> None:
    if day > today:
        raise ValidationError({field: _("This date lies in the future.")})


def _check_hours(hours: Decimal) -> None:
    if not Decimal(0) <= hours <= Decimal(60):
        raise ValidationError(
            {"hours_per_week": _("Hours per week lie between 0 and 60.")}
        )


def _check_trial(
    trial_ends_on: date | None, starts_on: date, ends_on: date | None
) -> None:
    if trial_ends_on is None:
        return
    if trial_ends_on < starts_on or (ends_on and trial_ends_on > ends_on):
        raise ValidationError(
            {"trial_ends_on": _("The trial period ends within the contract.")}
        )


@transaction.atomic
def create_contract(
    person: Person,
    kind: str,
    *,
    rooms: Iterable[Room],
    starts_on: date,
    ends_on: date | None,
    hours_per_week: Decimal,
    pay: Decimal = Decimal("0.00"),
    pay_basis: str = PayBasis.NONE,
    position: str = "",
    trial_ends_on: date | None = None,
) -> Contract:
    """Make a contract under the rules of its kind (see `kinds`). Refused: a
    period that ends before it starts or runs past the kind's maximum, pay for
    an unpaid placement or none for paid work, no room served, hours out of
    range, and a trial period outside the contract."""
    rooms = list(rooms)
    if not rooms:
        raise ValidationError({"rooms": _("Choose the room or rooms served.")})
    _check_hours(hours_per_week)
    check_terms(
        kind,
        position=position,
        starts_on=starts_on,
        ends_on=ends_on,
        pay=pay,
        pay_basis=pay_basis,
    )
    _check_trial(trial_ends_on, starts_on, ends_on)
    contract = Contract(
        person=person,
        kind=kind,
        position=position,
        starts_on=starts_on,
        ends_on=ends_on,
        hours_per_week=hours_per_week,
        pay=pay,
        pay_basis=pay_basis,
        trial_ends_on=trial_ends_on,
    )
    contract.full_clean()
    contract.save()
    contract.rooms.set(rooms)
    logger.info("contract made contract=%s kind=%s", contract.uuid, kind)
    return contract


def first_of_chain(contract: Contract) -> Contract:
    """The contract this one extends, and so on back to the first period."""
    while contract.previous_id:
        contract = Contract.objects.get(pk=contract.previous_id)
    return contract


def chain_of(contract: Contract) -> list[Contract]:
    """Every period of the contract from the first, oldest first."""
    periods = [contract]
    while periods[0].previous_id:
        periods.insert(0, Contract.objects.get(pk=periods[0].previous_id))
    return periods


@transaction.atomic
def extend_contract(
    contract: Contract,
    *,
    ends_on: date,
    hours_per_week: Decimal | None = None,
    pay: Decimal | None = None,
) -> Contract:
    """Extend a contract by a new period that starts the day after it ends and
    points to it; the contract itself stays as it was. Refused: a contract
    without an end, one extended or ended early before, an end that is not
    later, and a period past what the kind allows (in total, for a
    participation placement)."""
    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    if contract.ends_on is None:
        raise ValidationError(
            _("This contract has no end: there is nothing to extend.")
        )
    if Contract.objects.filter(previous=contract).exists():
        raise ValidationError(_("This contract was extended already."))
    if contract.end_reason:
        raise ValidationError(_("This contract was ended early."))
    if ends_on <= contract.ends_on:
        raise ValidationError(
            {"ends_on": _("An extension ends after the contract it extends.")}
        )
    check_total(contract.kind, first_of_chain(contract).starts_on, ends_on)
    extension = create_contract(
        contract.person,
        contract.kind,
        rooms=contract.rooms.all(),
        starts_on=contract.ends_on + timedelta(days=1),
        ends_on=ends_on,
        hours_per_week=contract.hours_per_week
        if hours_per_week is None
        else hours_per_week,
        pay=contract.pay if pay is None else pay,
        pay_basis=contract.pay_basis,
        position=contract.position,
    )
    extension.previous = contract
    extension.save(update_fields=["previous", "updated_at"])
    return extension


@transaction.atomic
def end_contract(contract: Contract, *, ends_on: date, reason: str) -> Contract:
    """End a contract early on `ends_on`, with the reason. Refused: a day before
    it starts or after its planned end, a contract that was extended (end the
    extension) or ended already, and no reason."""
    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    if contract.end_reason:
        raise ValidationError(_("This contract was ended already."))
    if Contract.objects.filter(previous=contract).exists():
        raise ValidationError(_("This contract was extended: end its extension."))
    if ends_on < contract.starts_on:
        raise ValidationError({"ends_on": _("A contract cannot end before it starts.")})
    if contract.ends_on is not None and ends_on > contract.ends_on:
        raise ValidationError({"ends_on": _("The contract ends by then already.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for ending it.")})
    contract.ends_on = ends_on
    contract.end_reason = reason.strip()
    if contract.trial_ends_on and contract.trial_ends_on > ends_on:
        contract.trial_ends_on = ends_on
    contract.full_clean()
    contract.save()
    logger.info("contract ended contract=%s", contract.uuid)
    return contract


@transaction.atomic
def store_signed_document(contract: Contract, upload: Any, user: Any) -> Document:
    """Check the signed contract by its content and keep it with the contract.
    A staff contract's document belongs to no room: only the board and the
    treasurer read it; a placement's or volunteer's, to the room served."""
    room = None if contract.is_staff else contract.rooms.order_by("pk").first()
    document = store_document(
        upload,
        title=_("Signed contract: %(contract)s") % {"contract": contract},
        user=user,
        room_id=room.pk if room else None,
    )
    contract.document = document
    contract.save(update_fields=["document", "updated_at"])
    return document


@transaction.atomic
def plan_evaluation(contract: Contract, *, due_on: date) -> ContractEvaluation:
    """Plan an evaluation within the contract's period."""
    if not contract.runs_on(due_on):
        raise ValidationError(
            {"due_on": _("An evaluation falls within the contract's period.")}
        )
    return ContractEvaluation.objects.create(contract=contract, due_on=due_on)


@transaction.atomic
def record_evaluation(
    evaluation: ContractEvaluation, *, held_on: date, notes: str, today: date
) -> ContractEvaluation:
    """Record that a planned evaluation was held, once, with what came out of it."""
    evaluation = ContractEvaluation.objects.select_for_update().get(pk=evaluation.pk)
    if evaluation.held_on is not None:
        raise ValidationError(_("This evaluation was recorded already."))
    _not_in_future(held_on, today, "held_on")
    if held_on < evaluation.contract.starts_on:
        raise ValidationError(
            {"held_on": _("An evaluation is held after the contract starts.")}
        )
    if not notes.strip():
        raise ValidationError({"notes": _("Write down what came out of it.")})
    evaluation.held_on = held_on
    evaluation.notes = notes.strip()
    evaluation.save(update_fields=["held_on", "notes", "updated_at"])
    return evaluation


# Recruitment of paid staff.


@transaction.atomic
def save_vacancy(vacancy: StaffVacancy) -> StaffVacancy:
    """Validate and save a staff vacancy."""
    if vacancy.closed_on and vacancy.closed_on < vacancy.opened_on:
        raise ValidationError(
            {"closed_on": _("A vacancy cannot close before it opens.")}
        )
    vacancy.title = vacancy.title.strip()
    vacancy.full_clean()
    vacancy.save()
    return vacancy


@transaction.atomic
def add_applicant(
    vacancy: StaffVacancy,
    *,
    name: str,
    email: str = "",
    phone: str = "",
    notes: str = "",
) -> Applicant:
    """Register someone who applied; refused once the vacancy is closed."""
    if vacancy.closed_on is not None:
        raise ValidationError(_("This vacancy is closed."))
    if not name.strip():
        raise ValidationError({"name": _("Give the applicant's name.")})
    applicant = Applicant(
        vacancy=vacancy, name=name.strip(), email=email, phone=phone, notes=notes
    )
    applicant.full_clean()
    applicant.save()
    return applicant


@transaction.atomic
def add_interview(
    applicant: Applicant, *, held_on: date, notes: str, today: date
) -> Interview:
    """Record an interview that was held, before the decision."""
    if applicant.decision != Decision.PENDING:
        raise ValidationError(_("The decision on this applicant was taken."))
    _not_in_future(held_on, today, "held_on")
    if held_on < applicant.vacancy.opened_on:
        raise ValidationError(
            {"held_on": _("An interview is held after the vacancy opened.")}
        )
    return Interview.objects.create(applicant=applicant, held_on=held_on, notes=notes)


@transaction.atomic
def reject_applicant(applicant: Applicant, *, today: date) -> Applicant:
    """Decide not to hire an applicant, once."""
    applicant = Applicant.objects.select_for_update().get(pk=applicant.pk)
    if applicant.decision != Decision.PENDING:
        raise ValidationError(_("The decision on this applicant was taken."))
    applicant.decision = Decision.REJECTED
    applicant.decided_on = today
    applicant.save(update_fields=["decision", "decided_on", "updated_at"])
    return applicant


@transaction.atomic
def hire_applicant(
    applicant: Applicant,
    *,
    first_name: str,
    last_name: str,
    today: date,
    **terms: Any,
) -> Contract:
    """Hire an applicant who was interviewed: they become a person of the rooms
    served, with a contract under `terms` (those of `create_contract`). Refused:
    a decision taken before, and no interview."""
    applicant = Applicant.objects.select_for_update().get(pk=applicant.pk)
    if applicant.decision != Decision.PENDING:
        raise ValidationError(_("The decision on this applicant was taken."))
    if not applicant.interviews.exists():
        raise ValidationError(_("Interview an applicant before hiring them."))
    rooms = list(terms.pop("rooms"))
    person = Person.objects.create(
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=applicant.email,
        phone=applicant.phone,
    )
    contract = create_contract(person, terms.pop("kind"), rooms=rooms, **terms)
    person.rooms.add(*rooms)
    applicant.decision = Decision.HIRED
    applicant.decided_on = today
    applicant.contract = contract
    applicant.save(update_fields=["decision", "decided_on", "contract", "updated_at"])
    return contract
