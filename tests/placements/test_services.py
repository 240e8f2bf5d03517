"""A candidate from referral to placement, contract management through the
placement, and signals with contacts until resolved: every refusal."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from buurtwerkkamer.employer.constants import ContractKind, PayBasis
from buurtwerkkamer.employer.models import Contract
from buurtwerkkamer.placements import services
from buurtwerkkamer.placements.constants import (
    CandidateStatus,
    Outcome,
    PlacementKind,
    Seriousness,
)
from buurtwerkkamer.placements.indicators import (
    placements_paid_work,
    placements_started,
)
from buurtwerkkamer.placements.models import Candidate, Placement, SignalContact
from tests.factories import ContactPersonFactory, OrganisationFactory, RoomFactory

from .factories import (
    AgencyFactory,
    CandidateFactory,
    PlacementFactory,
    PlacementVacancyFactory,
    SignalFactory,
)

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2026, 6, 1)


def register(room: object, **changes: object) -> Candidate:
    values = {
        "first_name": "Fatima",
        "last_name": "El Amrani",
        "registered_on": D(2026, 5, 1),
        "today": TODAY,
    } | changes
    return services.register_candidate(room, **values)


def test_a_referred_candidate_becomes_a_person_of_the_room() -> None:
    room = RoomFactory()
    agency = AgencyFactory()
    contact = ContactPersonFactory(organisation=agency)
    candidate = register(room, referred_by=agency, referral_contact=contact)
    assert candidate.status == CandidateStatus.REGISTERED
    assert list(candidate.person.rooms.all()) == [room]
    assert candidate.referral_contact == contact


def test_a_referral_by_an_organisation_that_is_no_benefits_agency_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        register(RoomFactory(), referred_by=OrganisationFactory())
    assert "referred_by" in caught.value.message_dict
    assert Candidate.objects.count() == 0


def test_a_contact_person_of_another_organisation_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        register(
            RoomFactory(),
            referred_by=AgencyFactory(),
            referral_contact=ContactPersonFactory(organisation=AgencyFactory()),
        )
    assert "referral_contact" in caught.value.message_dict
    assert Candidate.objects.count() == 0


def test_a_registration_in_the_future_or_for_another_rooms_vacancy_is_refused() -> None:
    room = RoomFactory()
    with pytest.raises(ValidationError):
        register(room, registered_on=D(2026, 6, 2))
    with pytest.raises(ValidationError):
        register(room, vacancy=PlacementVacancyFactory())
    assert Candidate.objects.count() == 0


def test_the_intake_comes_once_after_registering() -> None:
    candidate = CandidateFactory()
    with pytest.raises(ValidationError):
        services.record_intake(
            candidate, intake_on=D(2026, 1, 1), notes="", today=TODAY
        )
    services.record_intake(candidate, intake_on=D(2026, 2, 5), notes="Ok", today=TODAY)
    with pytest.raises(ValidationError):
        services.record_intake(
            candidate, intake_on=D(2026, 2, 6), notes="", today=TODAY
        )
    candidate.refresh_from_db()
    assert candidate.intake_on == D(2026, 2, 5)


def test_the_interview_decides_the_candidates_status() -> None:
    candidate = CandidateFactory(interviewed=True)
    services.record_interview(
        candidate,
        held_on=D(2026, 2, 20),
        notes="Wacht op een plek",
        decision=CandidateStatus.WAITING,
        today=TODAY,
    )
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.WAITING


@pytest.mark.parametrize(
    ("held_on", "decision", "notes"),
    [
        (D(2026, 6, 2), CandidateStatus.ACCEPTED, "Toekomst"),
        (D(2026, 2, 9), CandidateStatus.ACCEPTED, "Voor de intake"),
        (D(2026, 2, 20), CandidateStatus.PLACED, "Geen besluit"),
        (D(2026, 2, 20), CandidateStatus.ACCEPTED, " "),
    ],
)
def test_an_interview_that_cannot_be_is_refused(
    held_on: datetime.date, decision: str, notes: str
) -> None:
    candidate = CandidateFactory(interviewed=True)
    with pytest.raises(ValidationError):
        services.record_interview(
            candidate, held_on=held_on, notes=notes, decision=decision, today=TODAY
        )
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.REGISTERED
    assert candidate.interviews.count() == 0


def test_an_interview_before_the_intake_is_refused() -> None:
    candidate = CandidateFactory()
    with pytest.raises(ValidationError):
        services.record_interview(
            candidate,
            held_on=D(2026, 2, 20),
            notes="x",
            decision=CandidateStatus.ACCEPTED,
            today=TODAY,
        )
    assert candidate.interviews.count() == 0


def place(candidate: Candidate, **changes: object) -> Placement:
    values = {
        "kind": PlacementKind.PARTICIPATION,
        "starts_on": D(2026, 3, 1),
        "ends_on": D(2027, 2, 28),
        "hours_per_week": Decimal("16.0"),
        "first_evaluation_on": D(2026, 6, 1),
    } | changes
    return services.start_placement(candidate, **values)


def test_an_accepted_candidate_is_placed_with_a_contract_of_the_kind() -> None:
    candidate = CandidateFactory(accepted=True)
    placement = place(candidate)
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.PLACED
    assert placement.contract.kind == ContractKind.PARTICIPATION
    assert placement.contract.person == candidate.person
    assert placement.contract.room_ids == {candidate.room_id}
    assert placement.contract.evaluations.get().due_on == D(2026, 6, 1)


def test_a_candidate_not_accepted_is_not_placed() -> None:
    candidate = CandidateFactory(interviewed=True)
    with pytest.raises(ValidationError):
        place(candidate)
    assert Contract.objects.count() == 0


def test_a_paid_participation_placement_is_refused_by_the_contract_rules() -> None:
    candidate = CandidateFactory(accepted=True)
    with pytest.raises(ValidationError):
        place(candidate, pay=Decimal("200.00"), pay_basis=PayBasis.MONTH)
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.ACCEPTED
    assert Placement.objects.count() == 0


def test_a_placement_of_another_kind_than_its_vacancy_is_refused() -> None:
    room = RoomFactory()
    vacancy = PlacementVacancyFactory(room=room, kind=PlacementKind.WORK_EXPERIENCE)
    candidate = CandidateFactory(accepted=True, room=room, vacancy=vacancy)
    with pytest.raises(ValidationError):
        place(candidate)
    assert Placement.objects.count() == 0


def test_extending_a_placement_makes_the_new_period_current() -> None:
    placement = PlacementFactory()
    first = placement.contract
    services.extend_placement(placement, ends_on=D(2028, 2, 29))
    placement.refresh_from_db()
    assert placement.contract.previous == first
    assert placement.contract.ends_on == D(2028, 2, 29)


def test_ending_early_with_paid_work_ends_the_contract_too() -> None:
    placement = PlacementFactory()
    services.end_placement(
        placement, ended_on=D(2026, 9, 30), outcome=Outcome.PAID_WORK
    )
    placement.refresh_from_db()
    placement.contract.refresh_from_db()
    assert placement.outcome == Outcome.PAID_WORK
    assert placement.contract.ends_on == D(2026, 9, 30)
    assert placement.contract.end_reason != ""


@pytest.mark.parametrize(
    ("ended_on", "outcome"),
    [
        (D(2026, 2, 1), Outcome.OTHER),
        (D(2027, 3, 1), Outcome.OTHER),
        (D(2026, 9, 1), "vanished"),
    ],
)
def test_ending_before_the_start_after_the_contract_or_without_outcome_is_refused(
    ended_on: datetime.date, outcome: str
) -> None:
    placement = PlacementFactory()
    with pytest.raises(ValidationError):
        services.end_placement(placement, ended_on=ended_on, outcome=outcome)
    placement.refresh_from_db()
    assert placement.ended_on is None


def test_an_ended_placement_is_not_extended_or_evaluated() -> None:
    placement = PlacementFactory()
    services.end_placement(placement, ended_on=D(2027, 2, 28), outcome=Outcome.OTHER)
    with pytest.raises(ValidationError):
        services.extend_placement(placement, ends_on=D(2027, 6, 30))
    with pytest.raises(ValidationError):
        services.plan_evaluation(placement, due_on=D(2026, 12, 1))
    assert Contract.objects.count() == 1


def test_a_signal_before_the_placement_or_with_an_early_follow_up_is_refused() -> None:
    placement = PlacementFactory()
    for raised_on, follow_up_on in [
        (D(2026, 2, 1), D(2026, 4, 1)),
        (D(2026, 4, 1), D(2026, 3, 31)),
        (D(2026, 6, 2), D(2026, 6, 30)),
    ]:
        with pytest.raises(ValidationError):
            services.raise_signal(
                placement,
                raised_on=raised_on,
                description="Te laat",
                seriousness=Seriousness.LOW,
                follow_up_on=follow_up_on,
                today=TODAY,
            )
    assert placement.signals.count() == 0


def test_a_contact_moves_the_follow_up_and_is_kept() -> None:
    signal = SignalFactory()
    agency = signal.placement.candidate.referred_by
    contact = ContactPersonFactory(organisation=agency)
    services.add_contact(
        signal,
        contacted_on=D(2026, 4, 3),
        contact=contact,
        summary="Gesprek gepland",
        follow_up_on=D(2026, 5, 1),
        today=TODAY,
    )
    signal.refresh_from_db()
    assert signal.follow_up_on == D(2026, 5, 1)
    assert SignalContact.objects.get().contact == contact


def test_a_contact_of_another_organisation_is_refused() -> None:
    signal = SignalFactory()
    with pytest.raises(ValidationError) as caught:
        services.add_contact(
            signal,
            contacted_on=D(2026, 4, 3),
            contact=ContactPersonFactory(organisation=AgencyFactory()),
            summary="x",
            today=TODAY,
        )
    assert "contact" in caught.value.message_dict
    assert SignalContact.objects.count() == 0


def test_a_contact_before_the_signal_or_about_a_resolved_one_is_refused() -> None:
    signal = SignalFactory()
    contact = ContactPersonFactory(organisation=signal.placement.candidate.referred_by)
    with pytest.raises(ValidationError):
        services.add_contact(
            signal,
            contacted_on=D(2026, 3, 1),
            contact=contact,
            summary="x",
            today=TODAY,
        )
    resolved = SignalFactory(resolved=True, placement=signal.placement)
    with pytest.raises(ValidationError):
        services.add_contact(
            resolved,
            contacted_on=D(2026, 4, 3),
            contact=contact,
            summary="x",
            today=TODAY,
        )
    assert SignalContact.objects.count() == 0


def test_a_signal_is_resolved_once_with_how() -> None:
    signal = SignalFactory()
    with pytest.raises(ValidationError):
        services.resolve_signal(
            signal, resolved_on=D(2026, 4, 20), resolution=" ", today=TODAY
        )
    with pytest.raises(ValidationError):
        services.resolve_signal(
            signal, resolved_on=D(2026, 3, 20), resolution="Opgelost", today=TODAY
        )
    services.resolve_signal(
        signal, resolved_on=D(2026, 4, 20), resolution="Opgelost", today=TODAY
    )
    with pytest.raises(ValidationError):
        services.resolve_signal(
            signal, resolved_on=D(2026, 4, 21), resolution="Nog eens", today=TODAY
        )
    signal.refresh_from_db()
    assert signal.resolved_on == D(2026, 4, 20)
    assert signal.resolution == "Opgelost"


def test_the_indicators_count_placements_started_and_paid_work_per_room() -> None:
    room, other = RoomFactory(), RoomFactory()
    PlacementFactory(candidate__room=room)
    ended = PlacementFactory(candidate__room=room)
    services.end_placement(ended, ended_on=D(2026, 9, 1), outcome=Outcome.PAID_WORK)
    started = placements_started([room.pk, other.pk], D(2026, 1, 1), D(2026, 12, 31))
    paid = placements_paid_work([room.pk, other.pk], D(2026, 1, 1), D(2026, 12, 31))
    assert started == {room.pk: Decimal(2), other.pk: Decimal(0)}
    assert paid == {room.pk: Decimal(1), other.pk: Decimal(0)}
