"""Factories for partnerships, annual agreements and what hangs from them."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from buurtwerkkamer.brokering.constants import AgreementKind, AgreementStatus
from buurtwerkkamer.brokering.models import (
    ObligationValue,
    ReportingDate,
    ResultObligation,
)
from tests.factories import (
    AgreementFactory,
    FundingApplicationFactory,
    UserFactory,
)


class AnnualAgreementFactory(AgreementFactory):
    kind = AgreementKind.ANNUAL
    year = 2026
    title = factory.LazyAttribute(lambda agreement: f"Jaarafspraak {agreement.year}")
    starts_on = factory.LazyAttribute(lambda a: datetime.date(a.year, 1, 1))
    ends_on = factory.LazyAttribute(lambda a: datetime.date(a.year, 12, 31))

    class Params:
        signed = factory.Trait(status=AgreementStatus.SIGNED)
        negotiating = factory.Trait(status=AgreementStatus.NEGOTIATING)


class PartnershipFactory(AgreementFactory):
    kind = AgreementKind.PARTNERSHIP
    title = factory.Sequence(lambda n: f"Meerjarige verbinding {n}")
    starts_on = datetime.date(2025, 1, 1)
    ends_on = datetime.date(2028, 12, 31)
    shared_goals = "Een plek waar bewoners elkaar helpen."
    status = AgreementStatus.SIGNED


class ResultObligationFactory(DjangoModelFactory):
    class Meta:
        model = ResultObligation

    agreement = factory.SubFactory(AnnualAgreementFactory)
    indicator = "Bewoners geholpen met formulieren"
    target = Decimal("100.00")
    unit = "bewoners"
    period_start = factory.LazyAttribute(lambda o: o.agreement.starts_on)
    period_end = factory.LazyAttribute(lambda o: o.agreement.ends_on)


class ObligationValueFactory(DjangoModelFactory):
    class Meta:
        model = ObligationValue

    obligation = factory.SubFactory(ResultObligationFactory)
    value = Decimal("40.00")
    as_of = datetime.date(2026, 6, 30)
    note = "Turflijst van de formulierenbrigade."
    entered_by = factory.SubFactory(UserFactory)


class ReportingDateFactory(DjangoModelFactory):
    class Meta:
        model = ReportingDate

    application = factory.SubFactory(FundingApplicationFactory, granted=True)
    due_on = datetime.date(2027, 3, 31)
    subject = "Tussenrapportage"
