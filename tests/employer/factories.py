"""Factories of employer records, with traits for the kinds that matter."""

import datetime
from decimal import Decimal
from typing import Any

import factory
from factory.django import DjangoModelFactory

from buurtwerkkamer.employer.constants import (
    ConductResult,
    ContractKind,
    PayBasis,
    Position,
)
from buurtwerkkamer.employer.models import (
    Applicant,
    ConductCertificate,
    Contract,
    ContractEvaluation,
    Interview,
    StaffVacancy,
    VolunteerAllowance,
    VolunteerTask,
)
from tests.factories import PersonFactory, RoomFactory


class ContractFactory(DjangoModelFactory):
    """An employment contract of a team coordinator; `rooms=[...]` sets the
    rooms served (one new room by default)."""

    class Meta:
        model = Contract
        skip_postgeneration_save = True

    person = factory.SubFactory(PersonFactory)
    kind = ContractKind.EMPLOYMENT
    position = Position.TEAM_COORDINATOR
    starts_on = datetime.date(2026, 1, 1)
    ends_on = datetime.date(2026, 12, 31)
    hours_per_week = Decimal("24.0")
    pay = Decimal("3200.00")
    pay_basis = PayBasis.MONTH

    class Params:
        freelance = factory.Trait(
            kind=ContractKind.FREELANCE,
            position=Position.PROJECT_COACH,
            pay=Decimal("65.00"),
            pay_basis=PayBasis.HOUR,
            hours_per_week=Decimal("8.0"),
        )
        participation = factory.Trait(
            kind=ContractKind.PARTICIPATION,
            position="",
            pay=Decimal("0.00"),
            pay_basis=PayBasis.NONE,
        )
        volunteer = factory.Trait(
            kind=ContractKind.VOLUNTEER,
            position="",
            pay=Decimal("0.00"),
            pay_basis=PayBasis.NONE,
        )

    @factory.post_generation
    def rooms(obj: Contract, create: bool, extracted: Any, **kw: object) -> None:
        if create:
            obj.rooms.add(*(extracted or [RoomFactory()]))


class ContractEvaluationFactory(DjangoModelFactory):
    class Meta:
        model = ContractEvaluation

    contract = factory.SubFactory(ContractFactory)
    due_on = datetime.date(2026, 6, 1)


class StaffVacancyFactory(DjangoModelFactory):
    class Meta:
        model = StaffVacancy

    title = factory.Sequence(lambda n: f"Teamcoördinator {n}")
    position = Position.TEAM_COORDINATOR
    room = factory.SubFactory(RoomFactory)
    hours_per_week = Decimal("24.0")
    opened_on = datetime.date(2026, 3, 1)


class ApplicantFactory(DjangoModelFactory):
    class Meta:
        model = Applicant

    vacancy = factory.SubFactory(StaffVacancyFactory)
    name = factory.Sequence(lambda n: f"Sollicitant {n}")
    email = factory.Sequence(lambda n: f"sollicitant{n}@example.nl")


class InterviewFactory(DjangoModelFactory):
    class Meta:
        model = Interview

    applicant = factory.SubFactory(ApplicantFactory)
    held_on = datetime.date(2026, 4, 1)
    notes = "Sterk in contact met bewoners."


class VolunteerTaskFactory(DjangoModelFactory):
    class Meta:
        model = VolunteerTask

    person = factory.SubFactory(PersonFactory)
    room = factory.SubFactory(RoomFactory)
    task = "Koffie schenken"
    starts_on = datetime.date(2026, 1, 1)


class ConductCertificateFactory(DjangoModelFactory):
    class Meta:
        model = ConductCertificate

    person = factory.SubFactory(PersonFactory)
    room = factory.SubFactory(RoomFactory)
    issued_on = datetime.date(2026, 1, 1)
    result = ConductResult.ISSUED


class VolunteerAllowanceFactory(DjangoModelFactory):
    class Meta:
        model = VolunteerAllowance

    person = factory.SubFactory(PersonFactory)
    room = factory.SubFactory(RoomFactory)
    month = datetime.date(2026, 3, 1)
    amount = Decimal("50.00")
