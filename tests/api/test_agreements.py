"""Agreements with their parties, made and signed through the brokering services."""

from django.urls import reverse
from django.utils import timezone

from buurtwerkkamer.brokering.constants import AgreementStatus
from buurtwerkkamer.brokering.models import Agreement

from ..factories import AgreementFactory, AgreementPartyFactory, OrganisationFactory
from ..personas import World
from .conftest import ApiFor


def sign_url(agreement: Agreement) -> str:
    return reverse("api:agreement-sign", kwargs={"uuid": agreement.uuid})


def signature(organisation_slug: str) -> dict:
    today = timezone.localdate().isoformat()
    return {
        "organisation": organisation_slug,
        "signed_on": today,
        "signed_by": "J. Jansen",
    }


def test_a_coach_creates_an_agreement_with_its_parties(
    world: World, api_for: ApiFor
) -> None:
    fund = OrganisationFactory(fund=True)
    payload = {
        "room": world.room.slug,
        "kind": "cooperation",
        "title": "Samenwerkingsafspraken 2027",
        "organisations": [world.partner_organisation.slug, fund.slug],
    }

    response = api_for("project_coach").post(
        reverse("api:agreement-list"), payload, format="json"
    )

    parties = [party["organisation"] for party in response.json()["parties"]]
    assert response.status_code == 201
    assert sorted(parties) == sorted([world.partner_organisation.slug, fund.slug])
    assert set(world.room.partners.all()) == {world.partner_organisation, fund}


def test_a_partner_signs_for_their_own_organisation(
    world: World, api_for: ApiFor
) -> None:
    party = AgreementPartyFactory(
        agreement__room=world.room, organisation=world.partner_organisation
    )

    response = api_for("partner").post(
        sign_url(party.agreement), signature(world.partner_organisation.slug)
    )

    party.refresh_from_db()
    assert response.status_code == 200
    assert response.json()["status"] == AgreementStatus.SIGNED
    assert party.signed_by == "J. Jansen"


def test_a_partner_gets_403_on_signing_for_another_organisation(
    world: World, api_for: ApiFor
) -> None:
    other = AgreementPartyFactory(agreement__room=world.room)
    world.room.partners.add(other.organisation)

    response = api_for("partner").post(
        sign_url(other.agreement), signature(other.organisation.slug)
    )

    other.refresh_from_db()
    assert response.status_code == 403
    assert other.signed_on is None


def test_a_signature_in_the_future_is_refused(world: World, api_for: ApiFor) -> None:
    party = AgreementPartyFactory(agreement__room=world.room)
    payload = signature(party.organisation.slug) | {"signed_on": "2999-01-01"}

    response = api_for("project_coach").post(sign_url(party.agreement), payload)

    party.refresh_from_db()
    assert response.status_code == 400
    assert party.signed_on is None


def test_a_coach_adds_a_party_to_a_draft_agreement(
    world: World, api_for: ApiFor
) -> None:
    agreement = AgreementFactory(room=world.room)
    url = reverse("api:agreement-add-party", kwargs={"uuid": agreement.uuid})

    response = api_for("project_coach").post(
        url, {"organisation": world.partner_organisation.slug}
    )

    assert response.status_code == 201
    assert response.json()["status"] == AgreementStatus.NEGOTIATING
    assert [party["organisation"] for party in response.json()["parties"]] == [
        world.partner_organisation.slug
    ]


def test_a_volunteer_sees_but_cannot_change_an_agreement_of_their_room(
    world: World, api_for: ApiFor
) -> None:
    agreement = AgreementFactory(room=world.room, title="Oud")
    url = reverse("api:agreement-detail", kwargs={"uuid": agreement.uuid})
    client = api_for("volunteer")

    seen = client.get(url)
    changed = client.patch(url, {"title": "Nieuw"}, format="json")

    agreement.refresh_from_db()
    assert (seen.status_code, changed.status_code) == (200, 403)
    assert agreement.title == "Oud"
