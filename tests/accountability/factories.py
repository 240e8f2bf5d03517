"""Factories of annual reports."""

import factory
from factory.django import DjangoModelFactory

from buurtwerkkamer.accountability.models import AnnualReport, AuditYear, Finding
from tests.factories import RoomFactory, UserFactory


class AnnualReportFactory(DjangoModelFactory):
    class Meta:
        model = AnnualReport

    room = factory.SubFactory(RoomFactory)
    year = 2025


class AuditYearFactory(DjangoModelFactory):
    class Meta:
        model = AuditYear
        django_get_or_create = ("year",)

    year = 2025


class FindingFactory(DjangoModelFactory):
    class Meta:
        model = Finding

    audit = factory.SubFactory(AuditYearFactory)
    finding = "Twee bonnen van mei ontbreken."
    recorded_by = factory.SubFactory(UserFactory)
