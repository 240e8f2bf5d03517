"""Who reads which agreements, and whose signatories they see: the API lists what
`brokering.queries.agreements_for` gives each role, and no more."""

import pytest
from django.urls import reverse

from buurtwerkkamer.brokering.constants import AgreementStatus
from buurtwerkkamer.brokering.models import Agreement
from buurtwerkkamer.brokering.queries import agreements_for
from buurtwerkkamer.partners.models import Organisation
from buurtwerkkamer.rooms.models import Room

from ..factories import AgreementPartyFactory, OrganisationFactory
from ..personas import ROLES, World
from .conftest import ApiFor


def agreement_with(room: Room, organisation: Organisation, status: str) -> Agreement:
    party = AgreementPartyFactory(
        agreement__room=room, agreement__status=status, organisation=organisation
    )
    return party.agreement


@pytest.fixture
def agreements(world: World) -> dict[str, Agreement]:
    """Agreements in both rooms, with and without the partner's organisation."""
    partner, other = world.partner_organisation, OrganisationFactory()
    return {
        "draft_with_partner": agreement_with(
            world.room, partner, AgreementStatus.DRAFT
        ),
        "negotiating_with_partner": agreement_with(
            world.room, partner, AgreementStatus.NEGOTIATING
        ),
        "signed_without_partner": agreement_with(
            world.room, other, AgreementStatus.SIGNED
        ),
        "elsewhere_with_partner": agreement_with(
            world.other_room, partner, AgreementStatus.NEGOTIATING
        ),
    }


def listed(api_for: ApiFor, role: str) -> set[str]:
    response = api_for(role).get(reverse("api:agreement-list"))
    return {row["uuid"] for row in response.json()["results"]}


def names(agreements: dict[str, Agreement], uuids: set[str]) -> set[str]:
    return {name for name, record in agreements.items() if str(record.uuid) in uuids}


@pytest.mark.parametrize("role", ROLES)
def test_the_list_holds_what_agreements_for_gives_in_each_room_the_user_may_list(
    role: str, world: World, agreements: dict[str, Agreement], api_for: ApiFor
) -> None:
    user = world.users[role]
    rooms = [
        room
        for room in Room.objects.visible_to(user)
        if user.has_perm("brokering.list_agreements", room)
    ]
    expected = {str(row.uuid) for room in rooms for row in agreements_for(user, room)}

    assert listed(api_for, role) == expected


@pytest.mark.parametrize("role", ROLES)
def test_every_listed_agreement_opens_for_the_user(
    role: str, world: World, agreements: dict[str, Agreement], api_for: ApiFor
) -> None:
    client = api_for(role)

    codes = {
        client.get(reverse("api:agreement-detail", kwargs={"uuid": uuid})).status_code
        for uuid in listed(api_for, role)
    }

    assert codes <= {200}


EVERY = {
    "draft_with_partner",
    "negotiating_with_partner",
    "signed_without_partner",
    "elsewhere_with_partner",
}
HOME_ROOM = EVERY - {"elsewhere_with_partner"}


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("board", EVERY),
        ("treasurer", EVERY),
        ("project_coach", HOME_ROOM),
        ("team_coordinator", HOME_ROOM),
        ("partner", {"negotiating_with_partner"}),
        ("volunteer", set()),
        ("audit_committee", set()),
        ("accountant", set()),
    ],
)
def test_who_lists_which_agreements(
    role: str, expected: set[str], agreements: dict[str, Agreement], api_for: ApiFor
) -> None:
    assert names(agreements, listed(api_for, role)) == expected


def test_a_partner_gets_403_on_a_draft_of_their_own_organisation(
    agreements: dict[str, Agreement], api_for: ApiFor
) -> None:
    draft = agreements["draft_with_partner"]
    url = reverse("api:agreement-detail", kwargs={"uuid": draft.uuid})

    response = api_for("partner").get(url)

    assert response.status_code == 403


def test_a_partner_gets_403_on_an_agreement_without_their_organisation(
    agreements: dict[str, Agreement], api_for: ApiFor
) -> None:
    other = agreements["signed_without_partner"]
    url = reverse("api:agreement-detail", kwargs={"uuid": other.uuid})

    response = api_for("partner").get(url)

    assert response.status_code == 403


@pytest.fixture
def signed_by_both(world: World) -> Agreement:
    own = AgreementPartyFactory(
        agreement__room=world.room,
        agreement__status=AgreementStatus.SIGNED,
        organisation=world.partner_organisation,
        signed_on="2026-11-02",
        signed_by="A. de Gemeente",
    )
    AgreementPartyFactory(
        agreement=own.agreement,
        organisation=OrganisationFactory(name="Fonds Elders"),
        signed_on="2026-11-03",
        signed_by="B. van het Fonds",
    )
    return own.agreement


def parties_seen_by(api_for: ApiFor, role: str, agreement: Agreement) -> dict:
    url = reverse("api:agreement-detail", kwargs={"uuid": agreement.uuid})
    parties = api_for(role).get(url).json()["parties"]
    return {
        party["organisation"]: (party["signed_on"], party.get("signed_by"))
        for party in parties
    }


def test_a_partner_sees_their_own_signatory_but_only_the_date_of_another(
    world: World, signed_by_both: Agreement, api_for: ApiFor
) -> None:
    other = signed_by_both.parties.exclude(organisation=world.partner_organisation)

    seen = parties_seen_by(api_for, "partner", signed_by_both)

    assert seen == {
        world.partner_organisation.slug: ("2026-11-02", "A. de Gemeente"),
        other.get().organisation.slug: ("2026-11-03", None),
    }


@pytest.mark.parametrize("role", ["board", "treasurer", "project_coach"])
def test_the_cooperative_and_room_staff_see_every_signatory(
    role: str, signed_by_both: Agreement, api_for: ApiFor
) -> None:
    seen = parties_seen_by(api_for, role, signed_by_both)

    assert sorted(signed_by for _on, signed_by in seen.values()) == [
        "A. de Gemeente",
        "B. van het Fonds",
    ]
