"""Every endpoint asks the one policy: outsiders get 404, members without the right
get 403, and lists show only what the detail would show."""

import datetime
from decimal import Decimal
from typing import cast

import pytest
import rules
from django.urls import reverse

from buurtwerkkamer.api.base import PolicyViewSet
from buurtwerkkamer.api.urls import router
from buurtwerkkamer.brokering.models import FundingApplication
from buurtwerkkamer.rooms.constants import Stage
from buurtwerkkamer.startup.models import StageChange

from ..factories import (
    AgreementFactory,
    ChecklistItemFactory,
    FundingApplicationFactory,
    LocationFactory,
    OrganisationFactory,
    PersonFactory,
    TalkFactory,
)
from ..personas import World
from .conftest import ApiFor

VIEWSETS = {
    prefix: cast(type[PolicyViewSet], viewset)
    for prefix, viewset, _basename in router.registry
}


@pytest.mark.parametrize("prefix", VIEWSETS)
def test_every_permission_a_viewset_names_is_in_the_policy(prefix: str) -> None:
    names = VIEWSETS[prefix].policy.values()

    assert [name for name in names if not rules.perm_exists(name)] == []


@pytest.mark.parametrize("prefix", VIEWSETS)
def test_every_action_a_viewset_guards_exists(prefix: str) -> None:
    viewset = VIEWSETS[prefix]

    assert [name for name in viewset.policy if not hasattr(viewset, name)] == []


@pytest.mark.parametrize("prefix", VIEWSETS)
def test_no_viewset_deletes_records(prefix: str) -> None:
    viewset = VIEWSETS[prefix]

    assert "delete" not in viewset.http_method_names
    assert not hasattr(viewset, "destroy")


def test_an_outsider_gets_404_on_another_rooms_detail(
    world: World, api_for: ApiFor
) -> None:
    url = reverse("api:room-detail", kwargs={"slug": world.other_room.slug})

    response = api_for("project_coach").get(url)

    assert response.status_code == 404


def test_a_user_without_roles_gets_404_on_a_room(world: World, api_for: ApiFor) -> None:
    url = reverse("api:room-detail", kwargs={"slug": world.room.slug})

    response = api_for("nobody").get(url)

    assert response.status_code == 404


def test_a_volunteer_gets_403_on_changing_their_room(
    world: World, api_for: ApiFor
) -> None:
    url = reverse("api:room-detail", kwargs={"slug": world.room.slug})

    response = api_for("volunteer").patch(url, {"name": "Andere naam"}, format="json")

    world.room.refresh_from_db()
    assert response.status_code == 403
    assert world.room.name == "Kamer Thuis"


def funding_payload(world: World) -> dict:
    return {
        "room": world.room.slug,
        "funder": OrganisationFactory(fund=True).slug,
        "title": "Startsubsidie",
        "amount_requested": "12000.00",
        "period_start": "2027-01-01",
        "period_end": "2027-12-31",
    }


def test_a_volunteer_gets_403_on_creating_a_funding_application_in_their_room(
    world: World, api_for: ApiFor
) -> None:
    url = reverse("api:fundingapplication-list")

    response = api_for("volunteer").post(url, funding_payload(world), format="json")

    assert response.status_code == 403
    assert not FundingApplication.objects.exists()


def test_a_treasurer_creates_a_funding_application(
    world: World, api_for: ApiFor
) -> None:
    url = reverse("api:fundingapplication-list")

    response = api_for("treasurer").post(url, funding_payload(world), format="json")

    saved = FundingApplication.objects.get(uuid=response.json()["uuid"])
    assert response.status_code == 201
    assert (saved.room, saved.amount_requested) == (world.room, Decimal("12000.00"))


def test_a_volunteer_gets_403_on_a_funding_application_of_their_room(
    world: World, api_for: ApiFor
) -> None:
    application = FundingApplicationFactory(room=world.room)
    url = reverse("api:fundingapplication-detail", kwargs={"uuid": application.uuid})

    response = api_for("volunteer").get(url)

    assert response.status_code == 403


