"""The demo's brokering: each operational room with a partnership and a signed
annual agreement for this year, measured against its targets, and next year's
agreements in different states so that the deadline overview shows work."""

from decimal import Decimal

import pytest

from buurtwerkkamer.brokering.constants import AgreementKind, AgreementStatus
from buurtwerkkamer.brokering.models import (
    Agreement,
    PartnershipInvestment,
    ReportingDate,
)
from buurtwerkkamer.brokering.queries import measure, rooms_without_signed_agreement
from buurtwerkkamer.demo.facts.rooms import OPERATIONAL_ROOMS
from buurtwerkkamer.rooms.models import Room

from .conftest import LOAD_DAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded_demo")]

SLUGS = [fact.slug for fact in OPERATIONAL_ROOMS]


def test_each_operational_room_has_a_signed_partnership_with_investments() -> None:
    partnerships = Agreement.objects.filter(kind=AgreementKind.PARTNERSHIP)
    assert sorted(partnerships.values_list("room__slug", flat=True)) == sorted(SLUGS)
    assert {agreement.status for agreement in partnerships} == {AgreementStatus.SIGNED}
    assert PartnershipInvestment.objects.filter(
        party__agreement__in=partnerships
    ).exists()


def test_each_operational_room_signed_this_years_annual_agreement() -> None:
    signed = Agreement.objects.filter(
        kind=AgreementKind.ANNUAL, year=LOAD_DAY.year, status=AgreementStatus.SIGNED
    )
    assert sorted(signed.values_list("room__slug", flat=True)) == sorted(SLUGS)
    assert all(agreement.signed_document_id for agreement in signed)


def test_this_years_obligations_are_measured_computed_and_entered() -> None:
    agreement = Agreement.objects.get(
        kind=AgreementKind.ANNUAL, year=LOAD_DAY.year, room__slug=SLUGS[0]
    )
    rows = measure(list(agreement.obligations.all()), LOAD_DAY)
    entered = [row for row in rows if not row.obligation.computed]
    assert [row.realised for row in entered] == [Decimal("120")]
    assert all(row.realised is not None for row in rows)


def test_the_deadline_overview_shows_next_years_work() -> None:
    rooms = rooms_without_signed_agreement(Room.objects.all(), LOAD_DAY.year + 1)
    states = {room.slug: room.agreement_status for room in rooms}
    assert states == dict(
        zip(
            SLUGS,
            [AgreementStatus.NEGOTIATING, AgreementStatus.DRAFT, None],
            strict=True,
        )
    )


def test_granted_funding_has_a_final_report_still_to_send() -> None:
    finals = ReportingDate.objects.filter(subject="Eindverslag")
    assert finals.exists()
    assert {item.done_on for item in finals} == {None}
    assert all(item.due_on > item.application.period_end for item in finals)
