"""Partnerships, annual agreements and result obligations through the API: the
same rules as the pages, realised values with every obligation."""

import datetime
from collections.abc import Iterator
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from buurtwerkkamer.brokering.constants import AgreementStatus
from buurtwerkkamer.brokering.models import (
    Agreement,
    ObligationValue,
    PartnershipInvestment,
    ResultObligation,
)
from tests.brokering.conftest import (
    FAKE,
    FakeIndicator,
    registered,
)
from tests.brokering.factories import (
    AnnualAgreementFactory,
    PartnershipFactory,
    ReportingDateFactory,
    ResultObligationFactory,
)

from ..factories import AgreementPartyFactory, OrganisationFactory
from ..personas import World
from .conftest import ApiFor

NOW = datetime.datetime(2026, 7, 2, 12)


@pytest.fixture
def fake_indicator() -> Iterator[FakeIndicator]:
    yield from registered()


def detail(agreement: Agreement, action: str = "") -> str:
    name = f"api:agreement-{action}" if action else "api:agreement-detail"
    return reverse(name, kwargs={"uuid": agreement.uuid})


def signed_annual(world: World) -> Agreement:
    agreement = AnnualAgreementFactory(room=world.room, year=2026, signed=True)
    AgreementPartyFactory(
        agreement=agreement,
        organisation=world.partner_organisation,
        signed_on=datetime.date(2025, 11, 20),
        signed_by="Wethouder Jansen",
        commitment_amount=Decimal("40000.00"),
    )
    AgreementPartyFactory(
        agreement=agreement,
        organisation=OrganisationFactory(residents=True),
        signed_on=datetime.date(2025, 11, 21),
        signed_by="Voorzitter Bakker",
    )
    return agreement


def test_an_annual_agreement_made_through_the_api_runs_over_its_year(
    world: World, api_for: ApiFor
) -> None:
    payload = {
        "room": world.room.slug,
        "kind": "annual",
        "title": "Jaarafspraak 2027",
        "year": 2027,
        "organisations": [world.partner_organisation.slug],
    }
    response = api_for("project_coach").post(
        reverse("api:agreement-list"), payload, format="json"
    )
    assert response.status_code == 201
    assert (response.json()["starts_on"], response.json()["ends_on"]) == (
        "2027-01-01",
        "2027-12-31",
    )


def test_a_second_annual_agreement_for_a_year_is_refused(
    world: World, api_for: ApiFor
) -> None:
    AnnualAgreementFactory(room=world.room, year=2027)
    payload = {
        "room": world.room.slug,
        "kind": "annual",
        "title": "Nog een",
        "year": 2027,
    }
    response = api_for("board").post(
        reverse("api:agreement-list"), payload, format="json"
    )
    assert response.status_code == 400
    assert Agreement.objects.filter(year=2027).count() == 1


def test_the_copy_action_drafts_next_years_agreement(
    world: World, api_for: ApiFor
) -> None:
    response = api_for("project_coach").post(detail(signed_annual(world), "copy"))
    body = response.json()
    assert response.status_code == 201
    assert (body["year"], body["status"]) == (2027, AgreementStatus.DRAFT)
    assert [party["signed_on"] for party in body["parties"]] == [None, None]
    assert body["parties"][0]["commitment_amount"] in {"40000.00", None}


def test_the_copy_action_refuses_a_year_the_room_has(
    world: World, api_for: ApiFor
) -> None:
    agreement = signed_annual(world)
    AnnualAgreementFactory(room=world.room, year=2027)
    response = api_for("board").post(detail(agreement, "copy"))
    assert response.status_code == 400
    assert Agreement.objects.filter(year=2027).count() == 1


@pytest.mark.parametrize("role", ["partner", "team_coordinator", "treasurer"])
def test_only_who_manages_the_room_copies(
    world: World, api_for: ApiFor, role: str
) -> None:
    response = api_for(role).post(detail(signed_annual(world), "copy"))
    assert response.status_code == 403
    assert not Agreement.objects.filter(year=2027).exists()


def test_an_obligation_with_a_target_of_zero_is_refused(
    world: World, api_for: ApiFor
) -> None:
    agreement = AnnualAgreementFactory(room=world.room, year=2027)
    payload = {"indicator": "Bewoners geholpen", "target": "0", "unit": "bewoners"}
    response = api_for("project_coach").post(
        detail(agreement, "add-obligation"), payload, format="json"
    )
    assert response.status_code == 400
    assert "target" in response.json()
    assert not ResultObligation.objects.exists()


def test_an_unknown_computed_indicator_is_refused(
    world: World, api_for: ApiFor
) -> None:
    agreement = AnnualAgreementFactory(room=world.room, year=2027)
    payload = {"indicator": "no_such_code", "computed": True, "target": "10"}
    response = api_for("project_coach").post(
        detail(agreement, "add-obligation"), payload, format="json"
    )
    assert response.status_code == 400
    assert not ResultObligation.objects.exists()


def test_an_agreement_answers_with_realised_against_target(
    world: World, api_for: ApiFor, fake_indicator: FakeIndicator
) -> None:
    agreement = signed_annual(world)
    ResultObligationFactory(
        agreement=agreement, indicator=FAKE, computed=True, target=Decimal("100")
    )
    fake_indicator.values = {world.room.pk: Decimal("60")}
    with time_machine.travel(NOW, tick=False):
        response = api_for("partner").get(detail(agreement))
    [obligation] = response.json()["obligations"]
    assert (obligation["realised"], obligation["on_track"]) == ("60.00", True)
    assert obligation["expected"] == "50.14"


