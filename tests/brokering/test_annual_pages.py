"""The pages of annual agreements: realised against target, next year's draft,
obligations and values, and who sees what."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext

from buurtwerkkamer.brokering.constants import AgreementStatus
from buurtwerkkamer.brokering.models import Agreement, ObligationValue
from tests.factories import AgreementPartyFactory, OrganisationFactory
from tests.personas import World

from .conftest import FAKE, FakeIndicator
from .factories import AnnualAgreementFactory, ResultObligationFactory

NOW = datetime.datetime(2026, 7, 2, 12)


def signed_annual(world: World) -> Agreement:
    agreement = AnnualAgreementFactory(room=world.room, year=2026, signed=True)
    AgreementPartyFactory(
        agreement=agreement,
        organisation=world.partner_organisation,
        signed_on=datetime.date(2025, 11, 20),
        signed_by="Wethouder Jansen",
    )
    AgreementPartyFactory(
        agreement=agreement,
        organisation=OrganisationFactory(residents=True),
        signed_on=datetime.date(2025, 11, 21),
        signed_by="Voorzitter Bakker",
    )
    return agreement


def page(client, world: World, role: str, agreement: Agreement):
    client.force_login(world.users[role])
    with time_machine.travel(NOW, tick=False):
        return client.get(agreement.get_absolute_url())


def test_the_agreement_page_shows_realised_against_target(
    client, world: World, fake_indicator: FakeIndicator
) -> None:
    agreement = signed_annual(world)
    ResultObligationFactory(
        agreement=agreement, indicator=FAKE, computed=True, target=Decimal("100")
    )
    fake_indicator.values = {world.room.pk: Decimal("60")}
    response = page(client, world, "board", agreement)
    [row] = response.context["measured"]
    assert (row.realised, row.on_track, row.share) == (Decimal("60"), True, 60)
    assert 'data-on-track="yes"' in response.content.decode()


def test_the_agreement_page_takes_the_same_queries_for_more_obligations(
    client, world: World, fake_indicator: FakeIndicator
) -> None:
    agreement = signed_annual(world)

    def obligations(count: int) -> None:
        for _ in range(count):
            ResultObligationFactory(agreement=agreement, indicator=FAKE, computed=True)
            ResultObligationFactory(agreement=agreement)

    obligations(1)
    client.force_login(world.users["board"])
    with CaptureQueriesContext(connection) as few:
        client.get(agreement.get_absolute_url())
    obligations(8)
    with CaptureQueriesContext(connection) as many:
        client.get(agreement.get_absolute_url())
    assert len(many) == len(few)


def test_next_years_agreement_is_drafted_from_the_page(client, world: World) -> None:
    agreement = signed_annual(world)
    client.force_login(world.users["project_coach"])
    response = client.post(
        reverse("brokering:copy", kwargs={"agreement": agreement.uuid})
    )
    copy = Agreement.objects.get(year=2027)
    assert response.url == copy.get_absolute_url()
    assert copy.status == AgreementStatus.DRAFT


def test_a_second_copy_is_refused_with_a_message(client, world: World) -> None:
    agreement = signed_annual(world)
    client.force_login(world.users["project_coach"])
    url = reverse("brokering:copy", kwargs={"agreement": agreement.uuid})
    client.post(url)
    response = client.post(url, follow=True)
    assert Agreement.objects.filter(year=2027).count() == 1
    messages = [str(message) for message in response.context["messages"]]
    assert messages[-1:] == [
        gettext("This room already has an annual agreement for %(year)s.")
        % {"year": 2027}
    ]


@pytest.mark.parametrize(
    ("role", "status"), [("team_coordinator", 403), ("partner", 403)]
)
def test_only_who_manages_the_room_drafts_next_year(
    client, world: World, role: str, status: int
) -> None:
    agreement = signed_annual(world)
    client.force_login(world.users[role])
    response = client.post(
        reverse("brokering:copy", kwargs={"agreement": agreement.uuid})
    )
    assert response.status_code == status
    assert not Agreement.objects.filter(year=2027).exists()


def test_a_partner_reads_the_annual_agreement_of_their_organisation(
    client, world: World
) -> None:
    response = page(client, world, "partner", signed_annual(world))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Wethouder Jansen" in body
    assert "Voorzitter Bakker" not in body


def test_a_partner_does_not_see_next_years_draft(client, world: World) -> None:
    draft = AnnualAgreementFactory(room=world.room, year=2027)
    AgreementPartyFactory(agreement=draft, organisation=world.partner_organisation)
    assert page(client, world, "partner", draft).status_code == 403


def test_a_coordinator_enters_a_value_with_a_note(client, world: World) -> None:
    obligation = ResultObligationFactory(agreement=signed_annual(world))
    client.force_login(world.users["team_coordinator"])
    url = reverse("brokering:value_create", kwargs={"obligation": obligation.uuid})
    with time_machine.travel(NOW, tick=False):
        client.post(url, {"value": "42", "as_of": "2026-07-01", "note": "Turflijst"})
    value = ObligationValue.objects.get()
    assert (value.value, value.entered_by) == (
        Decimal("42"),
        world.users["team_coordinator"],
    )


def test_a_value_without_evidence_is_refused_on_the_page(client, world: World) -> None:
    obligation = ResultObligationFactory(agreement=signed_annual(world))
    client.force_login(world.users["team_coordinator"])
    url = reverse("brokering:value_create", kwargs={"obligation": obligation.uuid})
    with time_machine.travel(NOW, tick=False):
        response = client.post(url, {"value": "42", "as_of": "2026-07-01"})
    assert response.context["form"].errors["note"] == [
        gettext("Add the evidence: a document or a note.")
    ]
    assert not ObligationValue.objects.exists()


def test_a_coach_adds_an_obligation_with_a_computed_indicator(
    client, world: World, fake_indicator: FakeIndicator
) -> None:
    agreement = AnnualAgreementFactory(room=world.room, year=2027)
    client.force_login(world.users["project_coach"])
    url = reverse("brokering:obligation_create", kwargs={"agreement": agreement.uuid})
    client.post(url, {"computed_indicator": FAKE, "target": "300"})
    obligation = agreement.obligations.get()
    assert (obligation.indicator, obligation.computed, obligation.unit) == (
        FAKE,
        True,
        "visits",
    )
