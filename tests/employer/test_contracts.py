"""Contracts under the rules of their kind: made, extended, ended, evaluated."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from buurtwerkkamer.employer import services
from buurtwerkkamer.employer.constants import ContractKind, PayBasis, Position
from buurtwerkkamer.employer.kinds import last_day_within, months_later
from buurtwerkkamer.employer.models import Contract
from tests.factories import PersonFactory, RoomFactory

from .factories import ContractEvaluationFactory, ContractFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def terms(**changes: object) -> dict:
    base = {
        "rooms": [RoomFactory()],
        "starts_on": D(2026, 1, 1),
        "ends_on": D(2026, 12, 31),
        "hours_per_week": Decimal("16.0"),
        "pay": Decimal("0.00"),
        "pay_basis": PayBasis.NONE,
    }
    return base | changes


def make(kind: str, **changes: object) -> Contract:
    return services.create_contract(PersonFactory(), kind, **terms(**changes))


def refusal(kind: str, **changes: object) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        make(kind, **changes)
    assert Contract.objects.count() == 0
    return caught.value


def test_an_employment_contract_is_made_with_the_rooms_it_serves() -> None:
    room = RoomFactory()
    contract = make(
        ContractKind.EMPLOYMENT,
        rooms=[room],
        position=Position.TEAM_COORDINATOR,
        pay=Decimal("3100.00"),
        pay_basis=PayBasis.MONTH,
        trial_ends_on=D(2026, 2, 28),
    )
    assert contract.room_ids == {room.pk}
    assert contract.pay == Decimal("3100.00")


def test_a_contract_that_ends_before_it_starts_is_refused() -> None:
    error = refusal(ContractKind.VOLUNTEER, ends_on=D(2025, 12, 31))
    assert "ends_on" in error.message_dict


def test_a_contract_without_a_room_is_refused() -> None:
    assert "rooms" in refusal(ContractKind.VOLUNTEER, rooms=[]).message_dict


def test_hours_beyond_sixty_a_week_are_refused() -> None:
    error = refusal(ContractKind.VOLUNTEER, hours_per_week=Decimal("61"))
    assert "hours_per_week" in error.message_dict


def test_a_participation_placement_with_pay_is_refused() -> None:
    error = refusal(
        ContractKind.PARTICIPATION, pay=Decimal("100.00"), pay_basis=PayBasis.MONTH
    )
    assert "pay" in error.message_dict


def test_a_perspective_job_without_pay_is_refused() -> None:
    assert "pay" in refusal(ContractKind.PERSPECTIVE_JOB).message_dict


def test_a_perspective_job_is_paid_per_month() -> None:
    error = refusal(
        ContractKind.PERSPECTIVE_JOB, pay=Decimal("15.00"), pay_basis=PayBasis.HOUR
    )
    assert "pay_basis" in error.message_dict


def test_paid_staff_without_a_position_are_refused() -> None:
    error = refusal(
        ContractKind.EMPLOYMENT, pay=Decimal("3000.00"), pay_basis=PayBasis.MONTH
    )
    assert "position" in error.message_dict


def test_a_position_on_a_volunteer_agreement_is_refused() -> None:
    error = refusal(ContractKind.VOLUNTEER, position=Position.OTHER)
    assert "position" in error.message_dict


def test_a_salary_by_the_hour_is_refused() -> None:
    error = refusal(
        ContractKind.EMPLOYMENT,
        position=Position.OTHER,
        pay=Decimal("20.00"),
        pay_basis=PayBasis.HOUR,
    )
    assert "pay_basis" in error.message_dict


def test_a_participation_placement_longer_than_the_maximum_is_refused(
    settings,
) -> None:
    settings.BWK_PARTICIPATION_MAX_MONTHS = 6
    error = refusal(ContractKind.PARTICIPATION, ends_on=D(2026, 7, 1))
    assert "ends_on" in error.message_dict


def test_a_participation_placement_of_exactly_the_maximum_is_made(settings) -> None:
    settings.BWK_PARTICIPATION_MAX_MONTHS = 6
    contract = make(ContractKind.PARTICIPATION, ends_on=D(2026, 6, 30))
    assert contract.ends_on == D(2026, 6, 30)


def test_a_work_experience_placement_has_an_end(settings) -> None:
    assert "ends_on" in refusal(ContractKind.WORK_EXPERIENCE, ends_on=None).message_dict


def test_a_work_experience_placement_past_its_maximum_is_refused(settings) -> None:
    settings.BWK_WORK_EXPERIENCE_MAX_MONTHS = 12
    error = refusal(ContractKind.WORK_EXPERIENCE, ends_on=D(2027, 1, 1))
    assert "ends_on" in error.message_dict


def test_a_trial_period_outside_the_contract_is_refused() -> None:
    error = refusal(ContractKind.VOLUNTEER, trial_ends_on=D(2027, 1, 15))
    assert "trial_ends_on" in error.message_dict


def test_months_later_keeps_to_the_end_of_a_shorter_month() -> None:
    assert months_later(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert last_day_within(D(2026, 3, 1), 24) == D(2028, 2, 29)


def test_an_extension_is_a_new_period_pointing_to_the_one_it_extends() -> None:
    contract = ContractFactory(participation=True)
    extension = services.extend_contract(contract, ends_on=D(2027, 6, 30))
    contract.refresh_from_db()
    assert extension.previous == contract
    assert extension.starts_on == D(2027, 1, 1)
    assert contract.ends_on == D(2026, 12, 31)
    assert extension.room_ids == contract.room_ids
    assert services.chain_of(extension) == [contract, extension]


def test_a_participation_placement_extends_to_four_years_in_all(settings) -> None:
    settings.BWK_PARTICIPATION_MAX_TOTAL_MONTHS = 48
    first = ContractFactory(
        participation=True, starts_on=D(2026, 1, 1), ends_on=D(2027, 12, 31)
    )
    second = services.extend_contract(first, ends_on=D(2029, 12, 31))
    assert second.ends_on == D(2029, 12, 31)
    with pytest.raises(ValidationError) as caught:
        services.extend_contract(second, ends_on=D(2030, 1, 31))
    assert "ends_on" in caught.value.message_dict
    assert Contract.objects.count() == 2


def test_an_extension_that_ends_no_later_is_refused() -> None:
    contract = ContractFactory(volunteer=True)
    with pytest.raises(ValidationError):
        services.extend_contract(contract, ends_on=D(2026, 12, 31))
    assert Contract.objects.count() == 1


def test_a_contract_is_extended_once() -> None:
    contract = ContractFactory(volunteer=True)
    services.extend_contract(contract, ends_on=D(2027, 6, 30))
    with pytest.raises(ValidationError):
        services.extend_contract(contract, ends_on=D(2027, 12, 31))
    assert Contract.objects.count() == 2


def test_a_contract_without_an_end_is_not_extended() -> None:
    contract = ContractFactory(ends_on=None)
    with pytest.raises(ValidationError):
        services.extend_contract(contract, ends_on=D(2027, 6, 30))
    assert Contract.objects.count() == 1


def test_ending_early_keeps_the_reason_and_shortens_the_trial() -> None:
    contract = ContractFactory(trial_ends_on=D(2026, 3, 31))
    services.end_contract(contract, ends_on=D(2026, 2, 15), reason="Eigen verzoek")
    contract.refresh_from_db()
    assert contract.ends_on == D(2026, 2, 15)
    assert contract.trial_ends_on == D(2026, 2, 15)
    assert contract.end_reason == "Eigen verzoek"


@pytest.mark.parametrize(
    ("day", "reason"),
    [(D(2025, 12, 31), "Reden"), (D(2027, 1, 1), "Reden"), (D(2026, 6, 1), " ")],
)
def test_ending_before_the_start_after_the_end_or_without_reason_is_refused(
    day: datetime.date, reason: str
) -> None:
    contract = ContractFactory()
    with pytest.raises(ValidationError):
        services.end_contract(contract, ends_on=day, reason=reason)
    contract.refresh_from_db()
    assert contract.ends_on == D(2026, 12, 31)
    assert contract.end_reason == ""


def test_a_contract_that_was_extended_is_not_ended() -> None:
    contract = ContractFactory(volunteer=True)
    services.extend_contract(contract, ends_on=D(2027, 6, 30))
    with pytest.raises(ValidationError):
        services.end_contract(contract, ends_on=D(2026, 6, 1), reason="Reden")
    contract.refresh_from_db()
    assert contract.end_reason == ""


def test_an_evaluation_outside_the_contract_is_refused() -> None:
    contract = ContractFactory()
    with pytest.raises(ValidationError):
        services.plan_evaluation(contract, due_on=D(2027, 2, 1))
    assert contract.evaluations.count() == 0


def test_an_evaluation_is_recorded_once_with_its_notes() -> None:
    evaluation = ContractEvaluationFactory()
    services.record_evaluation(
        evaluation, held_on=D(2026, 6, 2), notes="Gaat goed.", today=D(2026, 7, 1)
    )
    evaluation.refresh_from_db()
    assert evaluation.held_on == D(2026, 6, 2)
    with pytest.raises(ValidationError):
        services.record_evaluation(
            evaluation, held_on=D(2026, 6, 3), notes="Nog eens.", today=D(2026, 7, 1)
        )
    evaluation.refresh_from_db()
    assert evaluation.notes == "Gaat goed."


@pytest.mark.parametrize(
    ("held_on", "notes"),
    [(D(2026, 8, 1), "Toekomst"), (D(2025, 12, 1), "Te vroeg"), (D(2026, 6, 2), "")],
)
def test_an_evaluation_in_the_future_before_the_contract_or_without_notes_is_refused(
    held_on: datetime.date, notes: str
) -> None:
    evaluation = ContractEvaluationFactory()
    with pytest.raises(ValidationError):
        services.record_evaluation(
            evaluation, held_on=held_on, notes=notes, today=D(2026, 7, 1)
        )
    evaluation.refresh_from_db()
    assert evaluation.held_on is None
