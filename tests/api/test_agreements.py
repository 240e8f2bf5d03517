"""Agreements with their parties, made and signed through the brokering services."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from rest_framework.serializers import as_serializer_error

from buurtwerkkamer.brokering import services
from buurtwerkkamer.brokering.constants import AgreementKind, AgreementStatus
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
    assert response.json()["status"] == AgreementStatus.NEGOTIATING
    assert sorted(parties) == sorted([world.partner_organisation.slug, fund.slug])
    assert set(world.room.partners.all()) == {world.partner_organisation, fund}


def test_a_partner_signs_for_their_own_organisation(
    world: World, api_for: ApiFor
) -> None:
    party = AgreementPartyFactory(
        agreement__room=world.room,
        agreement__status=AgreementStatus.NEGOTIATING,
        organisation=world.partner_organisation,
    )

    response = api_for("partner").post(
        sign_url(party.agreement), signature(world.partner_organisation.slug)
    )

    party.refresh_from_db()
    assert response.status_code == 200
    assert response.json()["status"] == AgreementStatus.SIGNED
    assert party.signed_by == "J. Jansen"


def test_a_partner_gets_403_on_signing_a_draft(world: World, api_for: ApiFor) -> None:
    party = AgreementPartyFactory(
        agreement__room=world.room, organisation=world.partner_organisation
    )

    response = api_for("partner").post(
        sign_url(party.agreement), signature(world.partner_organisation.slug)
    )

    party.refresh_from_db()
    assert response.status_code == 403
    assert party.signed_on is None


def test_a_partner_gets_403_on_signing_for_another_organisation(
    world: World, api_for: ApiFor
) -> None:
    other = AgreementPartyFactory(
        agreement__room=world.room, agreement__status=AgreementStatus.NEGOTIATING
    )
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


def test_a_volunteer_neither_sees_nor_changes_an_agreement_of_their_room(
    world: World, api_for: ApiFor
) -> None:
    agreement = AgreementFactory(room=world.room, title="Oud")
    url = reverse("api:agreement-detail", kwargs={"uuid": agreement.uuid})
    client = api_for("volunteer")

    listed = client.get(reverse("api:agreement-list")).json()["count"]
    seen = client.get(url)
    changed = client.patch(url, {"title": "Nieuw"}, format="json")

    agreement.refresh_from_db()
    assert (listed, seen.status_code, changed.status_code) == (0, 403, 403)
    assert agreement.title == "Oud"


def refusal_of(agreement: Agreement, **changes: str) -> dict:
    """What the brokering service answers to these changes, in Dutch and in the
    shape the API gives its errors."""
    fresh = Agreement.objects.get(pk=agreement.pk)
    with translation.override("nl"):
        try:
            services.update_agreement(fresh, **changes)
        except ValidationError as error:
            return as_serializer_error(error)
    raise AssertionError("the service accepted the changes")


def test_a_coach_changes_the_title_of_an_agreement_in_negotiation(
    world: World, api_for: ApiFor
) -> None:
    agreement = AgreementFactory(
        room=world.room, title="Oud", status=AgreementStatus.NEGOTIATING
    )
    url = reverse("api:agreement-detail", kwargs={"uuid": agreement.uuid})

    response = api_for("project_coach").patch(url, {"title": "Nieuw"}, format="json")

    agreement.refresh_from_db()
    assert (response.status_code, response.json()["title"]) == (200, "Nieuw")
    assert agreement.title == "Nieuw"


def test_a_signed_agreement_cannot_change_through_the_api(
    world: World, api_for: ApiFor
) -> None:
    agreement = AgreementFactory(
        room=world.room, title="Oud", status=AgreementStatus.SIGNED
    )
    url = reverse("api:agreement-detail", kwargs={"uuid": agreement.uuid})

    response = api_for("board").patch(url, {"title": "Nieuw"}, format="json")

    agreement.refresh_from_db()
    assert response.status_code == 400
    assert response.json() == refusal_of(agreement, title="Nieuw")
    assert agreement.title == "Oud"


def test_the_kind_of_an_agreement_cannot_change_through_the_api(
    world: World, api_for: ApiFor
) -> None:
    agreement = AgreementFactory(room=world.room, title="Intentie")
    url = reverse("api:agreement-detail", kwargs={"uuid": agreement.uuid})
    payload = {
        "room": world.room.slug,
        "kind": AgreementKind.COOPERATION,
        "title": "Samenwerking",
    }

    response = api_for("project_coach").put(url, payload, format="json")

    agreement.refresh_from_db()
    assert response.status_code == 400
    assert response.json() == refusal_of(agreement, kind=AgreementKind.COOPERATION)
    assert (agreement.kind, agreement.title) == (
        AgreementKind.LETTER_OF_INTENT,
        "Intentie",
    )