def test_a_partner_sees_the_signatory_of_their_own_organisation_only(
    world: World, api_for: ApiFor
) -> None:
    response = api_for("partner").get(detail(signed_annual(world)))
    names = {party.get("signed_by") for party in response.json()["parties"]}
    assert names == {"Wethouder Jansen", None}


def test_a_partner_does_not_list_next_years_draft(
    world: World, api_for: ApiFor
) -> None:
    signed = signed_annual(world)
    draft = AnnualAgreementFactory(room=world.room, year=2027)
    AgreementPartyFactory(agreement=draft, organisation=world.partner_organisation)
    response = api_for("partner").get(reverse("api:agreement-list"))
    assert [row["uuid"] for row in response.json()["results"]] == [str(signed.uuid)]


def test_a_partner_lists_the_obligations_of_their_agreements_only(
    world: World, api_for: ApiFor
) -> None:
    own = ResultObligationFactory(agreement=signed_annual(world))
    draft = AnnualAgreementFactory(room=world.room, year=2027)
    AgreementPartyFactory(agreement=draft, organisation=world.partner_organisation)
    ResultObligationFactory(agreement=draft)
    response = api_for("partner").get(reverse("api:resultobligation-list"))
    assert [row["uuid"] for row in response.json()["results"]] == [str(own.uuid)]


def test_a_coordinator_enters_a_value_with_its_evidence(
    world: World, api_for: ApiFor
) -> None:
    obligation = ResultObligationFactory(
        agreement=signed_annual(world), target=Decimal("100")
    )
    url = reverse("api:resultobligation-values", kwargs={"uuid": obligation.uuid})
    payload = {"value": "30", "as_of": "2026-06-30", "note": "Turflijst"}
    with time_machine.travel(NOW, tick=False):
        response = api_for("team_coordinator").post(url, payload, format="json")
    assert response.status_code == 201
    assert response.json()["realised"] == "30.00"
    assert ObligationValue.objects.get().entered_by == world.users["team_coordinator"]


def test_a_value_in_the_future_is_refused(world: World, api_for: ApiFor) -> None:
    obligation = ResultObligationFactory(agreement=signed_annual(world))
    url = reverse("api:resultobligation-values", kwargs={"uuid": obligation.uuid})
    payload = {"value": "30", "as_of": "2026-08-30", "note": "Turflijst"}
    with time_machine.travel(NOW, tick=False):
        response = api_for("team_coordinator").post(url, payload, format="json")
    assert response.status_code == 400
    assert not ObligationValue.objects.exists()


def test_a_partner_enters_no_values(world: World, api_for: ApiFor) -> None:
    obligation = ResultObligationFactory(agreement=signed_annual(world))
    url = reverse("api:resultobligation-values", kwargs={"uuid": obligation.uuid})
    payload = {"value": "30", "as_of": "2026-06-30", "note": "Turflijst"}
    response = api_for("partner").post(url, payload, format="json")
    assert response.status_code == 403
    assert not ObligationValue.objects.exists()


def test_a_party_states_its_investment_in_a_year_of_the_partnership(
    world: World, api_for: ApiFor
) -> None:
    partnership = PartnershipFactory(
        room=world.room, status=AgreementStatus.NEGOTIATING
    )
    AgreementPartyFactory(
        agreement=partnership, organisation=world.partner_organisation
    )
    payload = {
        "organisation": world.partner_organisation.slug,
        "year": 2027,
        "amount": "20000.00",
    }
    response = api_for("project_coach").post(
        detail(partnership, "set-investment"), payload, format="json"
    )
    assert response.status_code == 200
    assert response.json()["investments"][0]["amount"] == "20000.00"
    assert PartnershipInvestment.objects.get().year == 2027


def test_an_investment_outside_the_partnership_is_refused(
    world: World, api_for: ApiFor
) -> None:
    partnership = PartnershipFactory(
        room=world.room, status=AgreementStatus.NEGOTIATING
    )
    AgreementPartyFactory(
        agreement=partnership, organisation=world.partner_organisation
    )
    payload = {
        "organisation": world.partner_organisation.slug,
        "year": 2031,
        "amount": "20000.00",
    }
    response = api_for("project_coach").post(
        detail(partnership, "set-investment"), payload, format="json"
    )
    assert response.status_code == 400
    assert not PartnershipInvestment.objects.exists()


def test_an_amendment_through_the_api_asks_for_signatures_again(
    world: World, api_for: ApiFor
) -> None:
    agreement = signed_annual(world)
    payload = {"amended_on": "2026-06-01", "changes": "Hoger doel"}
    with time_machine.travel(NOW, tick=False):
        response = api_for("board").post(
            detail(agreement, "amend"), payload, format="json"
        )
    body = response.json()
    assert body["status"] == AgreementStatus.AMENDED
    assert body["amendments"] == [{"amended_on": "2026-06-01", "changes": "Hoger doel"}]


def test_a_reporting_date_is_added_to_a_funding_application(
    world: World, api_for: ApiFor
) -> None:
    application = ReportingDateFactory(application__room=world.room).application
    url = reverse(
        "api:fundingapplication-add-reporting-date", kwargs={"uuid": application.uuid}
    )
    payload = {"due_on": "2027-12-31", "subject": "Eindverslag"}
    response = api_for("treasurer").post(url, payload, format="json")
    subjects = [row["subject"] for row in response.json()["reporting_dates"]]
    assert response.status_code == 201
    assert subjects == ["Tussenrapportage", "Eindverslag"]
