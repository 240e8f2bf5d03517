"""Recruitment of paid staff, volunteers and their allowances, and invoices
checked against a freelancer's contract."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from buurtwerkkamer.employer import services, volunteers
from buurtwerkkamer.employer.constants import (
    ConductResult,
    ContractKind,
    Decision,
    PayBasis,
    Position,
)
from buurtwerkkamer.employer.invoices import check_invoice
from buurtwerkkamer.employer.models import Applicant, VolunteerAllowance, VolunteerTask
from tests.factories import PersonFactory, RoomFactory

from .factories import (
    ApplicantFactory,
    ConductCertificateFactory,
    ContractFactory,
    InterviewFactory,
    StaffVacancyFactory,
    VolunteerAllowanceFactory,
)

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2026, 6, 1)


def hire(applicant: Applicant) -> object:
    return services.hire_applicant(
        applicant,
        first_name="Noor",
        last_name="Visser",
        today=TODAY,
        kind=ContractKind.EMPLOYMENT,
        position=Position.TEAM_COORDINATOR,
        rooms=[applicant.vacancy.room],
        starts_on=D(2026, 7, 1),
        ends_on=D(2027, 6, 30),
        hours_per_week=Decimal("24.0"),
        pay=Decimal("3000.00"),
        pay_basis=PayBasis.MONTH,
    )


def test_an_interviewed_applicant_is_hired_with_a_contract() -> None:
    interview = InterviewFactory()
    applicant = interview.applicant
    contract = hire(applicant)
    applicant.refresh_from_db()
    assert applicant.decision == Decision.HIRED
    assert applicant.contract == contract
    assert str(contract.person) == "Noor Visser"
    assert list(contract.person.rooms.all()) == [applicant.vacancy.room]


def test_an_applicant_without_an_interview_is_not_hired() -> None:
    applicant = ApplicantFactory()
    with pytest.raises(ValidationError):
        hire(applicant)
    applicant.refresh_from_db()
    assert applicant.decision == Decision.PENDING


def test_a_rejected_applicant_is_not_hired_or_rejected_again() -> None:
    applicant = InterviewFactory().applicant
    services.reject_applicant(applicant, today=TODAY)
    with pytest.raises(ValidationError):
        hire(applicant)
    with pytest.raises(ValidationError):
        services.reject_applicant(applicant, today=TODAY)
    applicant.refresh_from_db()
    assert applicant.decision == Decision.REJECTED


def test_an_applicant_for_a_closed_vacancy_is_refused() -> None:
    vacancy = StaffVacancyFactory(closed_on=D(2026, 5, 1))
    with pytest.raises(ValidationError):
        services.add_applicant(vacancy, name="Sam")
    assert vacancy.applicants.count() == 0


def test_an_interview_in_the_future_or_before_the_vacancy_is_refused() -> None:
    applicant = ApplicantFactory()
    for day in (D(2026, 6, 2), D(2026, 2, 1)):
        with pytest.raises(ValidationError):
            services.add_interview(applicant, held_on=day, notes="x", today=TODAY)
    assert applicant.interviews.count() == 0


def test_a_vacancy_that_closes_before_it_opens_is_refused() -> None:
    vacancy = StaffVacancyFactory.build(
        room=RoomFactory(), closed_on=D(2026, 2, 1), opened_on=D(2026, 3, 1)
    )
    with pytest.raises(ValidationError):
        services.save_vacancy(vacancy)
    assert vacancy.pk is None


# Volunteers.


def test_a_task_that_needs_a_certificate_waits_for_one() -> None:
    room = RoomFactory()
    person = PersonFactory(rooms=[room])
    with pytest.raises(ValidationError):
        volunteers.add_task(
            person, room, task="Huiswerkklas", needs_certificate=True, starts_on=TODAY
        )
    ConductCertificateFactory(person=person, room=room, issued_on=D(2026, 5, 1))
    task = volunteers.add_task(
        person, room, task="Huiswerkklas", needs_certificate=True, starts_on=TODAY
    )
    assert VolunteerTask.objects.get() == task


def test_a_refused_certificate_does_not_count() -> None:
    room = RoomFactory()
    person = PersonFactory(rooms=[room])
    ConductCertificateFactory(person=person, room=room, result=ConductResult.REFUSED)
    with pytest.raises(ValidationError):
        volunteers.add_task(
            person, room, task="Kas", needs_certificate=True, starts_on=TODAY
        )
    assert VolunteerTask.objects.count() == 0


def test_a_task_for_someone_of_another_room_or_ending_before_it_starts_is_refused() -> (
    None
):
    room = RoomFactory()
    stranger = PersonFactory(rooms=[RoomFactory()])
    with pytest.raises(ValidationError):
        volunteers.add_task(
            stranger, room, task="Koken", needs_certificate=False, starts_on=TODAY
        )
    with pytest.raises(ValidationError):
        volunteers.add_task(
            PersonFactory(rooms=[room]),
            room,
            task="Koken",
            needs_certificate=False,
            starts_on=TODAY,
            ends_on=D(2026, 5, 1),
        )
    assert VolunteerTask.objects.count() == 0


def test_a_certificate_dated_in_the_future_is_refused() -> None:
    room = RoomFactory()
    with pytest.raises(ValidationError):
        volunteers.record_certificate(
            PersonFactory(rooms=[room]),
            room,
            issued_on=D(2026, 6, 2),
            result=ConductResult.ISSUED,
            today=TODAY,
        )


def test_allowances_count_over_every_room_against_the_monthly_limit(settings) -> None:
    settings.BWK_VOLUNTEER_ALLOWANCE_LIMITS = {
        2026: {"month": "210.00", "year": "2100.00"}
    }
    room, other = RoomFactory(), RoomFactory()
    person = PersonFactory(rooms=[room, other])
    VolunteerAllowanceFactory(
        person=person, room=other, month=D(2026, 3, 1), amount=Decimal("150.00")
    )
    volunteers.pay_allowance(person, room, month=D(2026, 3, 1), amount=Decimal("60"))
    with pytest.raises(ValidationError) as caught:
        volunteers.pay_allowance(
            person, room, month=D(2026, 3, 1), amount=Decimal("0.01")
        )
    assert "amount" in caught.value.message_dict
    assert VolunteerAllowance.objects.count() == 2


def test_an_allowance_past_the_yearly_limit_is_refused(settings) -> None:
    settings.BWK_VOLUNTEER_ALLOWANCE_LIMITS = {
        2026: {"month": "210.00", "year": "2100.00"}
    }
    room = RoomFactory()
    person = PersonFactory(rooms=[room])
    for month in range(1, 11):
        VolunteerAllowanceFactory(
            person=person, room=room, month=D(2026, month, 1), amount=Decimal("210")
        )
    with pytest.raises(ValidationError):
        volunteers.pay_allowance(
            person, room, month=D(2026, 11, 1), amount=Decimal("10")
        )
    assert VolunteerAllowance.objects.count() == 10


@pytest.mark.parametrize(
    ("month", "amount"),
    [(D(2026, 3, 2), "10"), (D(2026, 3, 1), "0"), (D(2031, 3, 1), "10")],
)
def test_a_month_not_on_its_first_day_no_amount_or_a_year_without_limits_is_refused(
    month: datetime.date, amount: str
) -> None:
    room = RoomFactory()
    with pytest.raises(ValidationError):
        volunteers.pay_allowance(
            PersonFactory(rooms=[room]), room, month=month, amount=Decimal(amount)
        )
    assert VolunteerAllowance.objects.count() == 0


def test_totals_warn_close_to_a_limit(settings) -> None:
    settings.BWK_VOLUNTEER_ALLOWANCE_LIMITS = {
        2026: {"month": "210.00", "year": "2100.00"}
    }
    settings.BWK_VOLUNTEER_ALLOWANCE_WARNING = "0.90"
    near, far = PersonFactory(), PersonFactory()
    VolunteerAllowanceFactory(person=near, month=D(2026, 3, 1), amount=Decimal("190"))
    VolunteerAllowanceFactory(person=far, month=D(2026, 3, 1), amount=Decimal("100"))
    totals = volunteers.allowance_totals([near.pk, far.pk], 2026, D(2026, 3, 1))
    assert totals[near.pk].warning is True
    assert totals[far.pk].warning is False
    assert totals[far.pk].year_left == Decimal("2000.00")


# Invoices against the contract.


def test_an_hourly_invoice_fits_the_fee_times_the_hours() -> None:
    contract = ContractFactory(freelance=True)
    check = check_invoice(
        contract, Decimal("520.00"), month=D(2026, 3, 1), hours=Decimal("8")
    )
    assert check.expected == Decimal("520.00")
    assert check.fits is True


def test_an_hourly_invoice_without_hours_fits_up_to_the_agreed_hours() -> None:
    contract = ContractFactory(freelance=True)
    check = check_invoice(contract, Decimal("2400.00"), month=D(2026, 3, 1))
    # 65 an hour, 8 hours a week, 31/7 weeks.
    assert check.expected == Decimal("2302.86")
    assert check.fits is False


def test_a_monthly_fee_invoice_fits_exactly() -> None:
    contract = ContractFactory(pay=Decimal("1500.00"))
    check = check_invoice(contract, Decimal("1499.00"), month=D(2026, 3, 1))
    assert check.difference == Decimal("-1.00")
    assert check.fits is False


def test_an_invoice_for_a_month_outside_the_contract_or_an_unpaid_one_is_refused() -> (
    None
):
    with pytest.raises(ValidationError):
        check_invoice(ContractFactory(), Decimal("10"), month=D(2027, 3, 1))
    with pytest.raises(ValidationError):
        check_invoice(
            ContractFactory(volunteer=True), Decimal("10"), month=D(2026, 3, 1)
        )
