"""Factories of annual reports."""

import factory
from factory.django import DjangoModelFactory

from buurtwerkkamer.accountability.models import AnnualReport
from tests.factories import RoomFactory


class AnnualReportFactory(DjangoModelFactory):
    class Meta:
        model = AnnualReport

    room = factory.SubFactory(RoomFactory)
    year = 2025