def test_a_partner_lists_no_funding_applications_of_their_room(
    world: World, api_for: ApiFor
) -> None:
    FundingApplicationFactory(room=world.room)

    response = api_for("partner").get(reverse("api:fundingapplication-list"))

    assert response.json()["count"] == 0


def test_a_coach_lists_the_funding_applications_of_their_room_only(
    world: World, api_for: ApiFor
) -> None:
    own = FundingApplicationFactory(room=world.room)
    FundingApplicationFactory(room=world.other_room)

    response = api_for("project_coach").get(reverse("api:fundingapplication-list"))

    assert [row["uuid"] for row in response.json()["results"]] == [str(own.uuid)]


def test_a_record_cannot_move_to_another_room(world: World, api_for: ApiFor) -> None:
    application = FundingApplicationFactory(room=world.room)
    url = reverse("api:fundingapplication-detail", kwargs={"uuid": application.uuid})

    response = api_for("board").patch(
        url, {"room": world.other_room.slug}, format="json"
    )

    application.refresh_from_db()
    assert response.status_code == 400
    assert application.room == world.room


def test_the_board_cannot_delete_a_funding_application(
    world: World, api_for: ApiFor
) -> None:
    application = FundingApplicationFactory(room=world.room)
    url = reverse("api:fundingapplication-detail", kwargs={"uuid": application.uuid})

    response = api_for("board").delete(url)

    assert response.status_code == 405
    assert FundingApplication.objects.filter(pk=application.pk).exists()


def test_a_granted_application_without_amount_is_refused_by_the_service(
    world: World, api_for: ApiFor
) -> None:
    payload = funding_payload(world) | {
        "status": "granted",
        "submitted_on": "2026-10-01",
        "decided_on": "2026-11-15",
    }

    response = api_for("board").post(
        reverse("api:fundingapplication-list"), payload, format="json"
    )

    assert response.status_code == 400
    assert list(response.json()) == ["amount_granted"]
    assert not FundingApplication.objects.filter(period_start=datetime.date(2027, 1, 1))


OTHER_ROOM_RECORDS = {
    "agreement": lambda world: AgreementFactory(room=world.other_room),
    "fundingapplication": lambda world: FundingApplicationFactory(
        room=world.other_room
    ),
    "talk": lambda world: TalkFactory(room=world.other_room),
    "location": lambda world: LocationFactory(room=world.other_room),
    "checklistitem": lambda world: ChecklistItemFactory(room=world.other_room),
    "stagechange": lambda world: StageChange.objects.create(
        room=world.other_room,
        from_stage=Stage.EXPLORING,
        to_stage=Stage.INTENT_SIGNED,
        changed_by=world.users["board"],
    ),
    "person": lambda world: PersonFactory(rooms=[world.other_room]),
}


@pytest.mark.parametrize("basename", OTHER_ROOM_RECORDS)
@pytest.mark.parametrize("role", ["project_coach", "team_coordinator", "partner"])
def test_room_staff_and_partners_get_404_on_records_of_another_room(
    basename: str, role: str, world: World, api_for: ApiFor
) -> None:
    record = OTHER_ROOM_RECORDS[basename](world)
    url = reverse(f"api:{basename}-detail", kwargs={"uuid": record.uuid})

    response = api_for(role).get(url)

    assert response.status_code == 404


def test_the_options_answer_offers_only_what_the_policy_allows(
    world: World, api_for: ApiFor
) -> None:
    client = api_for("project_coach")

    rooms = client.options(reverse("api:room-list")).json()
    own = client.options(reverse("api:room-detail", kwargs={"slug": world.room.slug}))

    assert "actions" not in rooms
    assert list(own.json()["actions"]) == ["PUT"]
